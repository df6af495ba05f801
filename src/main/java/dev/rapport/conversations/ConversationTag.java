package dev.rapport.conversations;

/** A tag on a conversation; part of the {@link Conversation} aggregate. */
record ConversationTag(String tag) {
}
