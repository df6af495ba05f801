package dev.rapport.conversations;

/** An agent added an internal note to a conversation (read it through {@link Desk#message}). */
public record NotePosted(Conversation.ConversationId conversation, Message.MessageId message, long number) {
}
