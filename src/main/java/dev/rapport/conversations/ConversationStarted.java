package dev.rapport.conversations;

/** A new conversation exists, with its first message. */
public record ConversationStarted(Conversation.ConversationId conversation, long number, Channel channel) {
}
