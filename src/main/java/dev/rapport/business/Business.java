package dev.rapport.business;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/** The business this Rapport serves, with its business-wide opening hours. There is exactly one, created at setup. */
public class Business {

    static final int THE_ONE = 1;

    private final @Id Integer id;
    private String name;
    private String timeZone;
    private String openDays;
    private LocalTime opens;
    private LocalTime closes;
    private final Instant setUpAt;
    private @Version Long version;

    @PersistenceCreator
    Business(Integer id, String name, String timeZone, String openDays, LocalTime opens, LocalTime closes,
             Instant setUpAt, Long version) {
        this.id = id;
        this.name = name;
        this.timeZone = timeZone;
        this.openDays = openDays;
        this.opens = opens;
        this.closes = closes;
        this.setUpAt = setUpAt;
        this.version = version;
    }

    static Business create(String name, ZoneId timeZone, Instant now) {
        BusinessHours hours = BusinessHours.DEFAULT;
        return new Business(THE_ONE, name.strip(), timeZone.getId(), hours.openDaysColumn(), hours.opens(),
                hours.closes(), now, null);
    }

    void changeHours(BusinessHours hours) {
        this.openDays = hours.openDaysColumn();
        this.opens = hours.opens();
        this.closes = hours.closes();
    }

    void rename(String name, ZoneId timeZone) {
        this.name = name.strip();
        this.timeZone = timeZone.getId();
    }

    public String name() {
        return name;
    }

    public ZoneId timeZone() {
        return ZoneId.of(timeZone);
    }

    /** When the business is open, unless a team has hours of its own ({@link BusinessCalendar#hoursFor}). */
    public BusinessHours hours() {
        return BusinessHours.fromColumns(openDays, opens, closes);
    }

    public Instant setUpAt() {
        return setUpAt;
    }
}
