package dev.rapport.business;

import dev.rapport.agents.Roster;
import dev.rapport.agents.Team;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The business's working calendar: when it (or one team) is open, and the deadlines that follow from that ("by end of
 * today", "tomorrow 10:00", "in 2 business days", an SLA counted in open hours). Everything is reckoned in the
 * business's time zone, day by day, so deadlines stay on the clock face across daylight-saving changes. A team with
 * hours of its own uses them; every other team, and work for no team in particular, uses the business-wide hours.
 * Before setup there is no business yet: the calendar then answers with {@link BusinessHours#DEFAULT} in UTC.
 */
@Service
public class BusinessCalendar {

    private final Businesses businesses;
    private final TeamHoursOverrides overrides;
    private final Roster roster;
    private final Clock clock;

    BusinessCalendar(Businesses businesses, TeamHoursOverrides overrides, Roster roster, Clock clock) {
        this.businesses = businesses;
        this.overrides = overrides;
        this.roster = roster;
        this.clock = clock;
    }

    public ZoneId zone() {
        return business().map(Business::timeZone).orElse(ZoneOffset.UTC);
    }

    public BusinessHours businessHours() {
        return business().map(Business::hours).orElse(BusinessHours.DEFAULT);
    }

    /** The team's own hours, or empty when it works the business's. */
    public Optional<BusinessHours> ownHoursOf(Team.TeamId team) {
        return overrides.findById(team.value()).map(TeamHoursOverride::hours);
    }

    /** Every team that works hours of its own, with them. */
    public Map<Team.TeamId, BusinessHours> teamsWithOwnHours() {
        return overrides.findAll().stream()
                .collect(Collectors.toMap(TeamHoursOverride::team, TeamHoursOverride::hours));
    }

    /** The team's own hours if it has them, otherwise the business-wide hours. */
    public BusinessHours hoursFor(Optional<Team.TeamId> team) {
        return team.flatMap(this::ownHoursOf).orElseGet(this::businessHours);
    }

    /** Today's closing time; once closed for the day, or on a day off, the next open day's closing time. */
    public Instant endOfToday(Optional<Team.TeamId> team, Instant now) {
        return timetable(team).endOfToday(now);
    }

    public Instant endOfToday(Optional<Team.TeamId> team) {
        return endOfToday(team, clock.instant());
    }

    /** {@code at} on the next open day after today: "tomorrow 10:00" asked on a Friday is Monday 10:00. */
    public Instant next(Optional<Team.TeamId> team, Instant now, LocalTime at) {
        return timetable(team).next(now, at);
    }

    public Instant next(Optional<Team.TeamId> team, LocalTime at) {
        return next(team, clock.instant(), at);
    }

    /**
     * The closing time of the {@code days}-th open day after today ("in 2 business days"); 0 days is
     * {@link #endOfToday(Optional, Instant)}.
     *
     * @throws IllegalArgumentException when {@code days} is negative
     */
    public Instant plusBusinessDays(Optional<Team.TeamId> team, Instant now, int days) {
        return timetable(team).plusBusinessDays(now, days);
    }

    public Instant plusBusinessDays(Optional<Team.TeamId> team, int days) {
        return plusBusinessDays(team, clock.instant(), days);
    }

    /**
     * When {@code workingTime} of open hours has passed since {@code from}, skipping nights, days off and weekends: an
     * SLA of 4 working hours from Friday 15:00 (open until 17:00) ends Monday 11:00.
     *
     * @throws IllegalArgumentException when {@code workingTime} is negative
     */
    public Instant plusBusinessHours(Optional<Team.TeamId> team, Instant from, Duration workingTime) {
        return timetable(team).plusBusinessHours(from, workingTime);
    }

    public boolean isOpen(Optional<Team.TeamId> team, Instant at) {
        return timetable(team).isOpen(at);
    }

    public boolean isOpenNow(Optional<Team.TeamId> team) {
        return isOpen(team, clock.instant());
    }

    /** @throws IllegalStateException before setup, when there is no business to give hours to */
    @Transactional
    public void saveBusinessHours(BusinessHours hours) {
        Business business = business().orElseThrow(() -> new IllegalStateException("Rapport is not set up yet."));
        business.changeHours(hours);
        businesses.save(business);
    }

    /**
     * Gives the team hours of its own, replacing any it had.
     *
     * @throws IllegalArgumentException when there is no such team
     */
    @Transactional
    public void saveTeamHours(Team.TeamId team, BusinessHours hours) {
        if (roster.findTeam(team).isEmpty()) {
            throw new IllegalArgumentException("No such team: " + team);
        }
        TeamHoursOverride override = overrides.findById(team.value()).orElse(null);
        if (override == null) {
            overrides.save(TeamHoursOverride.create(team, hours));
        } else {
            override.change(hours);
            overrides.save(override);
        }
    }

    /** The team goes back to the business-wide hours. */
    @Transactional
    public void useBusinessHours(Team.TeamId team) {
        overrides.deleteById(team.value());
    }

    private Timetable timetable(Optional<Team.TeamId> team) {
        Optional<Business> business = business();
        BusinessHours hours = team.flatMap(this::ownHoursOf)
                .orElseGet(() -> business.map(Business::hours).orElse(BusinessHours.DEFAULT));
        return new Timetable(hours, business.map(Business::timeZone).orElse(ZoneOffset.UTC));
    }

    private Optional<Business> business() {
        return businesses.findById(Business.THE_ONE);
    }
}
