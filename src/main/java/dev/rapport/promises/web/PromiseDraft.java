package dev.rapport.promises.web;

import dev.rapport.promises.PromiseRejected;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;

/**
 * A promise as typed into the composer or the sidebar (fields named {@code promise.*}): what, who does it
 * ({@code agent:<id>} or {@code team:<id>}), by when (a local date-time in the business's time zone), who tells the
 * customer and by when, and whether its sentence goes into the reply.
 */
record PromiseDraft(String what, UUID ownerAgent, UUID ownerTeam, UUID contactBy, Instant dueAt, Instant contactAt,
                    boolean addSentence) {

    static final String PREFIX = "promise.";

    /** Whether the form holds a promise at all: nothing typed in "what" means none is being made. */
    static boolean present(Map<String, String> form) {
        return !field(form, "what").isBlank();
    }

    /**
     * @param me who is making it: the owner and the contact when the form leaves them out
     * @throws PromiseRejected for a field that cannot be read
     */
    static PromiseDraft from(Map<String, String> form, ZoneId zone, UUID me) {
        UUID ownerAgent = null;
        UUID ownerTeam = null;
        String owner = field(form, "owner");
        if (owner.isBlank() || owner.equals("me")) {
            ownerAgent = me;
        } else if (owner.startsWith("agent:")) {
            ownerAgent = id(owner.substring(6), "owner");
        } else if (owner.startsWith("team:")) {
            ownerTeam = id(owner.substring(5), "owner");
        } else {
            throw new PromiseRejected("owner", "Choose who will do it from the list.");
        }
        String contact = field(form, "contactBy");
        UUID contactBy = contact.isBlank() ? (ownerAgent != null ? ownerAgent : me) : id(contact, "contactBy");
        Instant due = time(field(form, "due"), zone, "due");
        if (due == null) {
            throw new PromiseRejected("due", "Say by when it will be done.");
        }
        Instant contactAt = time(field(form, "contactAt"), zone, "contactAt");
        return new PromiseDraft(field(form, "what").strip(), ownerAgent, ownerTeam, contactBy, due, contactAt,
                !"off".equals(field(form, "sentence")) && !field(form, "sentence").isBlank());
    }

    private static String field(Map<String, String> form, String name) {
        String value = form.get(PREFIX + name);
        return value == null ? "" : value;
    }

    private static UUID id(String value, String field) {
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new PromiseRejected(field, "Choose " + (field.equals("owner") ? "who will do it" : "who will tell the customer")
                    + " from the list.");
        }
    }

    private static Instant time(String value, ZoneId zone, String field) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new PromiseRejected(field, "Give a date and time like 2026-11-27 17:00.");
        }
    }
}
