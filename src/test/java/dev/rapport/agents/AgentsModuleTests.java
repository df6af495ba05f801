package dev.rapport.agents;

import dev.rapport.shared.ControllableClock;
import dev.rapport.shared.EmailAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.authentication.BadCredentialsException;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
class AgentsModuleTests {

    private static final String PASSWORD = "a long enough password";

    @Autowired Roster roster;
    @Autowired Passwords passwords;
    @Autowired SignIn signIn;
    @Autowired ApiAccess apiAccess;
    @Autowired ControllableClock clock;

    @AfterEach
    void resumeClock() {
        clock.resume();
    }

    @Test
    void invitingAnAgentPublishesAgentCreated(Scenario scenario) {
        Team support = roster.createTeam("Support " + UUID.randomUUID(), "Answers customers");

        scenario.stimulate(() -> roster.invite("Sam Okafor", EmailAddress.of(unique("sam")), Role.AGENT,
                        Set.of(support.id())))
                .andWaitForEventOfType(AgentCreated.class)
                .matching(created -> created.name().equals("Sam Okafor"))
                .toArriveAndVerify((created, invited) -> {
                    assertThat(created.agent()).isEqualTo(invited.agent().id());
                    assertThat(created.role()).isEqualTo(Role.AGENT);
                    assertThat(roster.findAgent(created.agent()).orElseThrow().teams()).containsExactly(support.id());
                });
    }

