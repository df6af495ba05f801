package dev.rapport.escalation;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A question or a task asked of a teammate (or a team) in another department on one conversation, due by a time: a
 * lightweight side conversation. Answered once; the answer goes onto the conversation as an internal note.
 */
public class InternalRequest {

    private final @Id UUID id;
    private final UUID conversation;
    private final long conversationNumber;
    private final UUID askedAgent;
    private final UUID askedTeam;
    private final String askedName;
    private final String question;
    private final Instant dueAt;
    private final UUID askedBy;
    private final String askedByName;
    private final Instant askedAt;
    private String answer;
    private UUID answeredBy;
    private String answeredByName;
    private Instant answeredAt;
    private @Version Long version;

    @PersistenceCreator
    InternalRequest(UUID id, UUID conversation, long conversationNumber, UUID askedAgent, UUID askedTeam,
                    String askedName, String question, Instant dueAt, UUID askedBy, String askedByName,
                    Instant askedAt, String answer, UUID answeredBy, String answeredByName, Instant answeredAt,
                    Long version) {
        this.id = id;
        this.conversation = conversation;
        this.conversationNumber = conversationNumber;
        this.askedAgent = askedAgent;
        this.askedTeam = askedTeam;
        this.askedName = askedName;
        this.question = question;
        this.dueAt = dueAt;
        this.askedBy = askedBy;
        this.askedByName = askedByName;
        this.askedAt = askedAt;
        this.answer = answer;
        this.answeredBy = answeredBy;
        this.answeredByName = answeredByName;
        this.answeredAt = answeredAt;
        this.version = version;
    }

    static InternalRequest of(UUID conversation, long number, Specialist asked, String askedName, String question,
                              Instant dueAt, UUID by, String byName, Instant now) {
        return new InternalRequest(UUID.randomUUID(), conversation, number, asked.agent(), asked.team(), askedName,
                question, dueAt, by, byName, now, null, null, null, null, null);
    }

    void answer(String text, UUID by, String byName, Instant at) {
        if (isAnswered()) {
            throw new AlreadyAnswered(answeredByName);
        }
        this.answer = text;
        this.answeredBy = by;
        this.answeredByName = byName;
        this.answeredAt = at;
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

    public Specialist asked() {
        return new Specialist(askedAgent, askedTeam);
    }

    public String askedName() {
        return askedName;
    }

    public String question() {
        return question;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public UUID askedBy() {
        return askedBy;
    }

    public String askedByName() {
        return askedByName;
    }

    public Instant askedAt() {
        return askedAt;
    }

    public boolean isAnswered() {
        return answeredAt != null;
    }

    public boolean isOverdue(Instant now) {
        return !isAnswered() && dueAt.isBefore(now);
    }

    public Optional<String> answer() {
        return Optional.ofNullable(answer);
    }

    public Optional<String> answeredByName() {
        return Optional.ofNullable(answeredByName);
    }

    public Optional<Instant> answeredAt() {
        return Optional.ofNullable(answeredAt);
    }
}
