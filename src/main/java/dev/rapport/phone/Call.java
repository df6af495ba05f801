package dev.rapport.phone;

import dev.rapport.agents.Agent;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One phone call as a phone system reported it, by its call id: who called whom, who answered, how it ended, and
 * where it landed (the conversation it became a message in, the call-back promise a missed call made). Events may
 * arrive twice or out of order; each one fills in what it knows and never undoes what a later one said, so the same
 * call always ends up the same.
 */
public class Call {

    public record CallId(UUID value) {
        @Override
        public String toString() {
            return value.toString();
        }
    }

    public enum Direction { INBOUND, OUTBOUND }

    public enum State { RINGING, ANSWERED, ENDED }

    /** How a call ended, as the phone system says. */
    public enum Reason {
        COMPLETED("Completed"), MISSED("Missed"), VOICEMAIL("Voicemail"), BUSY("Busy");

        private final String label;

        Reason(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** What the answering agent says came of the call. */
    public enum Outcome {
        SOLVED("Solved"), FOLLOW_UP("Follow-up needed"), PROMISE_MADE("Promise made");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final @Id UUID id;
    private final UUID hook;
    private final String callId;
    private Direction direction;
    private String fromRaw;
    private String fromE164;
    private String toRaw;
    private String toE164;
    private boolean numberFlagged;
    private UUID customer;
    private State state;
    private UUID answeredBy;
    private String answeredByName;
    private Reason reason;
    private Integer durationSeconds;
    private String recordingUrl;
    private Instant startedAt;
    private Instant answeredAt;
    private Instant endedAt;
    private UUID conversation;
    private UUID callBackPromise;
    private Instant calledBackAt;
    private Outcome outcome;
    private UUID outcomeBy;
    private String notes;
    private final Instant firstSeenAt;
    private @Version Long version;

    @PersistenceCreator
    Call(UUID id, UUID hook, String callId, Direction direction, String fromRaw, String fromE164, String toRaw,
         String toE164, boolean numberFlagged, UUID customer, State state, UUID answeredBy, String answeredByName,
         Reason reason, Integer durationSeconds, String recordingUrl, Instant startedAt, Instant answeredAt,
         Instant endedAt, UUID conversation, UUID callBackPromise, Instant calledBackAt, Outcome outcome,
         UUID outcomeBy, String notes, Instant firstSeenAt, Long version) {
        this.id = id;
        this.hook = hook;
        this.callId = callId;
        this.direction = direction;
        this.fromRaw = fromRaw;
        this.fromE164 = fromE164;
        this.toRaw = toRaw;
        this.toE164 = toE164;
        this.numberFlagged = numberFlagged;
        this.customer = customer;
        this.state = state;
        this.answeredBy = answeredBy;
        this.answeredByName = answeredByName;
        this.reason = reason;
        this.durationSeconds = durationSeconds;
        this.recordingUrl = recordingUrl;
        this.startedAt = startedAt;
        this.answeredAt = answeredAt;
        this.endedAt = endedAt;
        this.conversation = conversation;
        this.callBackPromise = callBackPromise;
        this.calledBackAt = calledBackAt;
        this.outcome = outcome;
        this.outcomeBy = outcomeBy;
        this.notes = notes;
        this.firstSeenAt = firstSeenAt;
        this.version = version;
    }

    /** The first event about a call, whichever it is, creates it. */
    static Call firstHeardOf(TelephonyHook.HookId hook, String callId, Instant now) {
        return new Call(UUID.randomUUID(), hook.value(), callId, null, null, null, null, null, false, null,
                State.RINGING, null, null, null, null, null, null, null, null, null, null, null, null, null, null, now,
                null);
    }

    /** The numbers and direction; a number that is not one is kept as given and flagged ({@code e164} null). */
    void started(Direction direction, String fromRaw, String fromE164, String toRaw, String toE164, Instant at) {
        if (this.direction != null) {
            return;
        }
        this.direction = direction;
        this.fromRaw = fromRaw;
        this.fromE164 = fromE164;
        this.toRaw = toRaw;
        this.toE164 = toE164;
        this.numberFlagged = theirNumberRaw() != null && theirNumber().isEmpty();
        this.startedAt = startedAt == null || at.isBefore(startedAt) ? at : startedAt;
    }

    void recognised(UUID customer) {
        this.customer = customer;
    }

    void answered(Agent.AgentId agent, String name, Instant at) {
        if (answeredAt != null) {
            return;
        }
        answeredBy = agent == null ? null : agent.value();
        answeredByName = name;
        answeredAt = at;
        if (state == State.RINGING) {
            state = State.ANSWERED;
        }
        if (startedAt == null) {
            startedAt = at;
        }
    }

    /** @return false when the call had already ended (a repeated event) */
    boolean ended(Reason reason, Integer durationSeconds, String recordingUrl, Instant at) {
        if (state == State.ENDED) {
            return false;
        }
        this.state = State.ENDED;
        this.reason = reason;
        this.durationSeconds = durationSeconds;
        this.recordingUrl = recordingUrl;
        this.endedAt = at;
        if (startedAt == null) {
            startedAt = durationSeconds == null ? at : at.minusSeconds(durationSeconds);
        }
        return true;
    }

    /** Ended and its numbers known: ready to land in the customer's history (once). */
    boolean readyToLog() {
        return state == State.ENDED && direction != null && conversation == null;
    }

    void loggedIn(UUID conversation) {
        this.conversation = conversation;
    }

    void callBackPromised(UUID promise) {
        this.callBackPromise = promise;
    }

    void calledBack(Instant at) {
        if (calledBackAt == null) {
            calledBackAt = at;
        }
    }

    void outcome(Outcome outcome, String notes, Agent.AgentId by) {
        if (notes != null && notes.strip().length() > 5000) {
            throw new IllegalArgumentException("Keep the notes under 5,000 characters.");
        }
        this.outcome = outcome;
        this.outcomeBy = by.value();
        this.notes = notes == null || notes.isBlank() ? null : notes.strip();
    }

    /** An inbound call nobody answered (missed, voicemail, busy): we owe them a call back. */
    public boolean isMissed() {
        return direction == Direction.INBOUND && reason != null && reason != Reason.COMPLETED;
    }

    /** An outbound call the customer picked up. */
    public boolean reachedThem() {
        return direction == Direction.OUTBOUND && state == State.ENDED && reason == Reason.COMPLETED;
    }

    /** The customer's number as given: the caller's on an inbound call, the called number on an outbound one. */
    public String theirNumberRaw() {
        return direction == Direction.OUTBOUND ? toRaw : fromRaw;
    }

    /** The customer's number in E.164, when it is one. */
    public Optional<String> theirNumber() {
        return Optional.ofNullable(direction == Direction.OUTBOUND ? toE164 : fromE164);
    }

    public CallId id() {
        return new CallId(id);
    }

    public TelephonyHook.HookId hook() {
        return new TelephonyHook.HookId(hook);
    }

    public String callId() {
        return callId;
    }

    public Optional<Direction> direction() {
        return Optional.ofNullable(direction);
    }

    public String fromRaw() {
        return fromRaw;
    }

    public String toRaw() {
        return toRaw;
    }

    public boolean numberFlagged() {
        return numberFlagged;
    }

    public Optional<UUID> customer() {
        return Optional.ofNullable(customer);
    }

    public State state() {
        return state;
    }

    public Optional<Agent.AgentId> answeredBy() {
        return Optional.ofNullable(answeredBy).map(Agent.AgentId::new);
    }

    public String answeredByName() {
        return answeredByName;
    }

    public Optional<Reason> reason() {
        return Optional.ofNullable(reason);
    }

    public Optional<Duration> duration() {
        return Optional.ofNullable(durationSeconds).map(Duration::ofSeconds);
    }

    public Optional<String> recordingUrl() {
        return Optional.ofNullable(recordingUrl);
    }

    public Instant startedAt() {
        return startedAt == null ? firstSeenAt : startedAt;
    }

    public Optional<Instant> answeredAt() {
        return Optional.ofNullable(answeredAt);
    }

    public Optional<Instant> endedAt() {
        return Optional.ofNullable(endedAt);
    }

    public Optional<UUID> conversation() {
        return Optional.ofNullable(conversation);
    }

    public Optional<UUID> callBackPromise() {
        return Optional.ofNullable(callBackPromise);
    }

    public Optional<Instant> calledBackAt() {
        return Optional.ofNullable(calledBackAt);
    }

    public Optional<Outcome> outcome() {
        return Optional.ofNullable(outcome);
    }

    public Optional<Agent.AgentId> outcomeBy() {
        return Optional.ofNullable(outcomeBy).map(Agent.AgentId::new);
    }

    /** Whether the agent may write the call's notes and outcome: whoever answered, or anyone when nobody did. */
    public boolean mayBeLoggedBy(Agent.AgentId agent) {
        return answeredBy == null || answeredBy.equals(agent.value());
    }

    public String notes() {
        return notes;
    }

    public Instant firstSeenAt() {
        return firstSeenAt;
    }
}
