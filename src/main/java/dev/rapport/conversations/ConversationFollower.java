package dev.rapport.conversations;

import java.util.UUID;

/** An agent who gets updates on a conversation; part of the {@link Conversation} aggregate. */
record ConversationFollower(UUID agent) {
}
