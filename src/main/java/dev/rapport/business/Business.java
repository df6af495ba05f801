package dev.rapport.business;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;

import java.time.Instant;
import java.time.ZoneId;

/** The business this Rapport serves. There is exactly one, created at setup. */
public class Business {

    static final int THE_ONE = 1;

    private final @Id Integer id;
    private String name;
    private String timeZone;
    private final Instant setUpAt;
    private @Version Long version;

    @PersistenceCreator
    Business(Integer id, String name, String timeZone, Instant setUpAt, Long version) {
        this.id = id;
        this.name = name;
        this.timeZone = timeZone;
        this.setUpAt = setUpAt;
        this.version = version;
    }

    static Business create(String name, ZoneId timeZone, Instant now) {
        return new Business(THE_ONE, name.strip(), timeZone.getId(), now, null);
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

    public Instant setUpAt() {
        return setUpAt;
    }
}
