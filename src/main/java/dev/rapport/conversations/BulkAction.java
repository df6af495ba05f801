package dev.rapport.conversations;

import dev.rapport.agents.Agent;

/** One change applied to many conversations at once from the inbox. */
public sealed interface BulkAction {

    int MAX_CONVERSATIONS = 500;

    record Solve() implements BulkAction {
    }

    record Assign(Agent.AgentId agent) implements BulkAction {
    }

    record Tag(String tag) implements BulkAction {
    }
}
