package dev.rapport.conversations;

import dev.rapport.agents.Agent;
import dev.rapport.agents.Role;
import dev.rapport.agents.Roster;
import dev.rapport.agents.Team;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Continuity: a known customer's new conversation goes first to their person, the agent who knows them, when that
 * agent is active and not overloaded and the team has not switched the rule off; otherwise it waits for the team.
 */
@Component
class ContinuityRouting {

    /** Whom to offer the conversation and why, in words shown on the conversation. */
    record Offer(Agent.AgentId agent, String why) {
    }

    private final Roster roster;
    private final JdbcClient jdbc;
    private final RoutingSettings settings;

    ContinuityRouting(Roster roster, JdbcClient jdbc, RoutingSettings settings) {
        this.roster = roster;
        this.jdbc = jdbc;
        this.settings = settings;
    }

    Optional<Offer> offer(CustomerRecognition.Recognised customer, Team.TeamId team) {
        if (customer.theirPerson() == null) {
            return Optional.empty();
        }
        if (team != null && roster.findTeam(team).map(t -> !t.continuityRouting()).orElse(false)) {
            return Optional.empty();
        }
        return roster.findAgent(customer.theirPerson())
                .filter(Agent::isActive)
                .filter(agent -> agent.role() != Role.TEAMMATE)
                .filter(agent -> openConversationsOf(agent) < settings.openConversationCap())
                .map(agent -> new Offer(agent.id(), "Routed to " + agent.name() + ", who has helped "
                        + customer.callThem() + " " + times(customer.helped())));
    }

    private long openConversationsOf(Agent agent) {
        return jdbc.sql("select count(*) from conversation c where c.assignee = ? and c.is_open = true"
                        + " and c.snoozed_until is null")
                .param(agent.id().value()).query(Long.class).single();
    }

    private static String times(int count) {
        return switch (count) {
            case 0 -> "before";
            case 1 -> "once";
            case 2 -> "twice";
            default -> count + " times";
        };
    }
}
