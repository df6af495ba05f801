package dev.rapport.business;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Business hours laid onto real days in one time zone: the arithmetic behind {@link BusinessCalendar}. Every day's
 * opening and closing are resolved to instants on that day, so a day on which the clocks change simply has an hour
 * more or less; a local time the clocks skip moves forward by the gap (02:30 becomes 03:30).
 */
record Timetable(BusinessHours hours, ZoneId zone) {

    /** Today's closing, or the next open day's when today is not open or has closed. */
    Instant endOfToday(Instant now) {
        LocalDate today = dayOf(now);
        if (isOpenDay(today) && now.isBefore(closing(today))) {
            return closing(today);
        }
        return closing(nextOpenDayAfter(today));
    }

    /** {@code at} on the first open day after today, whatever the hour now. */
    Instant next(Instant now, LocalTime at) {
        return at(nextOpenDayAfter(dayOf(now)), at);
    }

    /** The closing of the {@code days}-th open day after today; 0 days is {@link #endOfToday(Instant)}. */
    Instant plusBusinessDays(Instant now, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("Business days cannot be negative: " + days);
        }
        if (days == 0) {
            return endOfToday(now);
        }
        LocalDate day = dayOf(now);
        for (int i = 0; i < days; i++) {
            day = nextOpenDayAfter(day);
        }
        return closing(day);
    }

    /** The instant at which {@code workingTime} of open hours, counted from {@code from}, has passed. */
    Instant plusBusinessHours(Instant from, Duration workingTime) {
        if (workingTime.isNegative()) {
            throw new IllegalArgumentException("Working time cannot be negative: " + workingTime);
        }
        if (workingTime.isZero()) {
            return from;
        }
        Duration left = workingTime;
        for (LocalDate day = dayOf(from); ; day = day.plusDays(1)) {
            if (!isOpenDay(day)) {
                continue;
            }
            Instant start = later(from, opening(day));
            Instant end = closing(day);
            if (start.isBefore(end)) {
                Duration open = Duration.between(start, end);
                if (left.compareTo(open) <= 0) {
                    return start.plus(left);
                }
                left = left.minus(open);
            }
        }
    }

    boolean isOpen(Instant at) {
        LocalDate day = dayOf(at);
        return isOpenDay(day) && !at.isBefore(opening(day)) && at.isBefore(closing(day));
    }

    private LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    private boolean isOpenDay(LocalDate day) {
        return hours.isOpenOn(day.getDayOfWeek());
    }

    /** Ends within a week, because business hours have at least one open day. */
    private LocalDate nextOpenDayAfter(LocalDate day) {
        LocalDate next = day.plusDays(1);
        while (!isOpenDay(next)) {
            next = next.plusDays(1);
        }
        return next;
    }

    private Instant opening(LocalDate day) {
        return at(day, hours.opens());
    }

    private Instant closing(LocalDate day) {
        return at(day, hours.closes());
    }

    private Instant at(LocalDate day, LocalTime time) {
        return ZonedDateTime.of(day, time, zone).toInstant();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
