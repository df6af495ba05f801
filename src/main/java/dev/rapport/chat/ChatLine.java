package dev.rapport.chat;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of a chat as the visitor sees it, numbered in order ({@code seq}) so a reconnecting widget asks for what
 * came after the last line it has. {@code clientId} is the id the visitor's browser gave its message (or ours, for
 * agents' and Rapport's lines); {@code message} is the conversation's message it is (none for Rapport's own
 * lines), which carries the files attached to it.
 */
public record ChatLine(long seq, UUID visitor, UUID conversation, String clientId, Author author, String authorName,
                       String body, Instant createdAt, UUID message) {

    public enum Author { VISITOR, AGENT, SYSTEM }
}
