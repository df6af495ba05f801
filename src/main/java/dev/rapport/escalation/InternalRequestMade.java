package dev.rapport.escalation;

import java.time.Instant;
import java.util.UUID;

/** A teammate or a team was asked a question or a task on a conversation, due by a time. */
public record InternalRequestMade(UUID request, UUID conversation, long number, UUID askedAgent, UUID askedTeam,
                                  String askedByName, String question, Instant dueAt) {
}
