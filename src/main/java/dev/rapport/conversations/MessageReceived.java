package dev.rapport.conversations;

/**
 * The customer wrote (on any channel) in a conversation.
 *
 * @param followed whether any agent followed the conversation when the message arrived (listeners that only tell
 *                 followers can skip the others without a durable event publication per message)
 */
public record MessageReceived(Conversation.ConversationId conversation, Message.MessageId message, long number,
                              boolean followed) {
}
