package dev.rapport.chat;

import dev.rapport.shared.SecretTokens;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Chat visitors, found by the hash of their token. */
@Component
class Visitors {

    private final JdbcClient jdbc;

    Visitors(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Visitor> byToken(UUID widget, String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("select * from chat_visitor where token_hash = ? and widget = ?")
                .param(SecretTokens.sha256(token)).param(widget).query(Visitors::map).optional();
    }

    Optional<Visitor> find(UUID id) {
        return jdbc.sql("select * from chat_visitor where id = ?").param(id).query(Visitors::map).optional();
    }

    List<Visitor> ofConversation(UUID conversation) {
        return jdbc.sql("select * from chat_visitor where conversation = ?").param(conversation)
                .query(Visitors::map).list();
    }

    /** The conversations of the visitors seen since then. */
    Set<UUID> conversationsSeenSince(Instant since) {
        return Set.copyOf(jdbc.sql("""
                        select distinct conversation from chat_visitor
                         where last_seen_at >= ? and conversation is not null""")
                .param(Timestamp.from(since)).query(UUID.class).list());
    }

    Visitor create(UUID widget, String token, Instant now) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into chat_visitor (id, widget, token_hash, created_at, last_seen_at) values (?, ?, ?, ?, ?)")
                .param(id).param(widget).param(SecretTokens.sha256(token)).param(Timestamp.from(now))
                .param(Timestamp.from(now)).update();
        return find(id).orElseThrow();
    }

    void seen(UUID visitor, String page, Instant now) {
        jdbc.sql("update chat_visitor set page = coalesce(?, page), last_seen_at = ? where id = ?")
                .param(page).param(Timestamp.from(now)).param(visitor).update();
    }

    void told(UUID visitor, String name, String email) {
        jdbc.sql("update chat_visitor set name = coalesce(?, name), email = coalesce(?, email) where id = ?")
                .param(name).param(email).param(visitor).update();
    }

    void verified(UUID visitor, String externalId, String name, String email) {
        jdbc.sql("update chat_visitor set external_id = ?, name = coalesce(?, name), email = ? where id = ?")
                .param(externalId).param(name).param(email).param(visitor).update();
    }

    void chatsIn(UUID visitor, UUID conversation) {
        jdbc.sql("update chat_visitor set conversation = ? where id = ?").param(conversation).param(visitor).update();
    }

    private static Visitor map(ResultSet rs, int row) throws SQLException {
        return new Visitor(rs.getObject("id", UUID.class), rs.getObject("widget", UUID.class), rs.getString("name"),
                rs.getString("email"), rs.getString("external_id"), rs.getObject("conversation", UUID.class),
                rs.getString("page"));
    }
}
