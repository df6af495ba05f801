package dev.rapport.conversations;

import dev.rapport.agents.Agent;
import dev.rapport.agents.Team;

/** Optional narrowing of an inbox view; null fields do not filter. */
public record InboxFilter(Status status, Agent.AgentId assignee, Team.TeamId team, String tag, Channel channel,
                          Priority priority) {

    public static InboxFilter none() {
        return new InboxFilter(null, null, null, null, null, null);
    }

    public InboxFilter {
        tag = tag == null || tag.isBlank() ? null : Conversation.normaliseTag(tag);
    }

    public boolean isEmpty() {
        return status == null && assignee == null && team == null && tag == null && channel == null && priority == null;
    }
}
