package dev.rapport.agents;

/** An agent can no longer sign in; their history stays. */
public record AgentDeactivated(Agent.AgentId agent) {
}
