package dev.rapport.owed;

import java.time.Instant;
import java.util.UUID;

/**
 * We now owe a customer money.
 *
 * @param customerName how the customer likes to be called
 * @param amount       as people read it ("$700.00")
 * @param kind         in a sentence ("refund", "goodwill credit")
 * @param dueDay       the due date as people read it in the business's time zone ("10 March")
 * @param recordedBy   who recorded it: an agent's name, or what did ("Approvals")
 * @param recorder     the agent who recorded it, or null when something else did
 */
public record MoneyOwedRecorded(UUID entry, UUID customer, UUID conversation, String customerName, String amount,
                                String kind, UUID responsibleAgent, UUID responsibleTeam, Instant dueAt,
                                String dueDay, String recordedBy, UUID recorder) {
}
