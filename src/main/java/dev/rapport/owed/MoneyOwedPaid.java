package dev.rapport.owed;

import java.time.Instant;
import java.util.UUID;

/**
 * Money we owed was paid, and a promise was made to tell the customer so.
 *
 * @param tellAgent     who is to tell the customer (the agent who owns the relationship), or null when a team is
 * @param tellTeam      the team that is to tell the customer when no agent is, or null
 * @param tellPromise   the promise to tell them
 * @param tellBy        when the customer must have been told
 * @param what          the promise in words ("Tell Alex their $700.00 refund was paid")
 */
public record MoneyOwedPaid(UUID entry, UUID customer, UUID conversation, String amount, String paymentReference,
                            String paidBy, UUID tellAgent, UUID tellTeam, UUID tellPromise, Instant tellBy,
                            String what) {
}
