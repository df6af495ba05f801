package dev.rapport.authority;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Who changed which authority limit, when, and to what. Rows are only ever added. Grants need no trail of their own:
 * a grant is never changed once made.
 */
@Component
class LimitAudit {

    private final JdbcClient jdbc;

    LimitAudit(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(String action, String subject, UUID actor, String actorName, String detail, Instant at) {
        jdbc.sql("insert into authority_audit (id, action, subject, actor, actor_name, detail, created_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), action, subject, actor, actorName, detail, Timestamp.from(at))
                .update();
    }

    List<AuthorityLimits.AuditLine> newest(int size) {
        return jdbc.sql("select action, subject, actor_name, detail, created_at from authority_audit"
                        + " order by created_at desc, id desc limit ?")
                .param(size)
                .query((rs, row) -> new AuthorityLimits.AuditLine(rs.getString("action"), rs.getString("subject"),
                        rs.getString("actor_name"), rs.getString("detail"), rs.getTimestamp("created_at").toInstant()))
                .list();
    }
}
