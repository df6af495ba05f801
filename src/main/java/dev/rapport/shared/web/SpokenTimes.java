package dev.rapport.shared.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/** A moment in the words a customer reads in a reply, in the business's time zone. */
public final class SpokenTimes {

    private SpokenTimes() {
    }

    /** "today at 5 pm", "tomorrow at 10 am", "Friday at 5:30 pm", "Monday 7 December at noon". */
    public static String when(Instant at, ZoneId zone, Instant now) {
        ZonedDateTime time = at.atZone(zone);
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate day = time.toLocalDate();
        String clock = clock(time);
        if (day.equals(today)) {
            return "today at " + clock;
        }
        if (day.equals(today.plusDays(1))) {
            return "tomorrow at " + clock;
        }
        String weekday = day.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        if (day.isAfter(today) && day.isBefore(today.plusDays(7))) {
            return weekday + " at " + clock;
        }
        return weekday + " " + DateTimeFormatter.ofPattern("d MMMM", Locale.ENGLISH).format(day) + " at " + clock;
    }

    private static String clock(ZonedDateTime time) {
        int hour = time.getHour();
        int minute = time.getMinute();
        if (hour == 12 && minute == 0) {
            return "noon";
        }
        if (hour == 0 && minute == 0) {
            return "midnight";
        }
        String digits = (hour % 12 == 0 ? 12 : hour % 12) + (minute == 0 ? "" : String.format(":%02d", minute));
        return digits + (hour < 12 ? " am" : " pm");
    }
}
