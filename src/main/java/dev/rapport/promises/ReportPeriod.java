package dev.rapport.promises;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Whole days, first and last included, in the business's time zone: the days a report covers. Its weeks start on
 * Mondays; the first and last may be shorter when the period does not start on a Monday or end on a Sunday.
 */
public record ReportPeriod(LocalDate from, LocalDate to, ZoneId zone) {

    /** Two years: enough to compare with the year before, few enough weeks for one chart. */
    public static final int MOST_DAYS = 731;

    /** @throws IllegalArgumentException when {@code to} comes before {@code from} or the period is too long */
    public ReportPeriod {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(zone, "zone");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("The last day comes before the first; swap them.");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MOST_DAYS) {
            throw new IllegalArgumentException("Choose a period of two years at most.");
        }
    }

    /** The given number of weeks up to today, the first starting on a Monday and the last ending today. */
    public static ReportPeriod lastWeeks(int weeks, LocalDate today, ZoneId zone) {
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return new ReportPeriod(monday.minusWeeks(weeks - 1L), today, zone);
    }

    /** The first moment of the period. */
    public Instant start() {
        return from.atStartOfDay(zone).toInstant();
    }

    /** The first moment after the period. */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** The first day of each week in the period: {@link #from()}, then every Monday up to {@link #to()}. */
    public List<LocalDate> weekStarts() {
        List<LocalDate> starts = new ArrayList<>();
        starts.add(from);
        LocalDate next = from.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        while (!next.isAfter(to)) {
            starts.add(next);
            next = next.plusWeeks(1);
        }
        return starts;
    }
}
