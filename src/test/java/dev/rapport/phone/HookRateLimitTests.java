package dev.rapport.phone;

import dev.rapport.agents.Roster;
import dev.rapport.business.BusinessProfile;
import dev.rapport.support.RapportWebTest;
import dev.rapport.support.TestBusiness;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** One hook URL may be called only so often a minute; the rest get 429 until the minute is over. */
@RapportWebTest
@TestPropertySource(properties = "rapport.phone.max-events-per-minute=3")
class HookRateLimitTests {

    @LocalServerPort int port;
    @Autowired BusinessProfile profile;
    @Autowired Roster roster;
    @Autowired PhoneHooks hooks;

    @Test
    void aFloodedHookIsAnsweredWithTooManyRequests() throws Exception {
        TestBusiness.ensureSetUp(profile);
        PhoneHooks.CreatedHook hook = hooks.create("PBX", roster.createTeam("Phones " + UUID.randomUUID(), null)
                .id(), Duration.ofHours(2));
        HttpClient http = HttpClient.newHttpClient();
        int[] statuses = new int[5];
        for (int i = 0; i < statuses.length; i++) {
            String body = "{\"id\": \"e-" + UUID.randomUUID() + "\", \"type\": \"call.started\", \"callId\": \"c-" + i
                    + "\", \"from\": \"+4930123456\", \"to\": \"+4930999\", \"direction\": \"inbound\"}";
            String timestamp = String.valueOf(Instant.now().getEpochSecond());
            statuses[i] = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + "/api/v1/telephony/" + hook.token() + "/events"))
                    .header("Content-Type", "application/json")
                    .header("X-Rapport-Timestamp", timestamp)
                    .header("X-Rapport-Signature", HookGateway.sign(hook.secret(), timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode();
        }
        assertThat(statuses).containsSubsequence(200, 200, 429, 429).contains(429);
    }
}
