package dev.rapport.authority;

import dev.rapport.agents.Agent;
import dev.rapport.agents.Role;
import dev.rapport.agents.Roster;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.agents.Team;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Who has the authority for a request beyond someone's limits. The limits are the thresholds: a request goes to the
 * people whose own per-case limit (or named exceptions) covers it — leads before admins — and among them to those on
 * a team with the requester when there are any. Admins, whose authority is unlimited, get what nobody else may grant.
 */
@Component
class ApprovalRouting {

    private final Roster roster;
    private final AuthorityLimits limits;

    ApprovalRouting(Roster roster, AuthorityLimits limits) {
        this.roster = roster;
        this.limits = limits;
    }

    /** @throws GrantRejected when nobody else in Rapport has the authority */
    ApprovalRoute route(GrantRequest request, SignedInAgent requester) {
        List<Agent> able = roster.agents().stream()
                .filter(Agent::isActive)
                .filter(agent -> !agent.id().equals(requester.id()))
                .filter(agent -> covers(agent.id().value(), agent.role(), request.kind(), request))
                .toList();
        if (able.isEmpty()) {
            throw new GrantRejected("form", "Nobody else in Rapport may grant this. Ask an admin to raise a limit.");
        }
        List<Agent> limited = able.stream()
                .filter(agent -> !limits.discretionOf(agent.id().value(), agent.role()).unlimited()).toList();
        List<Agent> tier = limited.isEmpty() ? able : limited;
        Set<Team.TeamId> requesterTeams = roster.findAgent(requester.id()).map(Agent::teams).orElse(Set.of());
        List<Agent> near = tier.stream().filter(agent -> agent.teams().stream().anyMatch(requesterTeams::contains))
                .toList();
        List<Agent> chosen = near.isEmpty() ? tier : near;
        return new ApprovalRoute(chosen.stream().map(agent -> agent.id().value()).toList(), describe(chosen));
    }

    /** Whether {@code agent} has the authority to decide the request: not their own, and within their limits. */
    boolean mayDecide(SignedInAgent agent, ApprovalRequest request) {
        return !agent.id().value().equals(request.requestedBy())
                && limits.discretionOf(agent.id().value(), agent.role())
                .covers(request.kind(), request.amount().orElse(null), request.exception().orElse(null));
    }

    private boolean covers(UUID agent, Role role, GrantKind kind, GrantRequest request) {
        return limits.discretionOf(agent, role).covers(kind, request.amount(), request.exception());
    }

    /** "Priya Shah, our team lead" for one person; "a team lead", "an admin" for several. */
    private static String describe(List<Agent> chosen) {
        if (chosen.size() == 1) {
            Agent one = chosen.getFirst();
            return one.name() + ", our " + one.role().label().toLowerCase();
        }
        return chosen.stream().map(Agent::role).distinct().sorted(java.util.Comparator.reverseOrder())
                .map(role -> article(role.label().toLowerCase()) + " " + role.label().toLowerCase())
                .collect(Collectors.collectingAndThen(Collectors.toList(), ApprovalRouting::either));
    }

    private static String article(String word) {
        return "aeiou".indexOf(word.charAt(0)) >= 0 ? "an" : "a";
    }

    private static String either(List<String> options) {
        return options.size() == 1 ? options.getFirst()
                : String.join(", ", options.subList(0, options.size() - 1)) + " or " + options.getLast();
    }
}
