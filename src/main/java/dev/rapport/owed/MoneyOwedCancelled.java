package dev.rapport.owed;

import java.util.UUID;

/** We no longer owe the money, for the reason given. */
public record MoneyOwedCancelled(UUID entry, UUID customer, UUID conversation, String amount, String reason) {
}
