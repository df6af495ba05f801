package dev.rapport.web;

import dev.rapport.agents.ApiAccess;
import dev.rapport.agents.Passwords;
import dev.rapport.agents.Role;
import dev.rapport.agents.Roster;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.business.BusinessProfile;
import dev.rapport.customers.Customer;
import dev.rapport.customers.CustomerDirectory;
import dev.rapport.customers.NewCustomer;
import dev.rapport.shared.EmailAddress;
import dev.rapport.support.RapportWebTest;
import dev.rapport.support.TestBusiness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /api/v1/coach/analyze} over real HTTP: findings with spans, the name from the card, problem details. */
@RapportWebTest
class CoachApiTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort int port;
    @Autowired BusinessProfile profile;
    @Autowired Roster roster;
    @Autowired Passwords passwords;
    @Autowired ApiAccess apiAccess;
    @Autowired CustomerDirectory customers;

    private final HttpClient http = HttpClient.newHttpClient();
    private String token;
    private SignedInAgent agent;

    @BeforeEach
    void setUp() {
        TestBusiness.ensureSetUp(profile);
        String email = TestBusiness.agentWithPassword(roster, passwords, Role.AGENT);
        var found = roster.findAgentByEmail(EmailAddress.of(email)).orElseThrow();
        agent = SignedInAgent.of(found);
        token = apiAccess.issue(found.id(), "coach test").secret();
    }

    @Test
    void aDraftComesBackWithFindingsTheirSpansAndTheGoodMoves() throws Exception {
        String text = "Hi there,\n\nSorry, the paperwork hasn't come through yet. Call us back later!!!\n\n"
                + "> As I already told you, I want my refund.";
        Customer greta = customers.create(new NewCustomer("Margarete Vogel " + UUID.randomUUID(), "Greta", List.of(),
                List.of(), List.of(), null), agent);

        HttpResponse<String> response = post(JSON.writeValueAsString(new Body(text, greta.number(), "REPLY")), token);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("preferredName").asString()).isEqualTo("Greta");
        List<JsonNode> findings = body.get("findings").valueStream().toList();
        assertThat(findings).extracting(f -> f.get("categoryName").asString())
                .contains("MISSING_NAME", "BLAME_SHIFTING", "SEND_AWAY", "SHOUTING")
                .doesNotContain("SARCASM");
        for (JsonNode finding : findings) {
            int start = finding.get("start").asInt();
            int end = finding.get("end").asInt();
            assertThat(text.substring(start, end)).isEqualTo(finding.get("text").asString());
            assertThat(finding.get("ruleId").asString()).isNotBlank();
            assertThat(finding.get("why").asString()).isNotBlank();
            assertThat(finding.get("suggestion").asString()).isNotBlank();
        }
        JsonNode name = findings.stream().filter(f -> f.get("categoryName").asString().equals("MISSING_NAME"))
                .findFirst().orElseThrow();
        assertThat(name.get("text").asString()).isEqualTo("Hi there,");
        assertThat(name.get("replacement").asString()).isEqualTo("Hi Greta,");
        JsonNode blame = findings.stream().filter(f -> f.get("categoryName").asString().equals("BLAME_SHIFTING"))
                .findFirst().orElseThrow();
        assertThat(blame.get("category").asInt()).isEqualTo(1);
        assertThat(blame.get("worthASecondLook").asBoolean()).isTrue();
        assertThat(body.get("signals").valueStream().map(s -> s.get("signal").asString()).toList())
                .contains("EMPATHY");
    }

    @Test
    void aNoteIsReadForContemptOnly() throws Exception {
        HttpResponse<String> response = post("{\"text\":\"Total idiot. Told him to call us back later.\","
                + "\"kind\":\"note\"}", token);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("kind").asString()).isEqualTo("NOTE");
        assertThat(body.get("findings").valueStream().map(f -> f.get("categoryName").asString()).toList())
                .containsExactly("NOTE_DISRESPECT");
    }

    @Test
    void badDraftsGetProblemDetailsThatNameTheField() throws Exception {
        assertProblem(post("{\"kind\":\"REPLY\"}", token), 400, "text");
        assertProblem(post("{\"text\":\"   \"}", token), 400, "text");
        assertProblem(post("{\"text\":\"" + "a".repeat(20_001) + "\"}", token), 400, "text");
        assertProblem(post("{\"text\":\"Hello\",\"kind\":\"EMAIL\"}", token), 400, "kind");
        HttpResponse<String> unreadable = post("{\"text\":", token);
        assertThat(unreadable.statusCode()).isEqualTo(400);
        assertThat(unreadable.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        HttpResponse<String> unknown = post("{\"text\":\"Hello\",\"customerNumber\":999999999}", token);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("999999999");
    }

    @Test
    void withoutATokenTheCoachIsNotAvailable() throws Exception {
        HttpResponse<String> response = post("{\"text\":\"Call us back later.\"}", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    private static void assertProblem(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":" + status).contains("\"field\":\"" + field + "\"");
    }

    private record Body(String text, Long customerNumber, String kind) {
    }

    private HttpResponse<String> post(String json, String bearer) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/v1/coach/analyze"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
