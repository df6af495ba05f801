package dev.rapport.promises.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.rapport.promises.PromiseState;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A promise as the API shows it: its terms with names beside the ids, where it stands, and its whole history. After a
 * create or a renegotiation it may carry {@code warnings}: terms that were accepted but look like a mistake.
 */
record PromiseJson(UUID id, UUID conversationId, Long conversationNumber, UUID customerId, String what, Owner owner,
                   Person contactBy, String madeBy, Instant madeAt, PromiseState state, Instant dueAt,
                   Instant contactAt, Instant doneAt, Instant contactedAt, Instant brokenAt, String resolution,
                   boolean everBroken, List<Change> history,
                   @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Warning> warnings) {

    /** Who does the work; {@code kind} is {@code agent} or {@code team}. */
    record Owner(UUID id, String name, String kind) {
    }

    record Person(UUID id, String name) {
    }

    record Change(PromiseState state, Instant at, String by, String note) {
    }

    /** Accepted, but worth a second look: which field and why. */
    record Warning(String field, String message) {
    }

    PromiseJson withWarnings(List<Warning> more) {
        return new PromiseJson(id, conversationId, conversationNumber, customerId, what, owner, contactBy, madeBy,
                madeAt, state, dueAt, contactAt, doneAt, contactedAt, brokenAt, resolution, everBroken, history,
                more);
    }
}
