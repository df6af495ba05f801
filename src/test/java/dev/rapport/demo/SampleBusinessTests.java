package dev.rapport.demo;

import dev.rapport.agents.Role;
import dev.rapport.agents.Roster;
import dev.rapport.agents.Team;
import dev.rapport.business.BusinessProfile;
import dev.rapport.business.SetupRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(properties = "rapport.demo=true")
class SampleBusinessTests {

    @Autowired BusinessProfile profile;
    @Autowired Roster roster;

    @Test
    void fillsAFreshlySetUpRapportWithASmallBusiness() {
        assertThat(roster.teams()).as("nothing before setup").isEmpty();

        profile.setUp(new SetupRequest("Harbour Lane Toys", "Europe/London", "Ada Admin", "ada@harbourlane.example",
                "a long enough password"));

        assertThat(roster.teams()).extracting(Team::name).containsExactly("Billing", "Support", "Warehouse");
        assertThat(roster.agents()).hasSize(1 + SampleBusiness.AGENTS.size())
                .anySatisfy(agent -> assertThat(agent.role()).isEqualTo(Role.TEAMMATE))
                .anySatisfy(agent -> assertThat(agent.role()).isEqualTo(Role.LEAD))
                .filteredOn(agent -> agent.role() != Role.ADMIN)
                .allSatisfy(agent -> assertThat(agent.hasPassword()).as("no default passwords").isFalse());
    }
}
