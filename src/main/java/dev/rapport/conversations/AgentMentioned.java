package dev.rapport.conversations;

import dev.rapport.agents.Agent;

/** An agent was @mentioned in an internal note. */
public record AgentMentioned(Agent.AgentId agent, Conversation.ConversationId conversation, long number,
                             String byName, String excerpt) {
}
