package dev.rapport.conversations;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The {@link Conversation} aggregate read and written in plain SQL on the paths every incoming message takes: loading
 * a conversation, starting one, and the customer writing again. Spring Data JDBC's generic mapping cost about a
 * millisecond of CPU per load or save there, more than the statements themselves; the other changes (assign, retag,
 * merge, ...) still go through {@link Conversations}. Same rows, same optimistic version: a change written here makes
 * a stale Spring Data save fail, and the other way round. {@code ConversationRowsTests} keeps both mappings equal.
 */
@Component
class ConversationRows {

    private static final String COLUMNS = """
            id, number, subject, customer_id, requester_name, requester_email, channel, status, is_open, priority, \
            assignee, team, summary, created_at, updated_at, first_response_at, last_customer_message_at, solved_at, \
            waiting_since, queue_rank, merged_into, snoozed_until, routing_note, version""";

    private final JdbcClient jdbc;

    ConversationRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The conversation with its tags and followers, in one statement. */
    private static final String SELECT = "select " + COLUMNS + """
            ,
                   (select array_agg(t.tag) from conversation_tag t where t.conversation = c.id) as tag_list,
                   (select array_agg(f.agent) from conversation_follower f where f.conversation = c.id) as follower_list
            from conversation c""";

    Optional<Conversation> find(UUID id) {
        return jdbc.sql(SELECT + " where c.id = ?").param(id).query(this::conversation).optional();
    }

    Optional<Conversation> findByNumber(long number) {
        return jdbc.sql(SELECT + " where c.number = ?").param(number).query(this::conversation).optional();
    }

    /** Stores a conversation just started (with its tags and followers, if it has any) at version 0. */
    Conversation insert(Conversation conversation) {
        if (conversation.storedVersion() != null) {
            throw new IllegalArgumentException("Conversation " + conversation.number() + " is already stored");
        }
        jdbc.sql("insert into conversation (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                        + "?, ?, ?, ?, ?, ?, ?, 0)")
                .params(conversation.id().value(), conversation.number(), conversation.subject(),
                        conversation.customerId().orElse(null), conversation.requester().name(),
                        conversation.requester().email() == null ? null : conversation.requester().email().value(),
                        conversation.channel().name(), conversation.status().name(), conversation.isOpen(),
                        conversation.priority().name(), uuid(conversation.assignee().map(a -> a.value())),
                        uuid(conversation.team().map(t -> t.value())), conversation.summary(),
                        timestamp(conversation.createdAt()), timestamp(conversation.updatedAt()),
                        timestamp(conversation.firstResponseAt()), timestamp(conversation.lastCustomerMessageAt()),
                        timestamp(conversation.solvedAt()), timestamp(conversation.waitingSince()),
                        timestamp(conversation.queueRank()), conversation.mergedInto().isPresent()
                                ? conversation.mergedInto().getAsLong() : null,
                        timestamp(conversation.snoozedUntil()), conversation.routingNote().orElse(null))
                .update();
        for (String tag : conversation.tags()) {
            jdbc.sql("insert into conversation_tag (conversation, tag) values (?, ?)")
                    .params(conversation.id().value(), tag).update();
        }
        conversation.followers().forEach(agent -> jdbc.sql(
                        "insert into conversation_follower (conversation, agent) values (?, ?)")
                .params(conversation.id().value(), agent.value()).update());
        conversation.stored(0);
        return conversation;
    }

    /**
     * Writes the conversation's own columns (not its tags or followers, which this path never changes) if nobody
     * changed it since it was read; returns whether it did, and moves the conversation to its new version.
     */
    boolean updateState(Conversation conversation) {
        long version = conversation.version();
        int updated = jdbc.sql("""
                        update conversation set subject = ?, customer_id = ?, requester_name = ?, requester_email = ?,
                               status = ?, is_open = ?, priority = ?, assignee = ?, team = ?, summary = ?,
                               updated_at = ?, first_response_at = ?, last_customer_message_at = ?, solved_at = ?,
                               waiting_since = ?, queue_rank = ?, merged_into = ?, snoozed_until = ?,
                               routing_note = ?, version = ?
                        where id = ? and version = ?""")
                .params(conversation.subject(), conversation.customerId().orElse(null),
                        conversation.requester().name(),
                        conversation.requester().email() == null ? null : conversation.requester().email().value(),
                        conversation.status().name(), conversation.isOpen(), conversation.priority().name(),
                        uuid(conversation.assignee().map(a -> a.value())),
                        uuid(conversation.team().map(t -> t.value())), conversation.summary(),
                        timestamp(conversation.updatedAt()), timestamp(conversation.firstResponseAt()),
                        timestamp(conversation.lastCustomerMessageAt()), timestamp(conversation.solvedAt()),
                        timestamp(conversation.waitingSince()), timestamp(conversation.queueRank()),
                        conversation.mergedInto().isPresent() ? conversation.mergedInto().getAsLong() : null,
                        timestamp(conversation.snoozedUntil()), conversation.routingNote().orElse(null),
                        version + 1, conversation.id().value(), version)
                .update();
        if (updated == 1) {
            conversation.stored(version + 1);
        }
        return updated == 1;
    }

    private Conversation conversation(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        return new Conversation(id, rs.getLong("number"), rs.getString("subject"),
                rs.getObject("customer_id", UUID.class), rs.getString("requester_name"),
                rs.getString("requester_email"), Channel.valueOf(rs.getString("channel")),
                Status.valueOf(rs.getString("status")), rs.getBoolean("is_open"),
                Priority.valueOf(rs.getString("priority")), rs.getObject("assignee", UUID.class),
                rs.getObject("team", UUID.class), rs.getString("summary"), instant(rs, "created_at"),
                instant(rs, "updated_at"), instant(rs, "first_response_at"), instant(rs, "last_customer_message_at"),
                instant(rs, "solved_at"), instant(rs, "waiting_since"), instant(rs, "queue_rank"),
                rs.getObject("merged_into", Long.class), instant(rs, "snoozed_until"), rs.getString("routing_note"),
                tags(rs), followers(rs), rs.getLong("version"));
    }

    private static Set<ConversationTag> tags(ResultSet rs) throws SQLException {
        Set<ConversationTag> tags = new HashSet<>();
        for (Object tag : elements(rs, "tag_list")) {
            tags.add(new ConversationTag((String) tag));
        }
        return tags;
    }

    private static Set<ConversationFollower> followers(ResultSet rs) throws SQLException {
        Set<ConversationFollower> followers = new HashSet<>();
        for (Object agent : elements(rs, "follower_list")) {
            followers.add(new ConversationFollower(agent instanceof UUID uuid ? uuid
                    : UUID.fromString(agent.toString())));
        }
        return followers;
    }

    /** An array column's elements (PostgreSQL and H2 both hand back an Object[] of the element type); none if null. */
    private static Object[] elements(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? new Object[0] : (Object[]) array.getArray();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static UUID uuid(Optional<UUID> value) {
        return value.orElse(null);
    }
}
