package dev.rapport.agents;

/** An agent was added, either as the first admin at setup or by invitation. */
public record AgentCreated(Agent.AgentId agent, String name, Role role) {
}
