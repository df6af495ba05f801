package dev.rapport.conversations;

import dev.rapport.agents.Agent;
import dev.rapport.agents.Team;

import java.util.Set;

/**
 * Opens a conversation to a teammate from another department who is not on its team, because another module brought
 * them into it (an escalation, a question asked of them). Teammates otherwise see only what is routed to their teams;
 * this seam lets them see exactly what they were asked about and nothing else. Implementations are Spring beans.
 */
public interface ConversationAccess {

    /**
     * @param agent the teammate
     * @param teams the teams they are on
     */
    boolean opensTo(Conversation conversation, Agent.AgentId agent, Set<Team.TeamId> teams);
}
