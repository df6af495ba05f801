package dev.rapport.conversations;

import dev.rapport.agents.Agent;
import dev.rapport.agents.Team;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One row of an inbox view. */
public record InboxItem(UUID id, long number, String subject, String requesterName, String requesterEmail,
                        Channel channel, Status status, Priority priority, Agent.AgentId assignee, Team.TeamId team,
                        Instant waitingSince, Instant updatedAt, List<String> tags) {
}
