package dev.rapport.business;

import dev.rapport.agents.Agent;

/** Rapport was set up: the business exists and its first admin can sign in. */
public record BusinessSetUp(String businessName, Agent.AgentId firstAdmin) {
}
