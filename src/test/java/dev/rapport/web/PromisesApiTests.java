package dev.rapport.web;

import dev.rapport.agents.ApiAccess;
import dev.rapport.agents.Passwords;
import dev.rapport.agents.Role;
import dev.rapport.agents.Roster;
import dev.rapport.agents.Team;
import dev.rapport.business.BusinessProfile;
import dev.rapport.conversations.Channel;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.Desk;
import dev.rapport.conversations.NewConversation;
import dev.rapport.conversations.Requester;
import dev.rapport.customers.CustomerDirectory;
import dev.rapport.customers.IdentityKind;
import dev.rapport.shared.EmailAddress;
import dev.rapport.support.ApiClient;
import dev.rapport.support.RapportWebTest;
import dev.rapport.support.TestBusiness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every promises endpoint over real HTTP: the promise's life, the list's filters, bad input and who may see what. */
@RapportWebTest
class PromisesApiTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort int port;
    @Autowired BusinessProfile profile;
    @Autowired Roster roster;
    @Autowired Passwords passwords;
    @Autowired ApiAccess apiAccess;
    @Autowired Desk desk;
    @Autowired CustomerDirectory customers;

    private ApiClient api;
    private Caller agent;
    private Conversation conversation;
    private String customerEmail;
    private Instant now;

    /** An agent calling the API: their id and bearer token. */
    private record Caller(UUID id, String token) {
    }

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        TestBusiness.ensureSetUp(profile);
        agent = caller(Role.AGENT, Set.of());
        customerEmail = "paul-" + UUID.randomUUID().toString().substring(0, 8) + "@customers.example";
        conversation = conversation(null);
        now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    @Test
    void makesListsAndKeepsAPromiseWithItsHistory() throws Exception {
        Team warehouse = roster.createTeam("Warehouse " + UUID.randomUUID(), null);
        HttpResponse<String> made = make(agent, """
                {"conversationId": "%s", "what": "Send the replacement engine", "owner": "me",
                 "dueAt": "%s", "contactAt": "%s"}""".formatted(conversation.number(), in(2), in(2).plusSeconds(3600)));

        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        JsonNode promise = json(made);
        String id = promise.path("id").asString();
        assertThat(made.headers().firstValue("Location")).hasValue("/api/v1/promises/" + id);
        assertThat(promise.path("conversationId").asString()).isEqualTo(conversation.id().toString());
        assertThat(promise.path("conversationNumber").asLong()).isEqualTo(conversation.number());
        assertThat(promise.path("customerId").asString()).isEqualTo(customerId().toString());
        assertThat(promise.path("owner").path("id").asString()).isEqualTo(agent.id().toString());
        assertThat(promise.path("owner").path("kind").asString()).isEqualTo("agent");
        assertThat(promise.path("owner").path("name").asString()).isEqualTo("Test Agent");
        assertThat(promise.path("contactBy").path("id").asString()).as("the owner tells the customer by default")
                .isEqualTo(agent.id().toString());
        assertThat(promise.path("state").asString()).isEqualTo("OPEN");
        assertThat(promise.path("dueAt").asString()).isEqualTo(in(2).toString());
        assertThat(promise.path("madeBy").asString()).isEqualTo("Test Agent");
        assertThat(promise.path("everBroken").asBoolean()).isFalse();
        assertThat(promise.has("warnings")).isFalse();
        assertThat(states(promise)).containsExactly("OPEN");

        String teams = make(agent, """
                {"conversationId": "%s", "what": "Check the other sets in stock", "owner": "%s", "dueAt": "%s"}"""
                .formatted(conversation.id(), warehouse.id(), in(5))).body();
        String teamsId = JSON.readTree(teams).path("id").asString();
        assertThat(JSON.readTree(teams).path("owner").path("kind").asString()).isEqualTo("team");
        assertThat(JSON.readTree(teams).path("owner").path("name").asString()).isEqualTo(warehouse.name());

        String here = "conversation=" + conversation.number();
        assertThat(ids("?" + here)).as("soonest deadline first").containsExactly(id, teamsId);
        assertThat(ids("?conversation=" + conversation.id())).containsExactly(id, teamsId);
        assertThat(ids("?owner=me&" + here)).containsExactly(id);
        assertThat(ids("?owner=" + agent.id() + "&" + here)).containsExactly(id);
        assertThat(ids("?owner=" + warehouse.id())).containsExactly(teamsId);
        assertThat(ids("?customer=" + customerId())).containsExactly(id, teamsId);
        assertThat(ids("?customer=" + customerNumber())).containsExactly(id, teamsId);
        assertThat(ids("?dueBefore=" + encoded(in(3)) + "&" + here)).containsExactly(id);
        assertThat(ids("?dueAfter=" + encoded(in(3)) + "&" + here)).containsExactly(teamsId);
        assertThat(ids("?state=OPEN&" + here)).containsExactly(id, teamsId);
        assertThat(ids("?state=done&" + here)).isEmpty();

        JsonNode first = json(api.send("GET", "/api/v1/promises?limit=1&" + here, agent.token(), null));
        assertThat(first.path("items")).hasSize(1);
        JsonNode second = json(api.send("GET", "/api/v1/promises?limit=1&" + here + "&after="
                + first.path("next").asString(), agent.token(), null));
        assertThat(second.path("items").get(0).path("id").asString()).isEqualTo(teamsId);
        assertThat(second.path("next").isNull()).isTrue();

        HttpResponse<String> done = api.send("POST", "/api/v1/promises/" + id + "/done", agent.token(), null);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(json(done).path("state").asString()).isEqualTo("DONE");
        assertThat(json(done).path("doneAt").isNull()).isFalse();
        assertThat(states(json(done))).containsExactly("OPEN", "DONE");
        assertThat(ids("?state=OPEN,DONE&owner=me&" + here)).containsExactly(id);
        assertThat(ids("?state=DONE&state=KEPT&" + here)).containsExactly(id);

        HttpResponse<String> reply = api.send("POST", "/api/v1/conversations/" + conversation.number() + "/messages",
                agent.token(), "{\"type\": \"reply\", \"body\": \"Paul, the engine left today by express post.\"}");
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(json(api.send("GET",
                "/api/v1/promises/" + id, agent.token(), null)).path("state").asString()).isEqualTo("KEPT"));

        JsonNode kept = json(api.send("GET", "/api/v1/promises/" + id, agent.token(), null));
        assertThat(states(kept)).containsExactly("OPEN", "DONE", "KEPT");
        assertThat(kept.path("contactedAt").isNull()).isFalse();
        assertThat(kept.path("history").get(1).path("by").asString()).isEqualTo("Test Agent");

        HttpResponse<String> cancelKept = api.send("POST", "/api/v1/promises/" + id + "/cancel", agent.token(),
                "{\"reason\": \"Not needed any more\"}");
        assertThat(cancelKept.statusCode()).isEqualTo(409);
        assertThat(cancelKept.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(json(cancelKept).path("detail").asString()).isEqualTo("A kept promise cannot be cancelled.");
    }

    @Test
    void renegotiatesWithNewDeadlinesAndWhatTheCustomerWasTold() throws Exception {
        String id = madeId(in(1));

        HttpResponse<String> renegotiated = api.send("POST", "/api/v1/promises/" + id + "/renegotiate",
                agent.token(), """
                        {"dueAt": "%s", "contactAt": "%s", "message": "The supplier ships on Friday"}"""
                        .formatted(in(4), in(4).plusSeconds(1800)));

        assertThat(renegotiated.statusCode()).as(renegotiated.body()).isEqualTo(200);
        JsonNode promise = json(renegotiated);
        assertThat(promise.path("state").asString()).isEqualTo("RENEGOTIATED");
        assertThat(promise.path("dueAt").asString()).isEqualTo(in(4).toString());
        assertThat(promise.path("contactAt").asString()).isEqualTo(in(4).plusSeconds(1800).toString());
        assertThat(states(promise)).containsExactly("OPEN", "RENEGOTIATED");
        assertThat(promise.path("history").get(1).path("note").asString())
                .isEqualTo("New date agreed: The supplier ships on Friday");
        assertThat(promise.has("warnings")).isFalse();

        JsonNode early = json(api.send("POST", "/api/v1/promises/" + id + "/renegotiate", agent.token(),
                "{\"dueAt\": \"%s\", \"contactAt\": \"%s\"}".formatted(in(6), in(5))));
        assertThat(early.path("warnings").get(0).path("field").asString()).isEqualTo("contactAt");

        assertField(api.send("POST", "/api/v1/promises/" + id + "/renegotiate", agent.token(),
                "{\"dueAt\": \"%s\"}".formatted(now.minusSeconds(60))), 400, "dueAt");
        assertField(api.send("POST", "/api/v1/promises/" + id + "/renegotiate", agent.token(),
                "{\"dueAt\": \"%s\", \"contactAt\": \"%s\"}".formatted(in(6), now.minusSeconds(60))), 400,
                "contactAt");
        assertField(api.send("POST", "/api/v1/promises/" + id + "/renegotiate", agent.token(),
                "{\"message\": \"Soon\"}"), 400, "dueAt");
        assertField(api.send("POST", "/api/v1/promises/" + id + "/renegotiate", agent.token(),
                "{\"dueAt\": \"next Friday\"}"), 400, "dueAt");
    }

    @Test
    void cancelsWithAReasonAndRefusesWhatACancelledPromiseCannotDo() throws Exception {
        String id = madeId(in(1));

        assertField(api.send("POST", "/api/v1/promises/" + id + "/cancel", agent.token(), "{}"), 400, "reason");
        assertField(api.send("POST", "/api/v1/promises/" + id + "/contacted", agent.token(), "{\"note\": \" \"}"),
                400, "note");
        assertThat(api.send("POST", "/api/v1/promises/" + id + "/resolve", agent.token(),
                "{\"note\": \"Called them\"}").statusCode()).as("only a broken promise is resolved").isEqualTo(409);

        HttpResponse<String> cancelled = api.send("POST", "/api/v1/promises/" + id + "/cancel", agent.token(),
                "{\"reason\": \"The customer found the engine in the box\"}");
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertThat(json(cancelled).path("state").asString()).isEqualTo("CANCELLED");
        assertThat(states(json(cancelled))).containsExactly("OPEN", "CANCELLED");
        assertThat(json(cancelled).path("history").get(1).path("note").asString())
                .isEqualTo("The customer found the engine in the box");

        HttpResponse<String> done = api.send("POST", "/api/v1/promises/" + id + "/done", agent.token(), null);
        assertThat(done.statusCode()).isEqualTo(409);
        assertThat(json(done).path("detail").asString()).contains("cancelled");
        assertThat(api.send("POST", "/api/v1/promises/" + id + "/renegotiate", agent.token(),
                "{\"dueAt\": \"%s\"}".formatted(in(3))).statusCode()).isEqualTo(409);
    }

    @Test
    void marksTheCustomerContactedByHand() throws Exception {
        String id = madeId(in(1));
        api.send("POST", "/api/v1/promises/" + id + "/done", agent.token(), null);

        HttpResponse<String> contacted = api.send("POST", "/api/v1/promises/" + id + "/contacted", agent.token(),
                "{\"note\": \"Called Paul at the shop\"}");

        assertThat(contacted.statusCode()).as(contacted.body()).isEqualTo(200);
        assertThat(json(contacted).path("state").asString()).isEqualTo("KEPT");
        assertThat(states(json(contacted))).containsExactly("OPEN", "DONE", "KEPT");
    }

    @Test
    void rejectsBadTermsNamingTheField() throws Exception {
        String terms = "{\"conversationId\": \"%s\", \"what\": \"Refund the postage\", \"owner\": \"%s\", "
                + "\"dueAt\": \"%s\"%s}";
        String here = String.valueOf(conversation.number());
        String me = agent.id().toString();

        assertField(make(agent, terms.formatted(here, me, now.minusSeconds(60), "")), 400, "dueAt");
        assertField(make(agent, terms.formatted(here, me, in(1), ", \"contactAt\": \"" + now.minusSeconds(60) + "\"")),
                400, "contactAt");
        assertField(make(agent, terms.formatted(here, UUID.randomUUID(), in(1), "")), 400, "owner");
        assertField(make(agent, terms.formatted(here, "the warehouse", in(1), "")), 400, "owner");
        assertField(make(agent, terms.formatted("999999999", me, in(1), "")), 400, "conversationId");
        assertField(make(agent, terms.formatted(UUID.randomUUID(), me, in(1), "")), 400, "conversationId");
        assertField(make(agent, terms.formatted(here, me, "tomorrow", "")), 400, "dueAt");
        Caller accountant = caller(Role.TEAMMATE, Set.of());
        assertField(make(agent, terms.formatted(here, accountant.id(), in(1), "")), 400, "contactBy");
        assertField(make(agent, terms.formatted(here, me, in(1), ", \"contactBy\": \"" + accountant.id() + "\"")),
                400, "contactBy");

        HttpResponse<String> empty = make(agent, "{}");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(fields(empty)).contains("conversationId", "what", "owner", "dueAt");

        HttpResponse<String> earlyContact = make(agent, terms.formatted(here, me, in(2),
                ", \"contactAt\": \"" + in(1) + "\""));
        assertThat(earlyContact.statusCode()).as("accepted, with a warning").isEqualTo(201);
        assertThat(json(earlyContact).path("warnings").get(0).path("field").asString()).isEqualTo("contactAt");
        assertThat(json(earlyContact).path("warnings").get(0).path("message").asString())
                .contains("before the work is due");

        HttpResponse<String> byAnother = make(agent, terms.formatted(here, accountant.id(), in(1),
                ", \"contactBy\": \"me\""));
        assertThat(byAnother.statusCode()).as("a teammate may do the work when an agent tells the customer")
                .isEqualTo(201);

        assertField(api.send("GET", "/api/v1/promises?dueBefore=soon", agent.token(), null), 400, "dueBefore");
        assertField(api.send("GET", "/api/v1/promises?state=LOST", agent.token(), null), 400, "state");
        assertField(api.send("GET", "/api/v1/promises?owner=" + UUID.randomUUID(), agent.token(), null), 400,
                "owner");
        assertField(api.send("GET", "/api/v1/promises?customer=999999999", agent.token(), null), 400, "customer");
        assertField(api.send("GET", "/api/v1/promises?after=garbage", agent.token(), null), 400, "after");
    }

    @Test
    void aTeammateSeesOnlyTheirTeamsPromises() throws Exception {
        Team billing = roster.createTeam("Billing " + UUID.randomUUID(), null);
        Caller teammate = caller(Role.TEAMMATE, Set.of(billing.id()));
        String someoneElses = madeId(in(1));
        Conversation billingConversation = conversation(billing.id());
        String billings = json(make(agent, """
                {"conversationId": "%s", "what": "Send a corrected invoice", "owner": "%s", "contactBy": "me",
                 "dueAt": "%s"}""".formatted(billingConversation.number(), billing.id(), in(1)))).path("id").asString();

        HttpResponse<String> hidden = api.send("GET", "/api/v1/promises/" + someoneElses, teammate.token(), null);
        assertThat(hidden.statusCode()).isEqualTo(404);
        assertThat(hidden.body()).doesNotContain("Send a ");
        assertThat(api.send("POST", "/api/v1/promises/" + someoneElses + "/done", teammate.token(), null)
                .statusCode()).isEqualTo(404);
        assertThat(idsFor(teammate, "?conversation=" + conversation.number())).isEmpty();
        assertThat(idsFor(teammate, "?owner=" + agent.id() + "&limit=100")).doesNotContain(someoneElses);
        assertThat(idsFor(agent, "?conversation=" + conversation.number())).containsExactly(someoneElses);

        assertThat(api.send("GET", "/api/v1/promises/" + billings, teammate.token(), null).statusCode())
                .isEqualTo(200);
        assertThat(idsFor(teammate, "?owner=" + billing.id())).containsExactly(billings);
        JsonNode page = json(api.send("GET", "/api/v1/promises?limit=1&customer=" + customerId(), teammate.token(),
                null));
        assertThat(page.path("items")).extracting(item -> item.path("id").asString()).containsExactly(billings);
        assertThat(page.path("next").isNull()).as("nothing more the teammate may see").isTrue();
        assertThat(api.send("POST", "/api/v1/promises/" + billings + "/done", teammate.token(), null).statusCode())
                .isEqualTo(200);

        HttpResponse<String> notTheirs = make(teammate, """
                {"conversationId": "%s", "what": "Refund", "owner": "%s", "dueAt": "%s"}"""
                .formatted(conversation.number(), agent.id(), in(1)));
        assertThat(notTheirs.statusCode()).isEqualTo(403);
        assertThat(json(notTheirs).path("detail").asString()).contains("not yours to see");
    }

    @Test
    void answersUnknownPromisesAndMissingTokensWithProblems() throws Exception {
        HttpResponse<String> unknown = api.send("GET", "/api/v1/promises/" + UUID.randomUUID(), agent.token(), null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).path("title").asString()).isEqualTo("Not found");
        assertThat(api.send("GET", "/api/v1/promises/not-an-id", agent.token(), null).statusCode()).isEqualTo(404);
        assertThat(api.send("POST", "/api/v1/promises/" + UUID.randomUUID() + "/cancel", agent.token(),
                "{\"reason\": \"x\"}").statusCode()).isEqualTo(404);
        assertThat(api.send("GET", "/api/v1/promises", null, null).statusCode()).isEqualTo(401);
        assertThat(api.send("POST", "/api/v1/promises", null, "{}").statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> make(Caller caller, String json) throws Exception {
        return api.send("POST", "/api/v1/promises", caller.token(), json);
    }

    private String madeId(Instant dueAt) throws Exception {
        HttpResponse<String> made = make(agent, """
                {"conversationId": "%s", "what": "Send the replacement engine", "owner": "me", "dueAt": "%s"}"""
                .formatted(conversation.number(), dueAt));
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        return json(made).path("id").asString();
    }

    private List<String> ids(String query) throws Exception {
        return idsFor(agent, query);
    }

    private List<String> idsFor(Caller caller, String query) throws Exception {
        HttpResponse<String> listed = api.send("GET", "/api/v1/promises" + query, caller.token(), null);
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        return StreamSupport.stream(json(listed).path("items").spliterator(), false)
                .map(item -> item.path("id").asString()).toList();
    }

    private static void assertField(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(fields(response)).as(response.body()).containsExactly(field);
    }

    private static List<String> fields(HttpResponse<String> response) {
        return StreamSupport.stream(json(response).path("errors").spliterator(), false)
                .map(error -> error.path("field").asString()).toList();
    }

    private static List<String> states(JsonNode promise) {
        return StreamSupport.stream(promise.path("history").spliterator(), false)
                .map(change -> change.path("state").asString()).toList();
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private Instant in(int days) {
        return now.plus(Duration.ofDays(days));
    }

    private static String encoded(Instant instant) {
        return URLEncoder.encode(instant.toString(), StandardCharsets.UTF_8);
    }

    private Conversation conversation(Team.TeamId team) {
        return desk.start(new NewConversation("Engine missing", new Requester("Paul", EmailAddress.of(customerEmail)),
                Channel.API, "The train set came without its engine.", team));
    }

    private UUID customerId() {
        return customers.lookup(IdentityKind.EMAIL, customerEmail).orElseThrow().id().value();
    }

    private long customerNumber() {
        return customers.lookup(IdentityKind.EMAIL, customerEmail).orElseThrow().number();
    }

    private Caller caller(Role role, Set<Team.TeamId> teams) {
        String email = TestBusiness.agentWithPassword(roster, passwords, role);
        var found = roster.findAgentByEmail(EmailAddress.of(email)).orElseThrow();
        if (!teams.isEmpty()) {
            roster.update(found.id(), found.name(), role, teams);
        }
        return new Caller(found.id().value(), apiAccess.issue(found.id(), "test").secret());
    }
}
