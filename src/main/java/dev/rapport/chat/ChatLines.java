package dev.rapport.chat;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Every line of every chat, in order. A visitor's client id is unique per visitor: the database refuses a double. */
@Component
class ChatLines {

    private static final int CHUNK = 500;

    private final JdbcClient jdbc;

    ChatLines(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ChatLine> byClientId(UUID visitor, String clientId) {
        return jdbc.sql("select * from chat_line where visitor = ? and client_id = ?").param(visitor).param(clientId)
                .query(ChatLines::map).optional();
    }

    ChatLine add(UUID visitor, UUID conversation, String clientId, UUID message, ChatLine.Author author,
                 String authorName, String body, Instant now) {
        jdbc.sql("""
                        insert into chat_line (visitor, conversation, client_id, message, author, author_name, body,
                         created_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .param(visitor).param(conversation).param(clientId).param(message).param(author.name())
                .param(authorName).param(body).param(Timestamp.from(now)).update();
        return byClientId(visitor, clientId).orElseThrow();
    }

    /** The visitor's lines after {@code afterSeq}, oldest first, at most {@code limit} of the newest. */
    List<ChatLine> after(UUID visitor, long afterSeq, int limit) {
        List<ChatLine> newestFirst = jdbc.sql("select * from chat_line where visitor = ? and seq > ? order by seq desc")
                .param(visitor).param(afterSeq).query(ChatLines::map).list().stream().limit(limit).toList();
        return newestFirst.reversed();
    }

    List<ChatLine> ofConversation(UUID conversation) {
        return jdbc.sql("select * from chat_line where conversation = ? order by seq").param(conversation)
                .query(ChatLines::map).list();
    }

    Optional<ChatLine> last(UUID conversation) {
        return jdbc.sql("select * from chat_line where conversation = ? order by seq desc fetch first 1 rows only")
                .param(conversation).query(ChatLines::map).optional();
    }

    /** The last line of each of the conversations that has one, a few hundred conversations per query. */
    Map<UUID, ChatLine> lastOf(Collection<UUID> conversations) {
        Map<UUID, ChatLine> last = new HashMap<>();
        List<UUID> all = List.copyOf(conversations);
        for (int from = 0; from < all.size(); from += CHUNK) {
            jdbc.sql("""
                            select * from chat_line where seq in (select max(seq) from chat_line
                             where conversation in (:conversations) group by conversation)""")
                    .param("conversations", all.subList(from, Math.min(all.size(), from + CHUNK)))
                    .query(ChatLines::map).list().forEach(line -> last.put(line.conversation(), line));
        }
        return last;
    }

    /** The conversation messages of a visitor's lines: those whose files they may download. */
    List<UUID> messagesOf(UUID visitor) {
        return jdbc.sql("select message from chat_line where visitor = ? and message is not null").param(visitor)
                .query(UUID.class).list();
    }

    private static ChatLine map(ResultSet rs, int row) throws SQLException {
        return new ChatLine(rs.getLong("seq"), rs.getObject("visitor", UUID.class),
                rs.getObject("conversation", UUID.class), rs.getString("client_id"),
                ChatLine.Author.valueOf(rs.getString("author")), rs.getString("author_name"), rs.getString("body"),
                rs.getTimestamp("created_at").toInstant(), rs.getObject("message", UUID.class));
    }
}
