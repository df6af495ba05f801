package dev.rapport.web;

import dev.rapport.agents.Passwords;
import dev.rapport.agents.Role;
import dev.rapport.agents.Roster;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.business.BusinessProfile;
import dev.rapport.conversations.Channel;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.Desk;
import dev.rapport.conversations.Message;
import dev.rapport.conversations.NewConversation;
import dev.rapport.conversations.Requester;
import dev.rapport.conversations.Status;
import dev.rapport.shared.EmailAddress;
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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** Conversation pages: logging calls and visits, errors for unknown and forbidden conversations. */
@RapportWebTest
class ConversationPageTests {

    @Autowired MockMvcTester mvc;
    @Autowired BusinessProfile profile;
    @Autowired Roster roster;
    @Autowired Passwords passwords;
    @Autowired Desk desk;

    private SignedInAgent agent;

    @BeforeEach
    void setUp() {
        TestBusiness.ensureSetUp(profile);
        agent = agent(Role.AGENT);
    }

    @Test
    void aPhoneCallIsLoggedInSecondsAsASolvedConversationWithTheOutcomeNoted() {
        var result = mvc.post().uri("/conversations/new").with(as(agent)).with(csrf())
                .param("channel", "PHONE").param("customerName", "Mr. Okafor").param("customerEmail", "")
                .param("said", "Wants to know if the red fire truck is back in stock.")
                .param("outcome", "Told him Friday; reserved one.").param("solved", "true").exchange();

        assertThat(result).hasStatus(HttpStatus.FOUND);
        long number = Long.parseLong(result.getMvcResult().getResponse().getRedirectedUrl().replaceAll("\\D", ""));
        Conversation conversation = desk.findByNumber(number).orElseThrow();
        assertThat(conversation.channel()).isEqualTo(Channel.PHONE);
        assertThat(conversation.status()).isEqualTo(Status.SOLVED);
        assertThat(conversation.assignee()).contains(agent.id());
        assertThat(desk.messages(conversation.id())).extracting(Message::kind)
                .containsExactly(Message.Kind.INBOUND, Message.Kind.NOTE);
    }

    @Test
    void loggingWithoutWhatTheyAskedShowsInlineErrors() {
        assertThat(mvc.post().uri("/conversations/new").with(as(agent)).with(csrf())
                .param("channel", "WALK_IN").param("customerName", "Lena").param("customerEmail", "lena@")
                .param("said", " "))
                .hasStatusOk().bodyText().contains("Write down what they asked for.")
                .contains("Enter an email address like ana@example.com, or leave it empty.").contains("value=\"Lena\"");
    }

    @Test
    void unknownConversationsAre404AndOtherTeamsConversationsAre403() {
        assertThat(mvc.get().uri("/conversations/987654321").with(as(agent))).hasStatus(HttpStatus.NOT_FOUND)
                .bodyText().contains("We could not find that page");

        var team = roster.createTeam("Warehouse " + UUID.randomUUID(), null);
        Conversation conversation = desk.start(new NewConversation("Returns", new Requester("F",
                EmailAddress.of("f@x.example")), Channel.EMAIL, "Return label?", team.id()));
        SignedInAgent teammate = agent(Role.TEAMMATE);
        assertThat(mvc.get().uri("/conversations/" + conversation.number()).with(as(teammate)))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/conversations/" + conversation.number() + "/solve").with(as(teammate)).with(csrf())
                .param("version", String.valueOf(conversation.version()))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(desk.find(conversation.id()).orElseThrow().status()).isEqualTo(Status.NEW);
    }

    private SignedInAgent agent(Role role) {
        return SignedInAgent.of(roster.findAgentByEmail(EmailAddress.of(
                TestBusiness.agentWithPassword(roster, passwords, role))).orElseThrow());
    }

    private static RequestPostProcessor as(SignedInAgent agent) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(agent, null, agent.getAuthorities()));
    }
}
