package dev.rapport.agents;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;

import java.time.Instant;
import java.util.UUID;

/** A group of agents that conversations, mailboxes and approvals are routed to: Support, Billing, Shipping. */
public class Team {

    public record TeamId(UUID value) {
        public static TeamId of(String value) {
            return new TeamId(UUID.fromString(value));
        }

        @Override
        public String toString() {
            return value.toString();
        }
    }

    private final @Id UUID id;
    private String name;
    private String description;
    private boolean continuityRouting;
    private final Instant createdAt;
    private @Version Long version;

    @PersistenceCreator
    Team(UUID id, String name, String description, boolean continuityRouting, Instant createdAt, Long version) {
        this.id = id;
        this.name = name;
        this.description = description;
        this.continuityRouting = continuityRouting;
        this.createdAt = createdAt;
        this.version = version;
    }

    static Team create(String name, String description, Instant now) {
        return new Team(UUID.randomUUID(), name.strip(), blankToNull(description), true, now, null);
    }

    void routeByContinuity(boolean on) {
        this.continuityRouting = on;
    }

    /** Whether a known customer's new conversation is offered first to their person (on unless switched off). */
    public boolean continuityRouting() {
        return continuityRouting;
    }

    void update(String name, String description) {
        this.name = name.strip();
        this.description = blankToNull(description);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public TeamId id() {
        return new TeamId(id);
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
