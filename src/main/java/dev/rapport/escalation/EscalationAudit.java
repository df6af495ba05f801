package dev.rapport.escalation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Who defined which path, escalated or handed over which conversation, asked or answered what. Append-only. */
@Component
class EscalationAudit {

    private final JdbcClient jdbc;

    EscalationAudit(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(String action, UUID conversation, UUID actor, String actorName, String detail, Instant at) {
        jdbc.sql("insert into escalation_audit (id, action, conversation, actor, actor_name, detail, created_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), action, conversation, actor, actorName,
                        detail.length() > 2000 ? detail.substring(0, 2000) : detail, Timestamp.from(at))
                .update();
    }

    List<AuditLine> newest(int size) {
        return jdbc.sql("select action, conversation, actor_name, detail, created_at from escalation_audit"
                        + " order by created_at desc, id desc limit ?")
                .param(size)
                .query((rs, row) -> new AuditLine(rs.getString("action"), rs.getObject("conversation", UUID.class),
                        rs.getString("actor_name"), rs.getString("detail"), rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    /** One line of the audit trail. */
    public record AuditLine(String action, UUID conversation, String actorName, String detail, Instant at) {
    }
}
