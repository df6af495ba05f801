package dev.rapport.owed;

import java.time.Instant;
import java.util.UUID;

/**
 * Money still owed after its due date: published once a day per entry (in the business's time zone) for as long as
 * it stays unpaid, so whoever is responsible and their lead hear of it daily.
 *
 * @param customerName how the customer likes to be called
 * @param daysOverdue  whole days since the due date
 */
public record MoneyOwedOverdue(UUID entry, UUID customer, UUID conversation, String customerName, String amount,
                               String kind, UUID responsibleAgent, UUID responsibleTeam, Instant dueAt,
                               long daysOverdue) {
}
