package dev.rapport.promises.web;

import dev.rapport.agents.Team;
import dev.rapport.business.BusinessCalendar;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * The deadlines an agent picks most, worked out on the team's business hours: "by end of today" (closing time, or the
 * next open day's when closed), "tomorrow 10:00" (the next open day), "in 2 business days" (closing time).
 */
@Component
class QuickDeadlines {

    private static final DateTimeFormatter FIELD = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    /** A choice: its words, and the value for a datetime-local field. */
    record Choice(String label, String value) {
    }

    private final BusinessCalendar calendar;
    private final Clock clock;

    QuickDeadlines(BusinessCalendar calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    List<Choice> forTeam(Optional<Team.TeamId> team) {
        Instant now = clock.instant();
        return List.of(
                new Choice("by end of today", field(calendar.endOfToday(team, now))),
                new Choice("tomorrow 10:00", field(calendar.next(team, now, LocalTime.of(10, 0)))),
                new Choice("in 2 business days", field(calendar.plusBusinessDays(team, now, 2))));
    }

    String field(Instant at) {
        ZoneId zone = calendar.zone();
        return FIELD.format(at.atZone(zone));
    }
}
