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
import dev.rapport.promises.Promise;
import dev.rapport.promises.PromiseLedger;
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

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** Promises on the conversation page: made with a reply or not at all, solving asks, and who may see what. */
@RapportWebTest
class PromisePageTests {

    @Autowired MockMvcTester mvc;
    @Autowired BusinessProfile profile;
    @Autowired Roster roster;
    @Autowired Passwords passwords;
    @Autowired Desk desk;
    @Autowired PromiseLedger ledger;

    private SignedInAgent agent;
    private Conversation conversation;

    @BeforeEach
    void setUp() {
        TestBusiness.ensureSetUp(profile);
        agent = agent(Role.AGENT);
        conversation = desk.start(new NewConversation("Engine missing", new Requester("Paul",
                EmailAddress.of("paul-" + UUID.randomUUID() + "@example.com")), Channel.EMAIL,
                "The train set came without its engine.", null));
    }

    @Test
    void aReplyWithAPromiseSendsTheSentenceAndMakesThePromiseTogether() {
        String due = local(Instant.now().plus(Duration.ofDays(2)));
        assertThat(post("Hi Paul, sorry about that.", "send the replacement engine", due))
                .hasStatus(HttpStatus.FOUND);

        Message reply = desk.messages(conversation.id()).getLast();
        assertThat(reply.body()).startsWith("Hi Paul, sorry about that.\n\nI will send the replacement engine by ")
                .endsWith(" and email you by then.");
        assertThat(ledger.onConversation(conversation.id().value())).singleElement().satisfies(promise -> {
            assertThat(promise.what()).isEqualTo("send the replacement engine");
            assertThat(promise.owner()).contains(agent.id().value());
            assertThat(promise.customer()).isEqualTo(conversation.customerId());
        });
    }

    @Test
    void aBadPromiseSendsNothingAndKeepsEverythingTyped() {
        String past = local(Instant.now().minus(Duration.ofHours(2)));
        assertThat(post("Hi Paul, sorry about that.", "send the replacement engine", past))
                .hasStatusOk().bodyText()
                .contains("The promise: The deadline has already passed")
                .contains("Hi Paul, sorry about that.")
                .contains("promise.what=send%20the%20replacement%20engine");
        assertThat(desk.messages(conversation.id())).extracting(Message::kind).containsExactly(Message.Kind.INBOUND);
        assertThat(ledger.onConversation(conversation.id().value())).isEmpty();

        assertThat(mvc.get().uri("/promises/composer").param("conversation", String.valueOf(conversation.number()))
                .param("promise.what", "send the replacement engine").param("promise.due", past).with(as(agent)))
                .hasStatusOk().bodyText().contains("value=\"send the replacement engine\"").contains("open");
    }

    @Test
    void solvingWithAnOpenPromiseAsksFirstAndSolvesWhenTheAgentSaysSo() {
        ledger.make(new Promise.Terms(conversation.id().value(), null, "refund the postage", agent.id().value(), null,
                null, Instant.now().plus(Duration.ofDays(1)), null), agent);
        long version = desk.find(conversation.id()).orElseThrow().version();

        var asked = mvc.post().uri("/conversations/" + conversation.number() + "/solve").with(as(agent)).with(csrf())
                .param("version", String.valueOf(version)).exchange();
        assertThat(asked).hasStatus(HttpStatus.FOUND);
        assertThat(asked).flash().containsKey("solveCheck");
        assertThat(desk.find(conversation.id()).orElseThrow().status()).isNotEqualTo(Status.SOLVED);

        assertThat(mvc.post().uri("/conversations/" + conversation.number() + "/solve").with(as(agent)).with(csrf())
                .param("version", String.valueOf(version)).param("solveAnyway", "true")).hasStatus(HttpStatus.FOUND);
        assertThat(desk.find(conversation.id()).orElseThrow().status()).isEqualTo(Status.SOLVED);
        assertThat(ledger.openOn(conversation.id().value())).as("solving does not close the promise").hasSize(1);
    }

