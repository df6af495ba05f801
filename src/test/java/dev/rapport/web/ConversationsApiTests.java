package dev.rapport.web;

import dev.rapport.agents.ApiAccess;
import dev.rapport.agents.Passwords;
import dev.rapport.agents.Role;
import dev.rapport.agents.Roster;
import dev.rapport.agents.Team;
import dev.rapport.business.BusinessProfile;
import dev.rapport.conversations.Channel;
import dev.rapport.conversations.Desk;
import dev.rapport.conversations.NewConversation;
import dev.rapport.conversations.Requester;
import dev.rapport.shared.EmailAddress;
import dev.rapport.support.ApiClient;
import dev.rapport.support.RapportWebTest;
import dev.rapport.support.TestBusiness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Every conversations endpoint over real HTTP, with its errors. */
@RapportWebTest
class ConversationsApiTests {

    @LocalServerPort int port;
    @Autowired BusinessProfile profile;
    @Autowired Roster roster;
    @Autowired Passwords passwords;
    @Autowired ApiAccess apiAccess;
    @Autowired Desk desk;

    private ApiClient api;
    private String agent;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        TestBusiness.ensureSetUp(profile);
        agent = tokenFor(Role.AGENT);
    }

    @Test
    void createsReadsUpdatesAndListsAConversation() throws Exception {
        String tag = "api" + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> created = api.send("POST", "/api/v1/conversations", agent, """
                {"subject": "Engine missing", "customer": {"name": "Ana Souza", "email": "Ana-%s@Customers.example"},
                 "message": "The train set came without its engine.", "channel": "PHONE"}""".formatted(tag));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long number = Long.parseLong(field(created.body(), "number"));
        assertThat(created.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/api/v1/conversations/" + number));
        assertThat(created.body()).contains("\"customerEmail\":\"ana-" + tag + "@customers.example\"")
                .contains("\"channel\":\"PHONE\"").contains("\"status\":\"NEW\"");

        HttpResponse<String> updated = api.send("PATCH", "/api/v1/conversations/" + number, agent,
                "{\"status\": \"WAITING_ON_US\", \"priority\": \"HIGH\", \"tags\": [\"" + tag + "\"], \"version\": "
                        + field(created.body(), "version") + "}");
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertThat(updated.body()).contains("\"status\":\"WAITING_ON_US\"").contains("\"priority\":\"HIGH\"")
                .contains(tag);

        HttpResponse<String> read = api.send("GET", "/api/v1/conversations/" + number, agent, null);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("\"subject\":\"Engine missing\"");

        HttpResponse<String> listed = api.send("GET", "/api/v1/conversations?view=waiting-on-us&tag=" + tag, agent, null);
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains("\"number\":" + number).contains("\"next\":null");
    }

    @Test
    void pagesTheListWithAKeysetCursor() throws Exception {
        String tag = "page" + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 3; i++) {
            var c = desk.start(new NewConversation("Q" + i, new Requester("C" + i, EmailAddress.of("c" + i + "@x.example")),
                    Channel.API, "Question " + i, null));
            api.send("PATCH", "/api/v1/conversations/" + c.number(), agent, "{\"tags\": [\"" + tag + "\"]}");
        }
        HttpResponse<String> first = api.send("GET", "/api/v1/conversations?tag=" + tag + "&limit=2", agent, null);
        String cursor = field(first.body(), "next");
        assertThat(count(first.body(), "\"number\"")).isEqualTo(2);
        assertThat(cursor).isNotEqualTo("null");

        HttpResponse<String> second = api.send("GET", "/api/v1/conversations?tag=" + tag + "&limit=2&cursor=" + cursor,
                agent, null);
        assertThat(count(second.body(), "\"number\"")).isEqualTo(1);
        assertThat(second.body()).contains("\"next\":null");

        assertThat(api.send("GET", "/api/v1/conversations?cursor=garbage", agent, null).statusCode()).isEqualTo(400);
        assertThat(api.send("GET", "/api/v1/conversations?view=nonsense", agent, null).statusCode()).isEqualTo(400);
    }

    @Test
    void repliesAndNotesAreAddedAndListed() throws Exception {
        long number = desk.start(new NewConversation("Hello", new Requester("Ben", EmailAddress.of("ben@x.example")),
                Channel.API, "Hi there", null)).number();

        HttpResponse<String> reply = api.send("POST", "/api/v1/conversations/" + number + "/messages", agent,
                "{\"type\": \"reply\", \"body\": \"Hello Ben, how can I help?\"}");
        HttpResponse<String> note = api.send("POST", "/api/v1/conversations/" + number + "/messages", agent,
                "{\"type\": \"note\", \"body\": \"Regular customer.\"}");
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);
        assertThat(reply.body()).contains("\"type\":\"reply\"").contains("\"delivery\":\"QUEUED\"");
        assertThat(note.statusCode()).isEqualTo(201);

        HttpResponse<String> messages = api.send("GET", "/api/v1/conversations/" + number + "/messages", agent, null);
        assertThat(messages.statusCode()).isEqualTo(200);
        assertThat(messages.body()).containsSubsequence("\"type\":\"customer\"", "\"type\":\"reply\"",
                "\"type\":\"note\"");

        HttpResponse<String> invalid = api.send("POST", "/api/v1/conversations/" + number + "/messages", agent,
                "{\"type\": \"shout\", \"body\": \"\"}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("\"field\":\"type\"").contains("\"field\":\"body\"");
    }

    @Test
    void answersErrorsAsProblemDetails() throws Exception {
        assertThat(api.send("GET", "/api/v1/conversations/999999999", agent, null))
                .satisfies(r -> assertThat(r.statusCode()).isEqualTo(404))
                .satisfies(r -> assertThat(r.body()).contains("There is no conversation #999999999"));
        assertThat(api.send("GET", "/api/v1/conversations", null, null).statusCode()).isEqualTo(401);

        HttpResponse<String> invalid = api.send("POST", "/api/v1/conversations", agent,
                "{\"customer\": {\"name\": \"\", \"email\": \"nope\"}, \"message\": \"\"}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("\"field\":\"customer.email\"").contains("\"field\":\"message\"");

        var conversation = desk.start(new NewConversation("Stale", new Requester("D", EmailAddress.of("d@x.example")),
                Channel.API, "Hi", null));
        api.send("PATCH", "/api/v1/conversations/" + conversation.number(), agent, "{\"priority\": \"LOW\"}");
        HttpResponse<String> stale = api.send("PATCH", "/api/v1/conversations/" + conversation.number(), agent,
                "{\"status\": \"SOLVED\", \"version\": " + conversation.version() + "}");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("Someone else changed");

        Team billing = roster.createTeam("Billing " + UUID.randomUUID(), null);
        String teammate = tokenFor(Role.TEAMMATE);
        assertThat(api.send("GET", "/api/v1/conversations/" + conversation.number(), teammate, null).statusCode())
                .isEqualTo(403);
        var billingConversation = desk.start(new NewConversation("Invoice", new Requester("E",
                EmailAddress.of("e@x.example")), Channel.API, "Invoice?", billing.id()));
        assertThat(api.send("POST", "/api/v1/conversations/" + billingConversation.number() + "/messages", teammate,
                "{\"type\": \"reply\", \"body\": \"Hi\"}").statusCode()).isEqualTo(403);
    }

    private String tokenFor(Role role) {
        String email = TestBusiness.agentWithPassword(roster, passwords, role);
        return apiAccess.issue(roster.findAgentByEmail(EmailAddress.of(email)).orElseThrow().id(), "test").secret();
    }

    private static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\":\"?([^\",}]*)").matcher(json);
        assertThat(matcher.find()).as(name + " in " + json).isTrue();
        return matcher.group(1);
    }

    private static int count(String text, String needle) {
        return text.split(Pattern.quote(needle), -1).length - 1;
    }
}
