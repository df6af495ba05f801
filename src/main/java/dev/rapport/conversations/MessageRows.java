package dev.rapport.conversations;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;

/**
 * Stores a new {@link Message} in plain SQL, for the paths every incoming message takes (see {@link ConversationRows}
 * for why); everything else about messages goes through {@link Messages}, on the same rows and version.
 */
@Component
class MessageRows {

    private final JdbcClient jdbc;

    MessageRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a message not stored before, at version 0. */
    Message insert(Message message) {
        if (message.storedVersion() != null) {
            throw new IllegalArgumentException("Message " + message.id() + " is already stored");
        }
        jdbc.sql("""
                        insert into message (id, conversation, kind, author_agent, author_name, body, channel, delivery,
                                             delivery_error, created_at, version)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
                .params(message.id().value(), message.conversation().value(), message.kind().name(),
                        message.authorAgent().map(agent -> agent.value()).orElse(null), message.authorName(),
                        message.body(), message.channel() == null ? null : message.channel().name(),
                        message.delivery() == null ? null : message.delivery().name(), message.deliveryError(),
                        Timestamp.from(message.createdAt()))
                .update();
        message.stored(0);
        return message;
    }
}
