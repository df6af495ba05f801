package dev.rapport.customers;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;

import java.time.Instant;
import java.util.UUID;

/** The company a customer belongs to; its page lists its people and their conversations. */
public class Organisation {

    public record OrganisationId(UUID value) {
        @Override
        public String toString() {
            return value.toString();
        }
    }

    private final @Id UUID id;
    private String name;
    private String domain;
    private final Instant createdAt;
    private @Version Long version;

    @PersistenceCreator
    Organisation(UUID id, String name, String domain, Instant createdAt, Long version) {
        this.id = id;
        this.name = name;
        this.domain = domain;
        this.createdAt = createdAt;
        this.version = version;
    }

    static Organisation create(String name, Instant now) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("An organisation needs a name.");
        }
        return new Organisation(UUID.randomUUID(), name.strip(), null, now, null);
    }

    public OrganisationId id() {
        return new OrganisationId(id);
    }

    public String name() {
        return name;
    }

    public String domain() {
        return domain;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
