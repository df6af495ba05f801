package dev.rapport.conversations;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Appends to and reads a conversation's timeline of changes. Append-only: history is never rewritten. */
@Component
class Timeline {

    private final JdbcClient jdbc;

    Timeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(Conversation.ConversationId conversation, String kind, Actor actor, String detail, Instant at) {
        jdbc.sql("""
                        insert into conversation_activity (id, conversation, kind, actor_agent, actor_name, detail, created_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), conversation.value(), kind, actor.agentId(), actor.name(),
                        detail.length() > 500 ? detail.substring(0, 500) : detail, Timestamp.from(at))
                .update();
    }

    List<Activity> of(Conversation.ConversationId conversation) {
        return jdbc.sql("""
                        select kind, actor_name, detail, created_at from conversation_activity
                        where conversation = ? order by created_at, position""")
                .param(conversation.value())
                .query((rs, row) -> new Activity(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }
}
