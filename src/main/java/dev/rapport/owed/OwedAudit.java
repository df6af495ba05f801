package dev.rapport.owed;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The audit trail of money owed: who recorded, paid or cancelled which entry, when, and the detail (amount,
 * reference, reason). Rows are only ever added. Its own table, because the customers module's trail is that module's
 * (and keyed by customer), and modules do not write each other's tables.
 */
@Component
class OwedAudit {

    private final JdbcClient jdbc;

    OwedAudit(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(UUID entry, String action, UUID actor, String actorName, String detail, Instant at) {
        jdbc.sql("insert into owed_audit (id, entry, action, actor, actor_name, detail, created_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), entry, action, actor, actorName, detail, Timestamp.from(at))
                .update();
    }

    List<OwedLedger.AuditLine> of(UUID entry) {
        return jdbc.sql("select action, actor_name, detail, created_at from owed_audit where entry = ?"
                        + " order by position")
                .param(entry)
                .query((rs, row) -> new OwedLedger.AuditLine(rs.getString("action"), rs.getString("actor_name"),
                        rs.getString("detail"), rs.getTimestamp("created_at").toInstant()))
                .list();
    }
}
