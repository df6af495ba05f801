package dev.rapport.conversations;

/**
 * Anything about a conversation changed (new message, assignment, status, tags...); for live views and reports.
 * {@code what} says what: "created" and "message" never change whether it is open on their own: a customer's message
 * that reopens a solved conversation is announced once more as "reopened".
 */
public record ConversationChanged(Conversation.ConversationId conversation, long number, String what) {
}
