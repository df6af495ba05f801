package dev.rapport.business;

import dev.rapport.agents.Team;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;

import java.time.LocalTime;
import java.util.UUID;

/** A team that works other hours than the business: a weekend shift, a phone line open longer. */
class TeamHoursOverride {

    private final @Id UUID teamId;
    private String openDays;
    private LocalTime opens;
    private LocalTime closes;
    private @Version Long version;

    @PersistenceCreator
    TeamHoursOverride(UUID teamId, String openDays, LocalTime opens, LocalTime closes, Long version) {
        this.teamId = teamId;
        this.openDays = openDays;
        this.opens = opens;
        this.closes = closes;
        this.version = version;
    }

    static TeamHoursOverride create(Team.TeamId team, BusinessHours hours) {
        TeamHoursOverride override = new TeamHoursOverride(team.value(), null, null, null, null);
        override.change(hours);
        return override;
    }

    void change(BusinessHours hours) {
        this.openDays = hours.openDaysColumn();
        this.opens = hours.opens();
        this.closes = hours.closes();
    }

    Team.TeamId team() {
        return new Team.TeamId(teamId);
    }

    BusinessHours hours() {
        return BusinessHours.fromColumns(openDays, opens, closes);
    }
}
