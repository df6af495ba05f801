package dev.rapport.promises;

import java.time.Instant;
import java.util.UUID;

/** The customer was told a new date for a promise. */
public record PromiseRenegotiated(UUID promise, UUID conversation, Instant newDueAt) {
}
