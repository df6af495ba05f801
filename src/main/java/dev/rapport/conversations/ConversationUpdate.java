package dev.rapport.conversations;

import dev.rapport.agents.Agent;
import dev.rapport.agents.Team;

import java.util.Optional;
import java.util.Set;

/**
 * Several changes to a conversation made at once (the sidebar form, an API PATCH). A null field means "leave as is";
 * an empty Optional for assignee or team means "clear it".
 */
public record ConversationUpdate(Status status, Priority priority, Optional<Agent.AgentId> assignee,
                                 Optional<Team.TeamId> team, Set<String> tags, String summary) {
}
