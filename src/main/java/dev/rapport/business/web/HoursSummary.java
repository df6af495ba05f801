package dev.rapport.business.web;

import dev.rapport.business.BusinessHours;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Business hours in a few words, as people write them on a shop door: "Mon–Fri, 09:00–17:00". */
final class HoursSummary {

    private HoursSummary() {
    }

    static String of(BusinessHours hours) {
        return days(hours) + ", " + hours.opens() + "–" + hours.closes();
    }

    private static String days(BusinessHours hours) {
        if (hours.openDays().size() == 7) {
            return "Every day";
        }
        List<String> runs = new ArrayList<>();
        DayOfWeek[] week = DayOfWeek.values();
        for (int i = 0; i < week.length; i++) {
            if (!hours.isOpenOn(week[i])) {
                continue;
            }
            int end = i;
            while (end + 1 < week.length && hours.isOpenOn(week[end + 1])) {
                end++;
            }
            if (end - i >= 2) {
                runs.add(name(week[i]) + "–" + name(week[end]));
            } else {
                for (int day = i; day <= end; day++) {
                    runs.add(name(week[day]));
                }
            }
            i = end;
        }
        return String.join(", ", runs);
    }

    static String name(DayOfWeek day) {
        return day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    }
}
