package dev.rapport.business;

import dev.rapport.agents.Roster;
import dev.rapport.agents.SignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;

import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
class BusinessModuleTests {

    @Autowired BusinessProfile profile;
    @Autowired Roster roster;
    @Autowired SignIn signIn;

    @Test
    void setsUpOnceWithTheFirstAdminAndRefusesBadInputAndASecondSetup(Scenario scenario) {
        assertThat(profile.isSetUp()).isFalse();
        assertThatThrownBy(() -> profile.setUp(request("Mars/Olympus", "maria@harbourlane.example", "long password 1")))
                .isInstanceOfSatisfying(BusinessProfile.SetupRejected.class,
                        e -> assertThat(e.field()).isEqualTo("timeZone"));
        assertThatThrownBy(() -> profile.setUp(request("Europe/Berlin", "maria@harbourlane.example", "short")))
                .isInstanceOfSatisfying(BusinessProfile.SetupRejected.class,
                        e -> assertThat(e.field()).isEqualTo("adminPassword"));
        assertThat(roster.hasAgents()).as("a rejected setup leaves nothing behind").isFalse();

        scenario.stimulate(() -> profile.setUp(request("Europe/Berlin", "Maria@HarbourLane.example", "long password 1")))
                .andWaitForEventOfType(BusinessSetUp.class)
                .toArriveAndVerify(setUp -> {
                    assertThat(setUp.businessName()).isEqualTo("Harbour Lane Toys");
                    assertThat(roster.findAgent(setUp.firstAdmin()).orElseThrow().name()).isEqualTo("Maria Lopez");
                });

        Business business = profile.current().orElseThrow();
        assertThat(business.timeZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(profile.isSetUp()).isTrue();
        assertThat(signIn.authenticate("maria@harbourlane.example", "long password 1", "test").isAdmin()).isTrue();
        assertThatThrownBy(() -> profile.setUp(request("UTC", "intruder@example.com", "long password 2")))
                .isInstanceOf(BusinessProfile.AlreadySetUp.class);

        profile.update("Harbour Lane Toys & Games", "America/New_York");
        assertThat(profile.current().orElseThrow().name()).isEqualTo("Harbour Lane Toys & Games");
    }

    private static SetupRequest request(String zone, String email, String password) {
        return new SetupRequest("Harbour Lane Toys", zone, "Maria Lopez", email, password);
    }
}
