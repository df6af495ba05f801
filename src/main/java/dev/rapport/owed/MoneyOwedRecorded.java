package dev.rapport.owed;

import java.time.Instant;
import java.util.UUID;

/**
 * We now owe a customer money.
 *
 * @param amount as people read it ("$700.00")
 */
public record MoneyOwedRecorded(UUID entry, UUID customer, UUID conversation, String amount, UUID responsibleAgent,
                                UUID responsibleTeam, Instant dueAt) {
}
