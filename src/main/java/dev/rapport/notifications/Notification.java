package dev.rapport.notifications;

import dev.rapport.agents.Agent;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;

import java.time.Instant;
import java.util.UUID;

/** Something an agent should know about, until they have seen it. */
public class Notification {

    private final @Id UUID id;
    private final UUID agent;
    private final Long conversationNumber;
    private final String text;
    private final Instant createdAt;
    private Instant readAt;
    private @Version Long version;

    @PersistenceCreator
    Notification(UUID id, UUID agent, Long conversationNumber, String text, Instant createdAt, Instant readAt,
                 Long version) {
        this.id = id;
        this.agent = agent;
        this.conversationNumber = conversationNumber;
        this.text = text;
        this.createdAt = createdAt;
        this.readAt = readAt;
        this.version = version;
    }

    static Notification of(Agent.AgentId agent, Long conversationNumber, String text, Instant now) {
        return new Notification(UUID.randomUUID(), agent.value(), conversationNumber,
                text.length() > 500 ? text.substring(0, 499) + "…" : text, now, null, null);
    }

    void read(Instant now) {
        if (readAt == null) {
            readAt = now;
        }
    }

    public UUID id() {
        return id;
    }

    public Long conversationNumber() {
        return conversationNumber;
    }

    public String text() {
        return text;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public boolean isRead() {
        return readAt != null;
    }
}
