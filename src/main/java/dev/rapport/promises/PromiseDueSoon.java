package dev.rapport.promises;

import java.time.Instant;
import java.util.UUID;

/**
 * A promise's next deadline is near: a reminder to whoever must act — the owner for the work, the contact for telling
 * the customer. Sent at the configured lead times, once each.
 *
 * @param agent     who to remind, or null when the promise is a team's and nobody in particular
 * @param team      the owning team, or null
 * @param aboutWork true for the work deadline, false for telling the customer
 */
public record PromiseDueSoon(UUID promise, UUID conversation, UUID agent, UUID team, String what, boolean aboutWork,
                             Instant deadline) {
}
