package dev.rapport.conversations;

import dev.rapport.agents.SignedInAgent;

import java.util.UUID;

/** Who made a change: an agent, or the system/customer (no agent id). */
public record Actor(UUID agentId, String name) {

    public static Actor of(SignedInAgent agent) {
        return new Actor(agent.id().value(), agent.name());
    }

    public static Actor system(String name) {
        return new Actor(null, name);
    }
}
