package dev.rapport.promises;

import java.time.Instant;

/** One step in a promise's history: what happened, when, by whom, and in words. */
public record PromiseChange(PromiseState state, Instant at, String byName, String note) {
}
