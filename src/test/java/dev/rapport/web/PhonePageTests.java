package dev.rapport.web;

import dev.rapport.agents.Passwords;
import dev.rapport.agents.Role;
import dev.rapport.agents.Roster;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.agents.Team;
import dev.rapport.business.BusinessProfile;
import dev.rapport.phone.Call;
import dev.rapport.phone.CallEvent;
import dev.rapport.phone.PhoneHooks;
import dev.rapport.phone.Switchboard;
import dev.rapport.phone.TelephonyHook;
import dev.rapport.owed.MoneyOwed;
import dev.rapport.owed.OwedKind;
import dev.rapport.owed.OwedLedger;
import dev.rapport.shared.EmailAddress;
import dev.rapport.shared.Money;
import dev.rapport.support.RapportWebTest;
import dev.rapport.support.TestBusiness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** The phone's pages: Admin → Phone for admins only, the secret shown once, calls, the pop and the call view. */
@RapportWebTest
class PhonePageTests {

    @Autowired MockMvcTester mvc;
    @Autowired BusinessProfile profile;
    @Autowired Roster roster;
    @Autowired Passwords passwords;
    @Autowired PhoneHooks hooks;
    @Autowired Switchboard switchboard;
    @Autowired OwedLedger owed;

    private SignedInAgent admin;
    private SignedInAgent maria;
    private SignedInAgent jonas;
    private Team team;

    @BeforeEach
    void setUp() {
        TestBusiness.ensureSetUp(profile);
        admin = agent(Role.ADMIN);
        maria = agent(Role.AGENT);
        jonas = agent(Role.AGENT);
        team = roster.createTeam("Phones " + UUID.randomUUID(), null);
    }

    @Test
    void adminsCreateHooksAndSeeTheSecretOnlyOnce() {
        assertThat(mvc.get().uri("/admin/phone").with(as(maria))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/admin/phone/hooks").param("name", "PBX").param("team", team.id().toString())
                .param("callBackHours", "2").with(as(admin))).hasStatus(HttpStatus.FORBIDDEN);

        var created = mvc.post().uri("/admin/phone/hooks").param("name", "PBX " + team.id())
                .param("team", team.id().toString()).param("callBackHours", "1.5").with(as(admin)).with(csrf())
                .exchange();
        assertThat(created).hasStatus(HttpStatus.FOUND);
        String location = created.getResponse().getRedirectedUrl();
        assertThat(created.getMvcResult().getFlashMap().get("hookSecret")).asString().startsWith("rphs_");
        assertThat(created.getMvcResult().getFlashMap().get("hookUrl")).asString().contains("/api/v1/telephony/rph_");

        assertThat(mvc.get().uri(location).with(as(admin))).hasStatusOk().bodyText()
                .contains("PBX " + team.id(), "1.5", "Nothing received yet").doesNotContain("rphs_");
        assertThat(mvc.get().uri("/admin/phone").with(as(admin))).hasStatusOk().bodyText()
                .contains("PBX " + team.id(), "90 business minutes");
    }

    @Test
    void aHookNeedsANameAndATeamAndSaysSo() {
        assertThat(mvc.post().uri("/admin/phone/hooks").param("name", "").param("team", team.id().toString())
                .param("callBackHours", "2").with(as(admin)).with(csrf())).hasStatusOk().bodyText()
                .contains("Give the hook a name");
        assertThat(mvc.post().uri("/admin/phone/hooks").param("name", "PBX").param("team", "")
                .param("callBackHours", "2").with(as(admin)).with(csrf())).hasStatusOk().bodyText()
                .contains("Choose the team");
        assertThat(mvc.post().uri("/admin/phone/hooks").param("name", "PBX").param("team", team.id().toString())
                .param("callBackHours", "soon").with(as(admin)).with(csrf())).hasStatusOk().bodyText()
                .contains("Say within how many business hours");
    }

