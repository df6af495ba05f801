package dev.rapport.demo;

import dev.rapport.agents.Agent;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.agents.Team;
import dev.rapport.escalation.PathBook;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * The sample business's escalation paths: billing questions go to the Billing team and then to Maria, the lead;
 * missing parts to the Warehouse and then Maria.
 */
@Component
class SampleEscalation {

    private final PathBook paths;

    SampleEscalation(PathBook paths) {
        this.paths = paths;
    }

    void fill(Map<String, Team.TeamId> teams, Map<String, Agent> agents, Agent admin) {
        SignedInAgent by = SignedInAgent.of(admin);
        String maria = "agent:" + agents.get("Maria").id().value();
        paths.define("billing", "Billing questions", List.of("team:" + teams.get("Billing").value(), maria), by);
        paths.define("missing-part", "Missing parts", List.of("team:" + teams.get("Warehouse").value(), maria), by);
    }
}
