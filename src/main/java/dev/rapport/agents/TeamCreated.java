package dev.rapport.agents;

/** A team was created. */
public record TeamCreated(Team.TeamId team, String name) {
}
