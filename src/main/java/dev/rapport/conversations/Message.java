package dev.rapport.conversations;

import dev.rapport.agents.Agent;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One message in a conversation: what the customer wrote (kept whole, exactly as received), a reply we sent, or an
 * internal note customers never see. Replies carry their delivery state.
 */
public class Message {

    public record MessageId(UUID value) {
        @Override
        public String toString() {
            return value.toString();
        }
    }

    public enum Kind { INBOUND, REPLY, NOTE }

    public enum Delivery { QUEUED, SENT, FAILED }

    private final @Id UUID id;
    private final UUID conversation;
    private final Kind kind;
    private final UUID authorAgent;
    private final String authorName;
    private final String body;
    private final Channel channel;
    private Delivery delivery;
    private String deliveryError;
    private final Instant createdAt;
    private @Version Long version;

    @PersistenceCreator
    Message(UUID id, UUID conversation, Kind kind, UUID authorAgent, String authorName, String body, Channel channel,
            Delivery delivery, String deliveryError, Instant createdAt, Long version) {
        this.id = id;
        this.conversation = conversation;
        this.kind = kind;
        this.authorAgent = authorAgent;
        this.authorName = authorName;
        this.body = body;
        this.channel = channel;
        this.delivery = delivery;
        this.deliveryError = deliveryError;
        this.createdAt = createdAt;
        this.version = version;
    }

    static Message inbound(Conversation.ConversationId conversation, String from, String body, Channel channel,
                           Instant at) {
        return new Message(UUID.randomUUID(), conversation.value(), Kind.INBOUND, null, from, body, channel, null,
                null, at, null);
    }

    static Message reply(Conversation.ConversationId conversation, Agent.AgentId author, String authorName,
                         String body, Channel channel, Instant at) {
        return new Message(UUID.randomUUID(), conversation.value(), Kind.REPLY, author.value(), authorName, body,
                channel, Delivery.QUEUED, null, at, null);
    }

    static Message note(Conversation.ConversationId conversation, Agent.AgentId author, String authorName,
                        String body, Instant at) {
        return new Message(UUID.randomUUID(), conversation.value(), Kind.NOTE, author == null ? null : author.value(),
                authorName, body,
                null, null, null, at, null);
    }

    void delivered() {
        delivery = Delivery.SENT;
        deliveryError = null;
    }

    void requeued() {
        delivery = Delivery.QUEUED;
        deliveryError = null;
    }

    void failed(String reason) {
        delivery = Delivery.FAILED;
        deliveryError = reason == null ? "unknown" : reason.substring(0, Math.min(500, reason.length()));
    }

    public MessageId id() {
        return new MessageId(id);
    }

    public Conversation.ConversationId conversation() {
        return new Conversation.ConversationId(conversation);
    }

    public Kind kind() {
        return kind;
    }

    public Optional<Agent.AgentId> authorAgent() {
        return Optional.ofNullable(authorAgent).map(Agent.AgentId::new);
    }

    public String authorName() {
        return authorName;
    }

    public String body() {
        return body;
    }

    public Channel channel() {
        return channel;
    }

    public Delivery delivery() {
        return delivery;
    }

    public String deliveryError() {
        return deliveryError;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** The version as stored, or null before the message was ever stored. */
    Long storedVersion() {
        return version;
    }

    /** Written in plain SQL ({@link MessageRows}) at this version. */
    void stored(long version) {
        this.version = version;
    }
}
