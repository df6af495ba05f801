package dev.rapport.business.web;

import dev.rapport.business.BusinessHours;
import org.springframework.validation.Errors;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The business hours page as typed: the business-wide hours and, per team, whether it has its own. Times stay text
 * until saved, so that a mistyped one comes back as typed, next to its error.
 */
record BusinessHoursForm(Hours business, List<TeamRow> teams) {

    BusinessHoursForm {
        business = business == null ? new Hours(null, null, null) : business;
        teams = teams == null ? List.of() : teams;
    }

    static BusinessHoursForm of(BusinessHours business, List<UUID> teams, Map<UUID, BusinessHours> ownHours) {
        return new BusinessHoursForm(Hours.of(business), teams.stream()
                .map(team -> new TeamRow(team, ownHours.containsKey(team),
                        Hours.of(ownHours.getOrDefault(team, business))))
                .toList());
    }

    /** One set of hours; {@code openDays} carries the name {@link BusinessHours.Rejected#field()} uses. */
    record Hours(List<DayOfWeek> openDays, String opens, String closes) {

        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm[:ss]");

        static Hours of(BusinessHours hours) {
            return new Hours(List.copyOf(hours.openDays()), hours.opens().toString(), hours.closes().toString());
        }

        /** The hours, or empty with every problem rejected on its field under {@code path}. */
        Optional<BusinessHours> read(String path, Errors errors) {
            int problemsBefore = errors.getErrorCount();
            if (openDays == null || openDays.isEmpty()) {
                errors.rejectValue(path + ".openDays", "required", "Choose at least one open day.");
            }
            LocalTime opening = time(opens, path + ".opens", "opening", "09:00", errors);
            LocalTime closing = time(closes, path + ".closes", "closing", "17:00", errors);
            if (errors.getErrorCount() > problemsBefore) {
                return Optional.empty();
            }
            try {
                return Optional.of(new BusinessHours(EnumSet.copyOf(openDays), opening, closing));
            } catch (BusinessHours.Rejected e) {
                errors.rejectValue(path + "." + e.field(), "invalid", e.getMessage());
                return Optional.empty();
            }
        }

        private static LocalTime time(String typed, String field, String which, String example, Errors errors) {
            if (typed == null || typed.isBlank()) {
                errors.rejectValue(field, "required", "Enter the " + which + " time, like " + example + ".");
                return null;
            }
            try {
                return LocalTime.parse(typed.strip(), TIME);
            } catch (DateTimeParseException e) {
                errors.rejectValue(field, "invalid", "Enter a time between 00:00 and 23:59, like " + example + ".");
                return null;
            }
        }
    }

    /** A team and whether it works its own hours ({@code ownHours}) or the business's. */
    record TeamRow(UUID team, Boolean ownHours, Hours hours) {

        TeamRow {
            ownHours = Boolean.TRUE.equals(ownHours);
            hours = hours == null ? new Hours(null, null, null) : hours;
        }
    }
}
