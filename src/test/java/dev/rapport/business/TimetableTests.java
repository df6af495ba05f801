package dev.rapport.business;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The calendar arithmetic behind {@link BusinessCalendar}, in Berlin, Monday to Friday 09:00–17:00 unless a test says
 * otherwise. June 2025 is a plain week (Monday 2 June); the clocks go forward on Sunday 30 March 2025 and back on
 * Sunday 26 October 2025.
 */
class TimetableTests {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final LocalTime TEN = LocalTime.of(10, 0);
    private final Timetable weekdays = new Timetable(BusinessHours.DEFAULT, BERLIN);
    /** Open every day 01:00–05:00, so the hours span the moment the clocks change. */
    private final Timetable smallHours = new Timetable(
            new BusinessHours(EnumSet.allOf(DayOfWeek.class), LocalTime.of(1, 0), LocalTime.of(5, 0)), BERLIN);

    @Nested
    class EndOfToday {

        @Test
        void isTodaysClosingDuringTheDayAndBeforeOpening() {
            assertThat(weekdays.endOfToday(berlin("2025-06-04T11:00"))).isEqualTo(berlin("2025-06-04T17:00"));
            assertThat(weekdays.endOfToday(berlin("2025-06-04T07:30"))).isEqualTo(berlin("2025-06-04T17:00"));
            assertThat(weekdays.endOfToday(berlin("2025-06-04T16:59"))).isEqualTo(berlin("2025-06-04T17:00"));
        }

        @Test
        void isTomorrowsClosingOnceClosed() {
            assertThat(weekdays.endOfToday(berlin("2025-06-04T17:00"))).isEqualTo(berlin("2025-06-05T17:00"));
            assertThat(weekdays.endOfToday(berlin("2025-06-04T23:30"))).isEqualTo(berlin("2025-06-05T17:00"));
        }

        @Test
        void isMondaysClosingAtTheWeekend() {
            assertThat(weekdays.endOfToday(berlin("2025-06-06T18:00"))).isEqualTo(berlin("2025-06-09T17:00"));
            assertThat(weekdays.endOfToday(berlin("2025-06-07T10:00"))).isEqualTo(berlin("2025-06-09T17:00"));
            assertThat(weekdays.endOfToday(berlin("2025-06-08T16:00"))).isEqualTo(berlin("2025-06-09T17:00"));
        }

        @Test
        void isTheSameLocalTimeOnEitherSideOfADaylightSavingChange() {
            assertThat(weekdays.endOfToday(berlin("2025-03-28T12:00"))).isEqualTo("2025-03-28T16:00:00Z");
            assertThat(weekdays.endOfToday(berlin("2025-03-28T18:00"))).isEqualTo("2025-03-31T15:00:00Z");
            assertThat(weekdays.endOfToday(berlin("2025-10-24T12:00"))).isEqualTo("2025-10-24T15:00:00Z");
            assertThat(weekdays.endOfToday(berlin("2025-10-24T18:00"))).isEqualTo("2025-10-27T16:00:00Z");
        }

        @Test
        void followsHoursThatIncludeTheWeekend() {
            Timetable tuesdayToSaturday = new Timetable(new BusinessHours(
                    EnumSet.range(DayOfWeek.TUESDAY, DayOfWeek.SATURDAY), TEN, LocalTime.of(18, 0)), BERLIN);

            assertThat(tuesdayToSaturday.endOfToday(berlin("2025-06-07T12:00"))).isEqualTo(berlin("2025-06-07T18:00"));
            assertThat(tuesdayToSaturday.endOfToday(berlin("2025-06-07T19:00"))).isEqualTo(berlin("2025-06-10T18:00"));
            assertThat(tuesdayToSaturday.endOfToday(berlin("2025-06-09T12:00"))).isEqualTo(berlin("2025-06-10T18:00"));
        }
    }

    @Nested
    class Next {

        @Test
        void isTomorrowAtThatTimeWhateverTheHourNow() {
            assertThat(weekdays.next(berlin("2025-06-04T11:00"), TEN)).isEqualTo(berlin("2025-06-05T10:00"));
            assertThat(weekdays.next(berlin("2025-06-04T06:00"), TEN)).isEqualTo(berlin("2025-06-05T10:00"));
            assertThat(weekdays.next(berlin("2025-06-04T23:59"), TEN)).isEqualTo(berlin("2025-06-05T10:00"));
        }

