package dev.rapport.business;

import dev.rapport.agents.SignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(properties = {
        "rapport.admin.email=ops@harbourlane.example",
        "rapport.admin.password=set up by a script",
        "rapport.admin.name=Ops Robot",
        "rapport.business.name=Harbour Lane Toys",
        "rapport.business.time-zone=Europe/Dublin"})
class AutomatedSetupTests {

    @Autowired BusinessProfile profile;
    @Autowired SignIn signIn;

    @Test
    void setsRapportUpFromConfigurationWithoutTheSetupPage() {
        assertThat(profile.isSetUp()).isTrue();
        Business business = profile.current().orElseThrow();
        assertThat(business.name()).isEqualTo("Harbour Lane Toys");
        assertThat(business.timeZone()).isEqualTo(ZoneId.of("Europe/Dublin"));
        assertThat(signIn.authenticate("ops@harbourlane.example", "set up by a script", "test").name())
                .isEqualTo("Ops Robot");
    }
}
