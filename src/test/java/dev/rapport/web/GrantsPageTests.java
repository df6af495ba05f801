package dev.rapport.web;

import dev.rapport.agents.Passwords;
import dev.rapport.agents.Role;
import dev.rapport.agents.Roster;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.authority.GrantRequest;
import dev.rapport.authority.Grants;
import dev.rapport.business.BusinessProfile;
import dev.rapport.conversations.Channel;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.Desk;
import dev.rapport.conversations.NewConversation;
import dev.rapport.conversations.Requester;
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

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

/** Leads see what agents granted on their own judgment; agents and teammates do not. */
@RapportWebTest
class GrantsPageTests {

    @Autowired MockMvcTester mvc;
    @Autowired BusinessProfile profile;
    @Autowired Grants grants;
    @Autowired Desk desk;
    @Autowired Roster roster;
    @Autowired Passwords passwords;

    @BeforeEach
    void setUp() {
        TestBusiness.ensureSetUp(profile);
    }

    @Test
    void leadsSeeTheNewestGrantsWithWhoWhatAndWhy() {
        Conversation conversation = desk.start(new NewConversation("Damaged order", new Requester("Alex",
                EmailAddress.of("alex-" + UUID.randomUUID() + "@example.com")), Channel.WEB_FORM, "Broken.", null));
        String reason = "Half the order arrived broken " + UUID.randomUUID();
        grants.grant(GrantRequest.credit(conversation.customerId().orElseThrow(), conversation.id().value(),
                Money.of("30.00", "USD"), reason), signedIn(Role.ADMIN));

        assertThat(mvc.get().uri("/authority/grants").with(as(Role.LEAD))).hasStatusOk().bodyText()
                .contains("<title>Grants</title>").contains(reason).contains("$30.00 credit");
    }

    @Test
    void agentsAndTeammatesDoNotSeeGrants() {
        assertThat(mvc.get().uri("/authority/grants").with(as(Role.AGENT))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/authority/grants").with(as(Role.TEAMMATE))).hasStatus(HttpStatus.FORBIDDEN);
    }

    private SignedInAgent signedIn(Role role) {
        String email = TestBusiness.agentWithPassword(roster, passwords, role);
        return SignedInAgent.of(roster.findAgentByEmail(EmailAddress.of(email)).orElseThrow());
    }

    private RequestPostProcessor as(Role role) {
        SignedInAgent agent = signedIn(role);
        return authentication(UsernamePasswordAuthenticationToken.authenticated(agent, null, agent.getAuthorities()));
    }
}
