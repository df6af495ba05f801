package dev.rapport.business;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * When the business (or one team) is open: the same opening and closing time on each open day, in the business's time
 * zone. Deadlines such as "by end of today" and SLAs count only these hours. A day runs from {@link #opens()} to
 * {@link #closes()} on that same day; hours past midnight are not supported.
 *
 * @param openDays the days of the week the business works, at least one
 * @param opens    the local time work starts on an open day
 * @param closes   the local time work ends on an open day, after {@code opens}
 */
public record BusinessHours(Set<DayOfWeek> openDays, LocalTime opens, LocalTime closes) {

    /** Monday to Friday, 09:00 to 17:00: what a new or existing business starts with. */
    public static final BusinessHours DEFAULT = new BusinessHours(
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(17, 0));

    /** @throws Rejected naming the field that is wrong, with a message a person can act on */
    public BusinessHours {
        if (openDays == null || openDays.isEmpty()) {
            throw new Rejected("openDays", "Choose at least one open day.");
        }
        if (opens == null) {
            throw new Rejected("opens", "Enter the opening time, like 09:00.");
        }
        if (closes == null) {
            throw new Rejected("closes", "Enter the closing time, like 17:00.");
        }
        if (!closes.isAfter(opens)) {
            throw new Rejected("closes", "The closing time must be after the opening time (" + opens + ").");
        }
        openDays = Collections.unmodifiableSet(EnumSet.copyOf(openDays));
    }

    public boolean isOpenOn(DayOfWeek day) {
        return openDays.contains(day);
    }

    /** The open days as stored, in week order: {@code MONDAY,TUESDAY}. */
    String openDaysColumn() {
        return openDays.stream().map(DayOfWeek::name).collect(Collectors.joining(","));
    }

    static BusinessHours fromColumns(String openDays, LocalTime opens, LocalTime closes) {
        Set<DayOfWeek> days = Arrays.stream(openDays.split(",")).map(String::strip).filter(day -> !day.isEmpty())
                .map(DayOfWeek::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(DayOfWeek.class)));
        return new BusinessHours(days, opens, closes);
    }

    /** The hours are not acceptable; {@link #field()} says which part ({@code openDays}, {@code opens}, {@code closes}). */
    public static class Rejected extends IllegalArgumentException {
        private final String field;

        Rejected(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }
}
