package dev.rapport.promises;

import java.util.UUID;

/** A promise was kept: done in time and the customer told in time. */
public record PromiseKept(UUID promise, UUID conversation, UUID owner) {
}
