package dev.rapport.phone;

import java.time.Instant;

/**
 * One event a phone system sent about a call, as read from the hook's JSON (see docs/telephony.md). Only the fields
 * of its type are set.
 *
 * @param id    the event's own id, for refusing replays (the phone system's, or the request header's)
 * @param agent who answered ({@code call.answered}): an agent id, an email address or an extension
 */
public record CallEvent(String id, Type type, String callId, Instant at, String from, String to,
                        Call.Direction direction, String agent, Call.Reason reason, Integer durationSeconds,
                        String recordingUrl) {

    public enum Type {
        STARTED("call.started"), ANSWERED("call.answered"), ENDED("call.ended");

        private final String wire;

        Type(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }

        public static Type of(String wire) {
            for (Type type : values()) {
                if (type.wire.equals(wire)) {
                    return type;
                }
            }
            throw new IllegalArgumentException("\"type\" must be call.started, call.answered or call.ended.");
        }
    }

    public CallEvent {
        if (callId == null || callId.isBlank()) {
            throw new IllegalArgumentException("\"callId\" is missing.");
        }
        if (callId.length() > 200) {
            throw new IllegalArgumentException("\"callId\" is longer than 200 characters.");
        }
        if (type == Type.STARTED && direction == null) {
            throw new IllegalArgumentException("\"direction\" must be inbound or outbound.");
        }
        if (type == Type.ENDED && reason == null) {
            throw new IllegalArgumentException("\"reason\" must be completed, missed, voicemail or busy.");
        }
        if (durationSeconds != null && durationSeconds < 0) {
            throw new IllegalArgumentException("\"durationSeconds\" cannot be negative.");
        }
        if (recordingUrl != null && !recordingUrl.matches("(?i)https?://\\S{1,1990}")) {
            throw new IllegalArgumentException("\"recordingUrl\" must be an http(s) address.");
        }
    }
}
