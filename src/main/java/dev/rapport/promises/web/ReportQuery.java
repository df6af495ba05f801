package dev.rapport.promises.web;

import dev.rapport.promises.ReportPeriod;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What the report was asked for ({@code ?from=&to=&team=}), read leniently: empty means the default, and anything
 * unreadable becomes an error to show beside its field rather than a failed request.
 *
 * @param from   as typed, or the default, to show in the form again
 * @param to     as typed, or the default
 * @param team   as chosen, or empty for everyone
 * @param period the period asked for, or null when the dates are wrong
 * @param teamId the team asked for, or null for everyone
 * @param errors by field ({@code from}, {@code to}, {@code team})
 */
record ReportQuery(String from, String to, String team, ReportPeriod period, UUID teamId, Map<String, String> errors) {

    static final int DEFAULT_WEEKS = 8;

    static ReportQuery read(String from, String to, String team, LocalDate today, ZoneId zone, Set<UUID> teams) {
        ReportPeriod standard = ReportPeriod.lastWeeks(DEFAULT_WEEKS, today, zone);
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate first = date(from, standard.from(), "from", "first", errors);
        LocalDate last = date(to, standard.to(), "to", "last", errors);
        ReportPeriod period = null;
        if (errors.isEmpty()) {
            try {
                period = new ReportPeriod(first, last, zone);
            } catch (IllegalArgumentException wrongWayRoundOrTooLong) {
                errors.put("to", wrongWayRoundOrTooLong.getMessage());
            }
        }
        UUID teamId = team(team, teams, errors);
        return new ReportQuery(blank(from) ? standard.from().toString() : from.strip(),
                blank(to) ? standard.to().toString() : to.strip(), teamId == null ? "" : teamId.toString(),
                errors.isEmpty() ? period : null, teamId, errors);
    }

    boolean valid() {
        return errors.isEmpty();
    }

    private static LocalDate date(String value, LocalDate standard, String field, String which,
                                  Map<String, String> errors) {
        if (blank(value)) {
            return standard;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, "Enter the " + which + " day as a date, like " + standard + ".");
            return null;
        }
    }

    private static UUID team(String value, Set<UUID> teams, Map<String, String> errors) {
        if (blank(value)) {
            return null;
        }
        try {
            UUID id = UUID.fromString(value.strip());
            if (teams.contains(id)) {
                return id;
            }
        } catch (IllegalArgumentException notAnId) {
            // said below
        }
        errors.put("team", "There is no such team; choose one from the list.");
        return null;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
