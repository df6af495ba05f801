package dev.rapport.conversations;

/** Anything about a conversation changed (new message, assignment, status, tags...); for live views and reports. */
public record ConversationChanged(Conversation.ConversationId conversation, long number, String what) {
}