    @Test
    void anInvitedAgentChoosesTheirPasswordOnceAndCanThenSignIn() {
        String email = unique("priya");
        Roster.Invited invited = roster.invite("Priya Raman", EmailAddress.of(email), Role.AGENT, Set.of());

        assertThat(invited.agent().hasPassword()).isFalse();
        assertThatThrownBy(() -> signIn.authenticate(email, PASSWORD, "test"))
                .isInstanceOf(BadCredentialsException.class);

        passwords.acceptInvitation(invited.invitationToken(), PASSWORD);

        assertThat(signIn.authenticate(email, PASSWORD, "test").name()).isEqualTo("Priya Raman");
        assertThat(passwords.invitee(invited.invitationToken())).isEmpty();
        assertThatThrownBy(() -> passwords.acceptInvitation(invited.invitationToken(), "another password 123"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anInvitationExpiresAfterItsValidity() {
        Roster.Invited invited = roster.invite("Late Larry", EmailAddress.of(unique("larry")), Role.AGENT, Set.of());

        clock.advance(Duration.ofDays(7).plusMinutes(1));

        assertThat(passwords.invitee(invited.invitationToken())).isEmpty();
    }

    @Test
    void aNewSignInLinkReplacesTheOldOne() {
        Roster.Invited invited = roster.invite("Jonas Berg", EmailAddress.of(unique("jonas")), Role.TEAMMATE, Set.of());

        String newLink = passwords.newInvitation(invited.agent().id());

        assertThat(passwords.invitee(invited.invitationToken())).isEmpty();
        assertThat(passwords.invitee(newLink)).map(Agent::name).contains("Jonas Berg");
    }

    @Test
    void rejectsShortPasswordsAndAWrongCurrentPassword() {
        Agent agent = agentWithPassword("lena");

        assertThatThrownBy(() -> passwords.change(agent.id(), "not my password", "new password 123"))
                .isInstanceOf(Passwords.PasswordRejected.class).hasMessageContaining("current password");
        assertThatThrownBy(() -> passwords.change(agent.id(), PASSWORD, "short"))
                .isInstanceOf(Passwords.PasswordRejected.class).hasMessageContaining("at least 10");

        passwords.change(agent.id(), PASSWORD, "a brand new password");

        assertThat(signIn.authenticate(agent.email().value(), "a brand new password", "test").id())
                .isEqualTo(agent.id());
    }

    @Test
    void throttlesAnAddressAfterFiveWrongPasswordsEvenForTheRightOne() {
        Agent agent = agentWithPassword("guessed");
        String email = agent.email().value();
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> signIn.authenticate(email, "wrong password", "198.51.100.7"))
                    .isInstanceOf(BadCredentialsException.class);
        }

        assertThatThrownBy(() -> signIn.authenticate(email, PASSWORD, "198.51.100.8"))
                .isInstanceOf(SignInThrottled.class).hasMessageContaining("15 minutes");

        clock.advance(Duration.ofMinutes(16));
        assertThat(signIn.authenticate(email, PASSWORD, "198.51.100.8").id()).isEqualTo(agent.id());
    }

    @Test
    void deactivatingAnAgentPublishesAgentDeactivatedAndEndsTheirAccess(Scenario scenario) {
        Agent agent = agentWithPassword("leaving");
        ApiAccess.Issued token = apiAccess.issue(agent.id(), "script");

        scenario.stimulate(() -> roster.deactivate(agent.id()))
                .andWaitForEventOfType(AgentDeactivated.class)
                .matching(deactivated -> deactivated.agent().equals(agent.id()))
                .toArrive();

        assertThatThrownBy(() -> signIn.authenticate(agent.email().value(), PASSWORD, "test"))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(apiAccess.authenticate(token.secret())).isEmpty();
    }

    @Test
    void anApiTokenWorksUntilItIsRevokedAndOnlyItsOwnerCanRevokeIt() {
        Agent owner = agentWithPassword("owner");
        Agent other = agentWithPassword("other");
        ApiAccess.Issued issued = apiAccess.issue(owner.id(), "Shop sync");

        assertThat(apiAccess.authenticate(issued.secret())).map(SignedInAgent::id).contains(owner.id());
        assertThat(apiAccess.authenticate(issued.secret() + "x")).isEmpty();
        assertThat(apiAccess.revoke(other.id(), issued.token().id())).isFalse();
        assertThat(apiAccess.authenticate(issued.secret())).isPresent();

        assertThat(apiAccess.revoke(owner.id(), issued.token().id())).isTrue();

        assertThat(apiAccess.authenticate(issued.secret())).isEmpty();
        assertThat(apiAccess.tokensOf(owner.id())).singleElement()
                .satisfies(token -> assertThat(token.isRevoked()).isTrue());
    }

    @Test
    void rapportAlwaysKeepsAnActiveAdmin() {
        Agent admin = agentWithRole("only-admin", Role.ADMIN);
        roster.agents().stream()
                .filter(agent -> agent.role() == Role.ADMIN && agent.isActive() && !agent.id().equals(admin.id()))
                .forEach(agent -> roster.update(agent.id(), agent.name(), Role.AGENT, agent.teams()));

        assertThatThrownBy(() -> roster.deactivate(admin.id())).isInstanceOf(Roster.LastAdminRequired.class);
        assertThatThrownBy(() -> roster.update(admin.id(), admin.name(), Role.AGENT, Set.of()))
                .isInstanceOf(Roster.LastAdminRequired.class);

        Agent second = agentWithRole("second-admin", Role.ADMIN);
        roster.deactivate(admin.id());
        assertThat(roster.findAgent(admin.id()).orElseThrow().isActive()).isFalse();
        assertThat(roster.findAgent(second.id()).orElseThrow().isActive()).isTrue();
    }

    @Test
    void twoAgentsCannotShareAnEmailAddressOrTwoTeamsAName() {
        String email = unique("twin");
        roster.invite("First", EmailAddress.of(email), Role.AGENT, Set.of());
        assertThatThrownBy(() -> roster.invite("Second", EmailAddress.of(email.toUpperCase()), Role.AGENT, Set.of()))
                .isInstanceOf(Roster.EmailAlreadyUsed.class);

        String name = "Billing " + UUID.randomUUID();
        roster.createTeam(name, null);
        assertThatThrownBy(() -> roster.createTeam(name.toLowerCase(), null)).isInstanceOf(Roster.TeamNameUsed.class);
    }

    private Agent agentWithPassword(String name) {
        return agentWithRole(name, Role.AGENT);
    }

    private Agent agentWithRole(String name, Role role) {
        Roster.Invited invited = roster.invite(name, EmailAddress.of(unique(name)), role, Set.of());
        return passwords.acceptInvitation(invited.invitationToken(), PASSWORD);
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }
}