        @Test
        void skipsTheWeekend() {
            assertThat(weekdays.next(berlin("2025-06-06T09:00"), TEN)).isEqualTo(berlin("2025-06-09T10:00"));
            assertThat(weekdays.next(berlin("2025-06-07T09:00"), TEN)).isEqualTo(berlin("2025-06-09T10:00"));
            assertThat(weekdays.next(berlin("2025-06-08T23:00"), TEN)).isEqualTo(berlin("2025-06-09T10:00"));
        }

        @Test
        void keepsTheLocalTimeAcrossADaylightSavingChange() {
            assertThat(weekdays.next(berlin("2025-03-28T15:00"), TEN)).isEqualTo("2025-03-31T08:00:00Z");
            assertThat(weekdays.next(berlin("2025-10-24T15:00"), TEN)).isEqualTo("2025-10-27T09:00:00Z");
        }

        @Test
        void movesATimeTheClocksSkipForwardByTheGap() {
            assertThat(smallHours.next(berlin("2025-03-29T12:00"), LocalTime.of(2, 30)))
                    .isEqualTo("2025-03-30T01:30:00Z")
                    .isEqualTo(berlin("2025-03-30T03:30"));
        }
    }

    @Nested
    class PlusBusinessDays {

        @Test
        void isTheClosingOfTheNthOpenDayAfterToday() {
            assertThat(weekdays.plusBusinessDays(berlin("2025-06-04T11:00"), 1)).isEqualTo(berlin("2025-06-05T17:00"));
            assertThat(weekdays.plusBusinessDays(berlin("2025-06-04T11:00"), 2)).isEqualTo(berlin("2025-06-06T17:00"));
            assertThat(weekdays.plusBusinessDays(berlin("2025-06-04T19:00"), 2)).isEqualTo(berlin("2025-06-06T17:00"));
        }

        @Test
        void skipsWeekends() {
            assertThat(weekdays.plusBusinessDays(berlin("2025-06-05T11:00"), 2)).isEqualTo(berlin("2025-06-09T17:00"));
            assertThat(weekdays.plusBusinessDays(berlin("2025-06-07T11:00"), 1)).isEqualTo(berlin("2025-06-09T17:00"));
            assertThat(weekdays.plusBusinessDays(berlin("2025-06-07T11:00"), 2)).isEqualTo(berlin("2025-06-10T17:00"));
            assertThat(weekdays.plusBusinessDays(berlin("2025-06-02T11:00"), 10)).isEqualTo(berlin("2025-06-16T17:00"));
        }

        @Test
        void zeroDaysIsTheEndOfToday() {
            assertThat(weekdays.plusBusinessDays(berlin("2025-06-04T11:00"), 0)).isEqualTo(berlin("2025-06-04T17:00"));
            assertThat(weekdays.plusBusinessDays(berlin("2025-06-07T11:00"), 0)).isEqualTo(berlin("2025-06-09T17:00"));
        }

        @Test
        void refusesNegativeDays() {
            assertThatThrownBy(() -> weekdays.plusBusinessDays(berlin("2025-06-04T11:00"), -1))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void keepsTheClosingTimeAcrossADaylightSavingChange() {
            assertThat(weekdays.plusBusinessDays(berlin("2025-03-28T12:00"), 1)).isEqualTo("2025-03-31T15:00:00Z");
            assertThat(weekdays.plusBusinessDays(berlin("2025-10-24T12:00"), 1)).isEqualTo("2025-10-27T16:00:00Z");
        }
    }

    @Nested
    class PlusBusinessHours {

        @Test
        void countsWithinTheDay() {
            assertThat(weekdays.plusBusinessHours(berlin("2025-06-04T10:00"), Duration.ofHours(3)))
                    .isEqualTo(berlin("2025-06-04T13:00"));
            assertThat(weekdays.plusBusinessHours(berlin("2025-06-04T10:00"), Duration.ofHours(7)))
                    .as("the last working minute ends at closing, not the next morning")
                    .isEqualTo(berlin("2025-06-04T17:00"));
        }

        @Test
        void startsCountingAtOpeningWhenAskedBeforeIt() {
            assertThat(weekdays.plusBusinessHours(berlin("2025-06-04T07:00"), Duration.ofHours(1)))
                    .isEqualTo(berlin("2025-06-04T10:00"));
        }

