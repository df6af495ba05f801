package dev.rapport.escalation;

import java.util.UUID;

/** A conversation was escalated to a person or a team; {@code handedOver} when the first agent gave up ownership. */
public record ConversationEscalated(UUID escalation, UUID conversation, long number, UUID toAgent, UUID toTeam,
                                    String toName, String escalatedByName, String reason, boolean handedOver) {
}
