package dev.rapport.phone;

import dev.rapport.agents.Agent;
import dev.rapport.agents.Team;

/** Someone picked up: only their screen keeps the caller's card. {@code agent} is null when nobody matched. */
public record CallAnswered(Call.CallId call, Team.TeamId team, Agent.AgentId agent) {
}
