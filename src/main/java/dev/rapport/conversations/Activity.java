package dev.rapport.conversations;

import java.time.Instant;

/** One change in a conversation's timeline: who did what, when. Shown in order with the messages. */
public record Activity(String kind, String actorName, String detail, Instant createdAt) {
}
