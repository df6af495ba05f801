package dev.rapport.customers;

import dev.rapport.agents.SignedInAgent;
import org.springframework.data.annotation.Id;

import java.time.Instant;
import java.util.UUID;

/** A change to a customer's record that someone may need to account for later: merge, export, erasure. */
public record AuditEntry(@Id UUID id, UUID customer, String action, UUID actor, String actorName, String detail,
                         Instant createdAt) {

    static AuditEntry of(Customer.CustomerId customer, String action, SignedInAgent actor, String detail,
                         Instant now) {
        return new AuditEntry(UUID.randomUUID(), customer.value(), action, actor.id().value(), actor.name(), detail,
                now);
    }
}