    @Test
    void theCardLeavesEveryoneButTheAgentWhoAnswered() {
        TelephonyHook hook = hooks.create("PBX", team.id(), Duration.ofHours(2)).hook();
        String callId = "c-" + UUID.randomUUID();
        Call call = switchboard.apply(hook, new CallEvent("s", CallEvent.Type.STARTED, callId, null, "+1 415 555 0199",
                "+1 415 555 0100", Call.Direction.INBOUND, null, null, null, null));

        assertThat(mvc.get().uri("/calls/" + call.id() + "/pop").with(as(jonas))).hasStatusOk().bodyText()
                .contains("Incoming call", "+1 415 555 0199", "Create customer");
        switchboard.apply(hook, new CallEvent("a", CallEvent.Type.ANSWERED, callId, null, null, null, null,
                maria.email(), null, null, null));

        assertThat(mvc.get().uri("/calls/" + call.id() + "/pop").with(as(jonas))).hasStatusOk().bodyText()
                .doesNotContain("caller-card");
        assertThat(mvc.get().uri("/calls/" + call.id() + "/pop").with(as(maria))).hasStatusOk().bodyText()
                .contains("On the phone with you");
        assertThat(mvc.get().uri("/calls/" + call.id()).with(as(jonas))).hasStatusOk().bodyText()
                .contains(maria.name() + " answered this call and logs it.").doesNotContain("Log the call");
        assertThat(mvc.post().uri("/calls/" + call.id() + "/outcome").param("outcome", "SOLVED").with(as(jonas))
                .with(csrf())).hasStatusOk().bodyText().contains("answered this call; they log it.");
        assertThat(mvc.post().uri("/calls/" + call.id() + "/outcome").param("notes", "x").with(as(maria))
                .with(csrf())).hasStatusOk().bodyText().contains("Choose what came of the call.");
        assertThat(mvc.get().uri("/calls").with(as(jonas))).hasStatusOk().bodyText().contains("+1 415 555 0199");
    }

    @Test
    void anUnknownCallerBecomesACustomerInOneClick() {
        TelephonyHook hook = hooks.create("PBX", team.id(), Duration.ofHours(2)).hook();
        String number = "+1 415 555 " + String.format("%04d", (int) (Math.random() * 10000));
        Call call = switchboard.apply(hook, new CallEvent("s", CallEvent.Type.STARTED, "c-" + UUID.randomUUID(),
                null, number, "+1 415 555 0100", Call.Direction.INBOUND, null, null, null, null));

        var created = mvc.post().uri("/calls/" + call.id() + "/customer").param("name", "Lena Park").with(as(maria))
                .with(csrf()).exchange();
        assertThat(created).hasStatus(HttpStatus.FOUND);
        assertThat(created.getResponse().getRedirectedUrl()).startsWith("/customers/");
        assertThat(switchboard.find(call.id()).orElseThrow().customer()).isPresent();
        assertThat(mvc.get().uri("/calls/" + call.id() + "/pop").with(as(maria))).hasStatusOk().bodyText()
                .contains("Lena Park").doesNotContain("We owe");

        UUID lena = switchboard.find(call.id()).orElseThrow().customer().orElseThrow();
        owed.record(new MoneyOwed.Terms(lena, null, Money.of("700.00", "USD"), OwedKind.CREDIT, "Broken kite",
                null, team.id().value(), java.time.Instant.now().plus(Duration.ofDays(7)), null, null), "Maria");
        assertThat(mvc.get().uri("/calls/" + call.id() + "/pop").with(as(maria))).hasStatusOk().bodyText()
                .contains("We owe", "$700.00 credit since");
    }

    private SignedInAgent agent(Role role) {
        return SignedInAgent.of(roster.findAgentByEmail(EmailAddress.of(
                TestBusiness.agentWithPassword(roster, passwords, role))).orElseThrow());
    }

    private static RequestPostProcessor as(SignedInAgent agent) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(agent, null, agent.getAuthorities()));
    }
}
