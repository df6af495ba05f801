package dev.rapport.conversations.web;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** Reads an optional id from a form or JSON field: null leaves a value alone, blank clears it. */
final class Ids {

    private Ids() {
    }

    static <T> Optional<T> optional(String value, Function<UUID, T> wrap) {
        if (value == null) {
            return null;
        }
        try {
            return value.isBlank() ? Optional.empty() : Optional.of(wrap.apply(UUID.fromString(value.strip())));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + value + "' is not an id.");
        }
    }
}