    @Test
    void aTeammateCannotSeeOrChangeAnotherTeamsPromises() {
        var team = roster.createTeam("Warehouse " + UUID.randomUUID(), null);
        Conversation theirs = desk.start(new NewConversation("Returns", new Requester("F",
                EmailAddress.of("f-" + UUID.randomUUID() + "@x.example")), Channel.EMAIL, "Return label?", team.id()));
        Promise promise = ledger.make(new Promise.Terms(theirs.id().value(), null, "send a label", agent.id().value(),
                null, null, Instant.now().plus(Duration.ofDays(1)), null), agent);
        SignedInAgent teammate = agent(Role.TEAMMATE);

        assertThat(mvc.get().uri("/promises/conversation/" + theirs.number()).with(as(teammate)))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/promises/" + promise.id() + "/done").with(as(teammate)).with(csrf()))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.post().uri("/promises/" + promise.id() + "/done").with(as(agent)))
                .as("no CSRF token").hasStatus(HttpStatus.FORBIDDEN);
        assertThat(ledger.require(promise.id()).doneAt()).isEmpty();
        assertThat(mvc.get().uri("/promises").with(as(teammate))).hasStatusOk().bodyText()
                .doesNotContain("send a label");
        assertThat(mvc.get().uri("/promises").with(as(agent))).hasStatusOk().bodyText().contains("send a label");
    }

    @Test
    void actionsSayWhatIsWrongInsteadOfFailing() {
        Promise promise = ledger.make(new Promise.Terms(conversation.id().value(), null, "refund the postage",
                agent.id().value(), null, null, Instant.now().plus(Duration.ofDays(1)), null), agent);
        assertThat(mvc.post().uri("/promises/" + promise.id() + "/cancel").with(as(agent)).with(csrf())
                .header("HX-Request", "true").param("reason", " ")
                .param("returnTo", "/conversations/" + conversation.number()))
                .hasStatusOk().bodyText().contains("Say why the promise is no longer needed.");
        assertThat(mvc.post().uri("/promises/" + promise.id() + "/renegotiate").with(as(agent)).with(csrf())
                .param("promise.due", "next tuesday").param("returnTo", "//evil.example"))
                .hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/promises");
        assertThat(ledger.require(promise.id()).state().pending()).isTrue();
    }

    @Test
    void aNewDateIsAgreedAndTheCustomerToldInOneGo() {
        Promise promise = ledger.make(new Promise.Terms(conversation.id().value(), null, "refund the postage",
                agent.id().value(), null, null, Instant.now().plus(Duration.ofHours(3)), null), agent);
        String later = local(Instant.now().plus(Duration.ofDays(3)));

        assertThat(mvc.post().uri("/promises/" + promise.id() + "/renegotiate").with(as(agent)).with(csrf())
                .param("promise.due", later).param("message", "I am sorry: the bank needs two more days.")
                .param("tell", "true").param("returnTo", "/promises")).hasStatus(HttpStatus.FOUND);

        Promise renegotiated = ledger.require(promise.id());
        assertThat(renegotiated.state()).isEqualTo(dev.rapport.promises.PromiseState.RENEGOTIATED);
        assertThat(desk.messages(conversation.id()).getLast().body())
                .startsWith("I am sorry: the bank needs two more days.\n\nI will refund the postage by ");

        assertThat(mvc.post().uri("/promises/" + promise.id() + "/renegotiate").with(as(agent)).with(csrf())
                .param("promise.due", later).param("promise.contactAt", local(Instant.now().minus(Duration.ofDays(1))))
                .param("returnTo", "/promises").exchange()).flash().containsEntry("problem",
                "The time to contact the customer has already passed.");
    }

    private org.springframework.test.web.servlet.assertj.MvcTestResult post(String body, String what, String due) {
        return mvc.post().uri("/conversations/" + conversation.number() + "/messages").with(as(agent)).with(csrf())
                .param("type", "reply").param("body", body).param("then", "WAITING_ON_CUSTOMER")
                .param("promise.what", what).param("promise.owner", "me").param("promise.due", due)
                .param("promise.sentence", "on").exchange();
    }

    private static String local(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneId.of("Europe/Berlin")).truncatedTo(ChronoUnit.MINUTES).toString();
    }

    private SignedInAgent agent(Role role) {
        return SignedInAgent.of(roster.findAgentByEmail(EmailAddress.of(
                TestBusiness.agentWithPassword(roster, passwords, role))).orElseThrow());
    }

    private static RequestPostProcessor as(SignedInAgent agent) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(agent, null, agent.getAuthorities()));
    }
}
