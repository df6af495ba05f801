package dev.rapport.customers;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.List;

/** Writes and reads the audit entries of customers' records; entries are only ever added. */
@Component
class AuditTrail {

    private final AuditEntries entries;
    private final JdbcClient jdbc;

    AuditTrail(AuditEntries entries, JdbcClient jdbc) {
        this.entries = entries;
        this.jdbc = jdbc;
    }

    void record(AuditEntry entry) {
        jdbc.sql("insert into audit_entry (id, customer, action, actor, actor_name, detail, created_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?)")
                .params(entry.id(), entry.customer(), entry.action(), entry.actor(), entry.actorName(),
                        entry.detail(), Timestamp.from(entry.createdAt()))
                .update();
    }

    List<AuditEntry> of(Customer.CustomerId customer) {
        return entries.findByCustomerOrderByCreatedAtDesc(customer.value());
    }
}
