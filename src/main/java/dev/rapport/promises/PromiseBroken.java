package dev.rapport.promises;

import java.util.UUID;

/** A promise's deadline passed without the work done and the customer told, or a new date agreed. */
public record PromiseBroken(UUID promise, UUID conversation, UUID owner, String why) {
}
