package dev.rapport.agents;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;

import java.time.Instant;
import java.util.UUID;

/**
 * A one-time link with which an agent sets their own password: for a new agent, or for one who forgot theirs. Only the
 * hash of the link's secret is stored.
 */
class Invitation {

    private final @Id UUID id;
    private final UUID agent;
    private final String tokenHash;
    private final Instant createdAt;
    private final Instant expiresAt;
    private Instant usedAt;
    private @Version Long version;

    @PersistenceCreator
    Invitation(UUID id, UUID agent, String tokenHash, Instant createdAt, Instant expiresAt, Instant usedAt,
               Long version) {
        this.id = id;
        this.agent = agent;
        this.tokenHash = tokenHash;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        this.usedAt = usedAt;
        this.version = version;
    }

    static Invitation create(Agent.AgentId agent, String tokenHash, Instant now, Instant expiresAt) {
        return new Invitation(UUID.randomUUID(), agent.value(), tokenHash, now, expiresAt, null, null);
    }

    boolean isUsableAt(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }

    void use(Instant now) {
        usedAt = now;
    }

    UUID agent() {
        return agent;
    }
}
