package dev.rapport.web;

import dev.rapport.agents.ApiAccess;
import dev.rapport.agents.Passwords;
import dev.rapport.agents.Role;
import dev.rapport.agents.Roster;
import dev.rapport.business.BusinessProfile;
import dev.rapport.shared.EmailAddress;
import dev.rapport.support.RapportWebTest;
import dev.rapport.support.TestBusiness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The REST API over real HTTP: token authentication, problem details, throttling. */
@RapportWebTest
class ApiTests {

    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"(rpt_[A-Za-z0-9_-]+)\"");

    @LocalServerPort int port;
    @Autowired BusinessProfile profile;
    @Autowired Roster roster;
    @Autowired Passwords passwords;
    @Autowired ApiAccess apiAccess;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void setUp() {
        TestBusiness.ensureSetUp(profile);
    }

    @Test
    void aRequestWithoutATokenGets401ProblemDetails() throws Exception {
        HttpResponse<String> response = get("/api/v1/me", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Bearer"));
        assertThat(response.body()).contains("\"status\":401").contains("\"title\":\"Unauthenticated\"");
        assertThat(get("/api/v1/me", "rpt_not-a-real-token").statusCode()).isEqualTo(401);
    }

    @Test
    void aScriptTradesAPasswordForATokenThatWorksUntilRevoked() throws Exception {
        String email = TestBusiness.agentWithPassword(roster, passwords, Role.AGENT);

        HttpResponse<String> created = post("/api/v1/auth/tokens",
                "{\"email\":\"" + email + "\",\"password\":\"" + TestBusiness.PASSWORD + "\",\"name\":\"Shop sync\"}");

        assertThat(created.statusCode()).isEqualTo(201);
        Matcher matcher = TOKEN.matcher(created.body());
        assertThat(matcher.find()).as(created.body()).isTrue();
        String token = matcher.group(1);

        HttpResponse<String> me = get("/api/v1/me", token);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"email\":\"" + email + "\"").contains("\"role\":\"AGENT\"");

        var agent = roster.findAgentByEmail(EmailAddress.of(email)).orElseThrow();
        apiAccess.revoke(agent.id(), apiAccess.tokensOf(agent.id()).getFirst().id());

        assertThat(get("/api/v1/me", token).statusCode()).isEqualTo(401);
    }

    @Test
    void invalidRequestsGetProblemDetailsThatNameTheField() throws Exception {
        HttpResponse<String> response = post("/api/v1/auth/tokens", "{\"email\":\"someone@example.com\",\"name\":\"\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"field\":\"password\"").contains("\"field\":\"name\"")
                .contains("must not be blank");
    }

    @Test
    void wrongPasswordsAreRefusedAndThenThrottled() throws Exception {
        String email = TestBusiness.agentWithPassword(roster, passwords, Role.AGENT);
        String wrong = "{\"email\":\"" + email + "\",\"password\":\"not the password\",\"name\":\"x\"}";
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> refused = post("/api/v1/auth/tokens", wrong);
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.body()).contains("bad-credentials");
        }

        HttpResponse<String> throttled = post("/api/v1/auth/tokens",
                "{\"email\":\"" + email + "\",\"password\":\"" + TestBusiness.PASSWORD + "\",\"name\":\"x\"}");

        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
        assertThat(throttled.body()).contains("Too many failed sign-ins");
    }

    @Test
    void unknownApiPathsAnswerWithA404Problem() throws Exception {
        String token = tokenFor(Role.AGENT);

        HttpResponse<String> response = get("/api/v1/no-such-thing", token);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("\"status\":404");
    }

    @Test
    void metricsAreForAdminsAndHealthIsPublic() throws Exception {
        assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/liveness", null).body()).contains("UP");

        HttpResponse<String> forAgent = get("/actuator/prometheus", tokenFor(Role.AGENT));
        assertThat(forAgent.statusCode()).isEqualTo(403);
        assertThat(forAgent.body()).contains("\"status\":403");

        HttpResponse<String> forAdmin = get("/actuator/prometheus", tokenFor(Role.ADMIN), "text/plain");
        assertThat(forAdmin.statusCode()).isEqualTo(200);
        assertThat(forAdmin.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void listsAgentsAndTeamsToSignedInAgents() throws Exception {
        roster.createTeam("Returns " + System.nanoTime(), "Returns and exchanges");
        String token = tokenFor(Role.AGENT);

        assertThat(get("/api/v1/agents", token).body()).contains(TestBusiness.ADMIN_EMAIL);
        assertThat(get("/api/v1/teams", token).body()).contains("Returns and exchanges");
    }

    private String tokenFor(Role role) {
        String email = TestBusiness.agentWithPassword(roster, passwords, role);
        var agent = roster.findAgentByEmail(EmailAddress.of(email)).orElseThrow();
        return apiAccess.issue(agent.id(), "test").secret();
    }

    private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return get(path, token, "application/json");
    }

    private HttpResponse<String> get(String path, String token, String accept)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", accept);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