        @Test
        void skipsTheNight() {
            assertThat(weekdays.plusBusinessHours(berlin("2025-06-04T16:00"), Duration.ofHours(2)))
                    .isEqualTo(berlin("2025-06-05T10:00"));
            assertThat(weekdays.plusBusinessHours(berlin("2025-06-04T20:00"), Duration.ofMinutes(90)))
                    .isEqualTo(berlin("2025-06-05T10:30"));
            assertThat(weekdays.plusBusinessHours(berlin("2025-06-04T10:00"), Duration.ofHours(8)))
                    .isEqualTo(berlin("2025-06-05T10:00"));
        }

        @Test
        void skipsTheWeekend() {
            assertThat(weekdays.plusBusinessHours(berlin("2025-06-06T15:00"), Duration.ofHours(4)))
                    .isEqualTo(berlin("2025-06-09T11:00"));
            assertThat(weekdays.plusBusinessHours(berlin("2025-06-07T12:00"), Duration.ofHours(1)))
                    .isEqualTo(berlin("2025-06-09T10:00"));
            assertThat(weekdays.plusBusinessHours(berlin("2025-06-02T09:00"), Duration.ofHours(40)))
                    .as("a working week").isEqualTo(berlin("2025-06-06T17:00"));
            assertThat(weekdays.plusBusinessHours(berlin("2025-06-02T09:00"), Duration.ofHours(41)))
                    .isEqualTo(berlin("2025-06-09T10:00"));
        }

        @Test
        void zeroIsTheStartAndNegativeIsRefused() {
            assertThat(weekdays.plusBusinessHours(berlin("2025-06-07T12:00"), Duration.ZERO))
                    .isEqualTo(berlin("2025-06-07T12:00"));
            assertThatThrownBy(() -> weekdays.plusBusinessHours(berlin("2025-06-04T10:00"), Duration.ofHours(-1)))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void skipsAWeekendOnWhichTheClocksChange() {
            assertThat(weekdays.plusBusinessHours(berlin("2025-03-28T16:00"), Duration.ofHours(2)))
                    .isEqualTo("2025-03-31T08:00:00Z");
            assertThat(weekdays.plusBusinessHours(berlin("2025-10-24T16:00"), Duration.ofHours(2)))
                    .isEqualTo("2025-10-27T09:00:00Z");
        }

        @Test
        void countsTheRealHoursOfADayOnWhichTheClocksChange() {
            assertThat(smallHours.plusBusinessHours(berlin("2025-03-30T01:00"), Duration.ofHours(3)))
                    .as("01:00 to 05:00 is three hours when the clocks go forward")
                    .isEqualTo(berlin("2025-03-30T05:00"));
            assertThat(smallHours.plusBusinessHours(berlin("2025-03-30T01:00"), Duration.ofHours(4)))
                    .isEqualTo(berlin("2025-03-31T02:00"));
            assertThat(smallHours.plusBusinessHours(berlin("2025-10-26T01:00"), Duration.ofHours(5)))
                    .as("and five hours when they go back")
                    .isEqualTo(berlin("2025-10-26T05:00"));
        }
    }

    @Nested
    class IsOpen {

        @Test
        void isOpenFromOpeningUntilJustBeforeClosingOnOpenDays() {
            assertThat(weekdays.isOpen(berlin("2025-06-04T08:59"))).isFalse();
            assertThat(weekdays.isOpen(berlin("2025-06-04T09:00"))).isTrue();
            assertThat(weekdays.isOpen(berlin("2025-06-04T16:59"))).isTrue();
            assertThat(weekdays.isOpen(berlin("2025-06-04T17:00"))).isFalse();
            assertThat(weekdays.isOpen(berlin("2025-06-07T12:00"))).as("Saturday").isFalse();
        }

        @Test
        void readsTheHoursInTheBusinesssTimeZone() {
            assertThat(weekdays.isOpen(Instant.parse("2025-06-04T07:30:00Z"))).as("09:30 in Berlin").isTrue();
            assertThat(weekdays.isOpen(Instant.parse("2025-01-08T07:30:00Z"))).as("08:30 in Berlin").isFalse();
            assertThat(weekdays.isOpen(Instant.parse("2025-06-06T22:30:00Z"))).as("Saturday 00:30 in Berlin").isFalse();
        }

        @Test
        void countsTheHourTheClocksRepeat() {
            assertThat(smallHours.isOpen(Instant.parse("2025-10-26T03:30:00Z"))).as("04:30 CET").isTrue();
            assertThat(smallHours.isOpen(Instant.parse("2025-10-26T04:00:00Z"))).as("05:00 CET").isFalse();
        }
    }

    private static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }
}
