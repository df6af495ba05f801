package dev.rapport.promises;

import java.time.Instant;
import java.util.UUID;

/** A promise was made to a customer. */
public record PromiseMade(UUID promise, UUID conversation, UUID owner, Instant dueAt) {
}
