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
import dev.rapport.promises.PromiseLedger;
import dev.rapport.promises.PromiseState;
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

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** /api/v1/owed over real HTTP: record, list with filters, pay and cancel; bad input named by field; who sees what. */
@RapportWebTest
class OwedApiTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort int port;
    @Autowired BusinessProfile profile;
    @Autowired Roster roster;
    @Autowired Passwords passwords;
    @Autowired ApiAccess apiAccess;
    @Autowired Desk desk;
    @Autowired PromiseLedger promises;

    private ApiClient api;
    private Team accounting;
    private Caller agent;
    private Caller accountant;
    private Conversation conversation;

    private record Caller(UUID id, String token) {
    }

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        TestBusiness.ensureSetUp(profile);
        accounting = roster.createTeam("Accounting " + UUID.randomUUID().toString().substring(0, 6), null);
        agent = caller(Role.AGENT, Set.of());
        accountant = caller(Role.TEAMMATE, Set.of(accounting.id()));
        conversation = desk.start(new NewConversation("Damaged order", new Requester("Alex Moreau",
                EmailAddress.of("alex-" + UUID.randomUUID().toString().substring(0, 8) + "@customers.example")),
                Channel.API, "Half the order arrived broken.", null));
    }

    @Test
    void recordsListsAndPaysMoneyOwedAndMakesThePromiseToTellTheCustomer() throws Exception {
        HttpResponse<String> made = record(agent, body("700.00", "USD", "CREDIT", accounting.id().toString()));
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        JsonNode entry = json(made);
        String id = entry.path("id").asString();
        assertThat(made.headers().firstValue("Location")).hasValue("/api/v1/owed/" + id);
        assertThat(entry.path("amount").asString()).isEqualTo("700.00");
        assertThat(entry.path("currency").asString()).isEqualTo("USD");
        assertThat(entry.path("display").asString()).isEqualTo("$700.00");
        assertThat(entry.path("state").asString()).isEqualTo("OWED");
        assertThat(entry.path("conversationNumber").asLong()).isEqualTo(conversation.number());
        assertThat(entry.path("responsible").path("kind").asString()).isEqualTo("team");
        assertThat(entry.path("responsible").path("name").asString()).isEqualTo(accounting.name());
        assertThat(entry.path("history").get(0).path("action").asString()).isEqualTo("RECORDED");

        assertThat(ids(accountant, "?responsible=" + accounting.id())).containsExactly(id);
        assertThat(ids(accountant, "?state=OWED&overdue=false")).contains(id);
        assertThat(ids(accountant, "?state=PAID")).doesNotContain(id);
        assertThat(ids(agent, "?customer=" + entry.path("customerNumber").asLong())).containsExactly(id);
        assertThat(ids(agent, "?customer=" + entry.path("customerId").asString())).containsExactly(id);
        assertThat(ids(agent, "?overdue=true")).doesNotContain(id);

        HttpResponse<String> paid = api.send("POST", "/api/v1/owed/" + id + "/pay", accountant.token(),
                "{\"reference\": \"BT-2026-0042\"}");
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(200);
        JsonNode after = json(paid);
        assertThat(after.path("state").asString()).isEqualTo("PAID");
        assertThat(after.path("paymentReference").asString()).isEqualTo("BT-2026-0042");
        var promise = promises.require(UUID.fromString(after.path("tellPromiseId").asString()));
        assertThat(promise.what()).isEqualTo("Tell Alex their $700.00 credit was paid (BT-2026-0042)");
        assertThat(promise.state()).isEqualTo(PromiseState.DONE);

        HttpResponse<String> again = api.send("POST", "/api/v1/owed/" + id + "/pay", accountant.token(),
                "{\"reference\": \"BT-2\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).path("detail").asString()).contains("already paid (BT-2026-0042)");
    }

    @Test
    void payingACancelledEntryIsAConflict() throws Exception {
        String id = json(record(agent, body("35.50", "EUR", "REIMBURSEMENT", "me"))).path("id").asString();
        HttpResponse<String> noReason = api.send("POST", "/api/v1/owed/" + id + "/cancel", agent.token(), "{}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(field(noReason)).isEqualTo("reason");

        assertThat(api.send("POST", "/api/v1/owed/" + id + "/cancel", agent.token(),
                "{\"reason\": \"Alex chose a replacement\"}").statusCode()).isEqualTo(200);
        HttpResponse<String> pay = api.send("POST", "/api/v1/owed/" + id + "/pay", agent.token(),
                "{\"reference\": \"BT-1\"}");
        assertThat(pay.statusCode()).isEqualTo(409);
        assertThat(json(pay).path("detail").asString()).isEqualTo("Cannot mark it paid: it is already cancelled.");
    }

    @Test
    void badInputIsNamedByField() throws Exception {
        String team = accounting.id().toString();
        assertBad(body("0", "USD", "REFUND", team), "amount", "more than zero");
        assertBad(body("-5.00", "USD", "REFUND", team), "amount", "more than zero");
        assertBad(body("700.001", "USD", "REFUND", team), "amount", "2 decimals at most");
        assertBad(body("12.5", "JPY", "REFUND", team), "amount", "no decimals");
        assertBad(body("1e3", "USD", "REFUND", team), "amount", "digits with a decimal point");
        assertBad(body("700.00", "XYZ", "REFUND", team), "currency", "not a known currency");
        assertBad(body("700.00", "USD", "BRIBE", team), "kind", "not one of");
        assertBad(body("700.00", "USD", "REFUND", UUID.randomUUID().toString()), "responsible", "no agent or team");
        assertBad(body("700.00", "USD", "REFUND", "").replace("\"responsible\": \"\"", "\"responsible\": null"),
                "responsible", "Say who");
        assertBad(body("700.00", "USD", "REFUND", team).replace("Half the order arrived broken", " "), "reason",
                "Say why");
        assertBad(body("700.00", "USD", "REFUND", team).replace(in(7).toString(), "next week"), "dueAt", "ISO-8601");
        assertBad(body("700.00", "USD", "REFUND", team).replace(in(7).toString(), "2020-01-01"), "dueAt", "after");
        assertBad(body("700.00", "USD", "REFUND", team).replace("\"" + conversation.number() + "\"", "\"999999999\""),
                "conversationId", "no such conversation");
        HttpResponse<String> list = api.send("GET", "/api/v1/owed?state=LOST", agent.token(), null);
        assertThat(list.statusCode()).isEqualTo(400);
        assertThat(field(list)).isEqualTo("state");
        assertThat(field(api.send("GET", "/api/v1/owed?after=nonsense", agent.token(), null))).isEqualTo("after");
    }

    @Test
    void teammatesSeeOnlyWhatIsRoutedToThemAndRecordNothing() throws Exception {
        String agents = json(record(agent, body("20.00", "USD", "GOODWILL", "me"))).path("id").asString();
        String theirs = json(record(agent, body("700.00", "USD", "CREDIT", accounting.id().toString())))
                .path("id").asString();

        assertThat(ids(accountant, "")).contains(theirs).doesNotContain(agents);
        assertThat(api.send("GET", "/api/v1/owed/" + agents, accountant.token(), null).statusCode()).isEqualTo(404);
        assertThat(api.send("POST", "/api/v1/owed/" + agents + "/pay", accountant.token(), "{\"reference\": \"x\"}")
                .statusCode()).isEqualTo(404);
        assertThat(record(accountant, body("1.00", "USD", "REFUND", "me")).statusCode()).isEqualTo(403);
        assertThat(api.send("POST", "/api/v1/owed/" + theirs + "/pay", agent.token(), "{\"reference\": \"x\"}")
                .statusCode()).as("an agent not responsible does not pay it").isEqualTo(403);
        assertThat(api.send("GET", "/api/v1/owed", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void pagesOldestFirstWithACursor() throws Exception {
        Caller payer = caller(Role.AGENT, Set.of());
        List<String> made = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            made.add(json(record(agent, body("1" + i + ".00", "USD", "REFUND", payer.id().toString())))
                    .path("id").asString());
        }
        JsonNode first = json(api.send("GET", "/api/v1/owed?responsible=" + payer.id() + "&limit=2", agent.token(),
                null));
        assertThat(first.path("items")).hasSize(2);
        JsonNode second = json(api.send("GET", "/api/v1/owed?responsible=" + payer.id() + "&limit=2&after="
                + first.path("next").asString(), agent.token(), null));
        assertThat(second.path("next").isNull()).isTrue();
        List<String> all = new java.util.ArrayList<>(ids(first));
        all.addAll(ids(second));
        assertThat(all).containsExactlyInAnyOrderElementsOf(made).hasSize(3);
    }

    private void assertBad(String body, String field, String message) throws Exception {
        HttpResponse<String> response = record(agent, body);
        assertThat(response.statusCode()).as(body + " -> " + response.body()).isEqualTo(400);
        assertThat(field(response)).as(response.body()).isEqualTo(field);
        assertThat(json(response).path("errors").get(0).path("message").asString()).containsIgnoringCase(message);
    }

    private String body(String amount, String currency, String kind, String responsible) {
        return """
                {"conversationId": "%s", "amount": "%s", "currency": "%s", "kind": "%s",
                 "reason": "Half the order arrived broken", "responsible": "%s", "dueAt": "%s", "reference": "ORD-1"}"""
                .formatted(conversation.number(), amount, currency, kind, responsible, in(7));
    }

    private HttpResponse<String> record(Caller caller, String body) throws Exception {
        return api.send("POST", "/api/v1/owed", caller.token(), body);
    }

    private List<String> ids(Caller caller, String query) throws Exception {
        HttpResponse<String> response = api.send("GET", "/api/v1/owed" + query + (query.isEmpty() ? "?" : "&")
                + "limit=100", caller.token(), null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return ids(json(response));
    }

    private static List<String> ids(JsonNode page) {
        return StreamSupport.stream(page.path("items").spliterator(), false).map(i -> i.path("id").asString())
                .toList();
    }

    private static Instant in(int days) {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofDays(days)).truncatedTo(ChronoUnit.DAYS);
    }

    private static String field(HttpResponse<String> response) {
        return json(response).path("errors").get(0).path("field").asString();
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
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
