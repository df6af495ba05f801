package dev.rapport.agents;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A personal API token. Rapport keeps only the SHA-256 of the secret and its last four characters, so that the owner
 * can tell their tokens apart; the secret itself is shown once, when it is created.
 */
public class ApiToken {

    public record ApiTokenId(UUID value) {
        @Override
        public String toString() {
            return value.toString();
        }
    }

    private final @Id UUID id;
    private final UUID agent;
    private final String name;
    private final String tokenHash;
    private final String hint;
    private final Instant createdAt;
    private Instant lastUsedAt;
    private Instant revokedAt;
    private @Version Long version;

    @PersistenceCreator
    ApiToken(UUID id, UUID agent, String name, String tokenHash, String hint, Instant createdAt, Instant lastUsedAt,
             Instant revokedAt, Long version) {
        this.id = id;
        this.agent = agent;
        this.name = name;
        this.tokenHash = tokenHash;
        this.hint = hint;
        this.createdAt = createdAt;
        this.lastUsedAt = lastUsedAt;
        this.revokedAt = revokedAt;
        this.version = version;
    }

    static ApiToken issue(Agent.AgentId agent, String name, String tokenHash, String hint, Instant now) {
        return new ApiToken(UUID.randomUUID(), agent.value(), name.strip(), tokenHash, hint, now, null, null, null);
    }

    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    /** Uses are recorded at most this often, so that a busy script does not write on every request. */
    static final Duration USE_MARK_INTERVAL = Duration.ofMinutes(1);

    boolean isDueForUseMark(Instant now) {
        return lastUsedAt == null || !lastUsedAt.plus(USE_MARK_INTERVAL).isAfter(now);
    }

    public ApiTokenId id() {
        return new ApiTokenId(id);
    }

    public Agent.AgentId agent() {
        return new Agent.AgentId(agent);
    }

    public String name() {
        return name;
    }

    public String hint() {
        return hint;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public Instant revokedAt() {
        return revokedAt;
    }
}
