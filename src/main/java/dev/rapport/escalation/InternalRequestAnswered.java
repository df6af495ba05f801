package dev.rapport.escalation;

import java.util.UUID;

/** The asked teammate answered; the answer is on the conversation as an internal note. */
public record InternalRequestAnswered(UUID request, UUID conversation, long number, UUID askedBy,
                                      String answeredByName) {
}
