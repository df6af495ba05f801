package dev.rapport.owed.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.rapport.owed.OwedLedger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An entry in the API: amounts as decimal strings with their ISO 4217 currency, never as floating point numbers. */
record OwedJson(UUID id, UUID customerId, Long customerNumber, String customerName, UUID conversationId,
                Long conversationNumber, String amount, String currency, String display, String kind, String reason,
                Instant owedSince, Responsible responsible, Instant dueAt, String reference, String state,
                boolean overdue, long daysOwed, String recordedBy, Instant paidAt, String paymentReference,
                String paidBy, Instant cancelledAt, String cancelReason, UUID tellPromiseId,
                @JsonInclude(JsonInclude.Include.NON_NULL) List<OwedLedger.AuditLine> history) {

    /** Who pays it: an agent or a team. */
    record Responsible(UUID id, String name, String kind) {
    }

    static OwedJson of(OwedView v, List<OwedLedger.AuditLine> history) {
        var e = v.entry();
        return new OwedJson(e.id(), e.customer(), v.customerNumber(), v.customerName(), e.conversation().orElse(null),
                v.conversationNumber(), e.amount().amount(), e.amount().currencyCode(), e.amount().toString(),
                e.kind().name(), e.reason(), e.owedSince(),
                new Responsible(e.responsibleAgent().or(e::responsibleTeam).orElse(null), v.responsibleName(),
                        e.responsibleAgent().isPresent() ? "agent" : "team"),
                e.dueAt(), e.reference().orElse(null), e.state().name(), v.overdue(), v.daysOwed(), e.recordedBy(),
                e.paidAt().orElse(null), e.paymentReference().orElse(null), e.paidBy().orElse(null),
                e.cancelledAt().orElse(null), e.cancelReason().orElse(null), e.tellPromise().orElse(null), history);
    }
}
