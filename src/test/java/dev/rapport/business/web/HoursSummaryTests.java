package dev.rapport.business.web;

import dev.rapport.business.BusinessHours;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;

class HoursSummaryTests {

    @Test
    void writesRunsOfThreeOrMoreDaysAsARange() {
        assertThat(HoursSummary.of(BusinessHours.DEFAULT)).isEqualTo("Mon–Fri, 09:00–17:00");
        assertThat(HoursSummary.of(hours(EnumSet.of(MONDAY, WEDNESDAY, THURSDAY, FRIDAY, SUNDAY))))
                .isEqualTo("Mon, Wed–Fri, Sun, 08:30–20:00");
    }

    @Test
    void writesShortRunsDayByDayAndAWholeWeekAsEveryDay() {
        assertThat(HoursSummary.of(hours(EnumSet.of(SATURDAY, SUNDAY)))).isEqualTo("Sat, Sun, 08:30–20:00");
        assertThat(HoursSummary.of(hours(EnumSet.allOf(DayOfWeek.class)))).isEqualTo("Every day, 08:30–20:00");
    }

    private static BusinessHours hours(EnumSet<DayOfWeek> days) {
        return new BusinessHours(days, LocalTime.of(8, 30), LocalTime.of(20, 0));
    }
}
