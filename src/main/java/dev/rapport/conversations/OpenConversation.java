package dev.rapport.conversations;

import dev.rapport.agents.Agent;

import java.util.Optional;

/**
 * The few facts about an open conversation that a channel's housekeeping reads for many conversations at once (which
 * chats are quiet, how many chats an agent has), without loading each whole conversation.
 */
public record OpenConversation(Conversation.ConversationId id, long number, Status status,
                               Optional<Agent.AgentId> assignee) {
}
