package dev.rapport.escalation;

import dev.rapport.agents.Agent;
import dev.rapport.agents.Team;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.ConversationAccess;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Opens a conversation to a teammate who was brought into it: escalated to them or their team, or asked a question on
 * it. Nothing else of the inbox opens.
 */
@Component
class EscalationAccess implements ConversationAccess {

    private static final UUID NO_TEAM = new UUID(0, 0);

    private final JdbcClient jdbc;

    EscalationAccess(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean opensTo(Conversation conversation, Agent.AgentId agent, Set<Team.TeamId> teams) {
        List<UUID> teamIds = teams.isEmpty() ? List.of(NO_TEAM) : teams.stream().map(Team.TeamId::value).toList();
        return jdbc.sql("""
                        select count(*) from escalation where conversation = :conversation
                          and (to_agent = :agent or to_team in (:teams))""")
                .param("conversation", conversation.id().value()).param("agent", agent.value())
                .param("teams", teamIds).query(Long.class).single() > 0
                || jdbc.sql("""
                        select count(*) from internal_request where conversation = :conversation
                          and (asked_agent = :agent or asked_team in (:teams))""")
                .param("conversation", conversation.id().value()).param("agent", agent.value())
                .param("teams", teamIds).query(Long.class).single() > 0;
    }
}
