package dev.rapport.phone;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Reads a hook request's JSON into a {@link CallEvent}, with a message that names the field at fault. */
final class CallEventJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CallEventJson() {
    }

    /** @throws IllegalArgumentException saying what is wrong with the event */
    static CallEvent parse(String body, String headerEventId) {
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("The body is not JSON.");
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("The body must be one JSON object.");
        }
        String id = text(node, "id");
        if (id == null) {
            id = headerEventId;
        }
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("The event has no id: send \"id\" or the X-Rapport-Event-Id header.");
        }
        CallEvent.Type type = CallEvent.Type.of(text(node, "type"));
        String direction = text(node, "direction");
        String reason = text(node, "reason");
        return new CallEvent(id, type, text(node, "callId"), instant(text(node, "at")), text(node, "from"),
                text(node, "to"), direction == null ? null : enumOf(Call.Direction.class, direction, "direction"),
                agent(node.get("agent")), reason == null ? null : enumOf(Call.Reason.class, reason, "reason"),
                node.hasNonNull("durationSeconds") ? seconds(node.get("durationSeconds")) : null,
                text(node, "recordingUrl"));
    }

    /** An agent as an id, an email address or an extension, alone or as {"id"|"email"|"extension": ...}. */
    private static String agent(JsonNode agent) {
        if (agent == null || agent.isNull()) {
            return null;
        }
        if (agent.isObject()) {
            for (String field : new String[] {"id", "email", "extension"}) {
                String value = text(agent, field);
                if (value != null) {
                    return value;
                }
            }
            return null;
        }
        return agent.isValueNode() ? agent.asString() : null;
    }

    private static Integer seconds(JsonNode node) {
        if (!node.canConvertToInt() || !node.isIntegralNumber()) {
            throw new IllegalArgumentException("\"durationSeconds\" must be a whole number of seconds.");
        }
        return node.intValue();
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("\"at\" must be an ISO-8601 time like 2026-11-23T09:15:00Z.");
        }
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field.equals("direction")
                    ? "\"direction\" must be inbound or outbound."
                    : "\"reason\" must be completed, missed, voicemail or busy.");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || !value.isValueNode()) {
            return null;
        }
        String text = value.asString();
        return text.isBlank() ? null : text.strip();
    }
}
