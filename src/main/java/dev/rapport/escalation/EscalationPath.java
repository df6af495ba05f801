package dev.rapport.escalation;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Whom to bring in, in order, when a conversation about a topic needs more than its first agent: "billing questions →
 * Billing team → Finance lead". The topic is a conversation tag; one path per topic.
 */
public class EscalationPath {

    private final @Id UUID id;
    private final String topic;
    private final String name;
    private final Instant createdAt;
    private final List<EscalationPathStep> steps;
    private @Version Long version;

    @PersistenceCreator
    EscalationPath(UUID id, String topic, String name, Instant createdAt, List<EscalationPathStep> steps, Long version) {
        this.id = id;
        this.topic = topic;
        this.name = name;
        this.createdAt = createdAt;
        this.steps = steps == null ? new ArrayList<>() : new ArrayList<>(steps);
        this.version = version;
    }

    static EscalationPath of(String topic, String name, List<Specialist> steps, Instant now) {
        return new EscalationPath(UUID.randomUUID(), topic, name, now, steps.stream().map(EscalationPathStep::of).toList(), null);
    }

    public UUID id() {
        return id;
    }

    /** The conversation tag this path is for. */
    public String topic() {
        return topic;
    }

    /** What people call the topic ("Billing questions"). */
    public String name() {
        return name;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public List<Specialist> steps() {
        return steps.stream().map(EscalationPathStep::specialist).toList();
    }

    /** Where the specialist is on the path (0 for the first step), or -1. */
    public int indexOf(Specialist specialist) {
        return steps().indexOf(specialist);
    }
}
