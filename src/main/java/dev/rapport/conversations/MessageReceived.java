package dev.rapport.conversations;

/** The customer wrote (on any channel) in a conversation. */
public record MessageReceived(Conversation.ConversationId conversation, Message.MessageId message, long number) {
}
