package dev.rapport.conversations;

/**
 * An agent replied to the customer. The channel that owns {@link #channel()} delivers it (reading the message from
 * {@link Desk#message}) and reports back through {@link Desk#markDelivered} or {@link Desk#markFailed}.
 */
public record ReplyPosted(Conversation.ConversationId conversation, Message.MessageId message, long number,
                          Channel channel) {
}
