package dev.rapport.escalation;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A conversation brought to a specialist, with the reason. The specialist collaborates on the conversation; unless
 * {@link #handedOver()}, the agent who escalated stays its owner (and becomes it, when nobody owned it). Never changed afterwards, except that it learns when
 * the conversation was resolved (for the report).
 */
public class Escalation {

    private final @Id UUID id;
    private final UUID conversation;
    private final long conversationNumber;
    private final String topic;
    private final Integer step;
    private final UUID toAgent;
    private final UUID toTeam;
    private final String toName;
    private final String reason;
    private final UUID escalatedBy;
    private final String escalatedByName;
    private final boolean handedOver;
    private final Instant escalatedAt;
    private final Instant resolvedAt;
    private @Version Long version;

    @PersistenceCreator
    Escalation(UUID id, UUID conversation, long conversationNumber, String topic, Integer step, UUID toAgent,
               UUID toTeam, String toName, String reason, UUID escalatedBy, String escalatedByName,
               boolean handedOver, Instant escalatedAt, Instant resolvedAt, Long version) {
        this.id = id;
        this.conversation = conversation;
        this.conversationNumber = conversationNumber;
        this.topic = topic;
        this.step = step;
        this.toAgent = toAgent;
        this.toTeam = toTeam;
        this.toName = toName;
        this.reason = reason;
        this.escalatedBy = escalatedBy;
        this.escalatedByName = escalatedByName;
        this.handedOver = handedOver;
        this.escalatedAt = escalatedAt;
        this.resolvedAt = resolvedAt;
        this.version = version;
    }

    static Escalation of(UUID conversation, long number, Optional<EscalationPath> path, Specialist to, String toName,
                         String reason, UUID by, String byName, boolean handedOver, Instant now) {
        Integer step = path.map(p -> p.indexOf(to)).filter(index -> index >= 0).orElse(null);
        return new Escalation(UUID.randomUUID(), conversation, number, step == null ? null : path.get().topic(), step,
                to.agent(), to.team(), toName, reason, by, byName, handedOver, now, null, null);
    }

    public UUID id() {
        return id;
    }

    public UUID conversation() {
        return conversation;
    }

    public long conversationNumber() {
        return conversationNumber;
    }

    /** The path's topic when the specialist was a step on the conversation's path. */
    public Optional<String> topic() {
        return Optional.ofNullable(topic);
    }

    /** Which step of the path (0 is the first), when it followed the path. */
    public Optional<Integer> step() {
        return Optional.ofNullable(step);
    }

    public Specialist to() {
        return new Specialist(toAgent, toTeam);
    }

    public String toName() {
        return toName;
    }

    public String reason() {
        return reason;
    }

    public UUID escalatedBy() {
        return escalatedBy;
    }

    public String escalatedByName() {
        return escalatedByName;
    }

    public boolean handedOver() {
        return handedOver;
    }

    public Instant escalatedAt() {
        return escalatedAt;
    }

    public Optional<Instant> resolvedAt() {
        return Optional.ofNullable(resolvedAt);
    }
}
