package dev.rapport.web;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.rapport.agents.Agent;
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
import dev.rapport.customers.Customer;
import dev.rapport.customers.CustomerDirectory;
import dev.rapport.customers.CustomerProfile;
import dev.rapport.customers.NewCustomer;
import dev.rapport.phone.HookGateway;
import dev.rapport.shared.EmailAddress;
import dev.rapport.support.BrowserPages;
import dev.rapport.support.Browsers;
import dev.rapport.support.RapportWebTest;
import dev.rapport.support.TestBusiness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The phone in real Chromium: an admin connects a hook; a call rings and the caller's card pops within a second on
 * the screens of the routed team's agents (and nobody else's); once Maria answers only her screen keeps it; she opens
 * the call, logs notes and an outcome, and the call is in Paul's conversation. A missed call waits on the calls page.
 */
@RapportWebTest
class PhoneBrowserTests {

    private static final LocatorAssertions.IsVisibleOptions WITHIN_A_SECOND =
            new LocatorAssertions.IsVisibleOptions().setTimeout(1000);

    @LocalServerPort int port;
    @Autowired BusinessProfile profile;
    @Autowired Roster roster;
    @Autowired Passwords passwords;
    @Autowired CustomerDirectory customers;
    @Autowired Desk desk;

    private final HttpClient http = HttpClient.newHttpClient();
    private BrowserPages pages;
    private String hookUrl;
    private String hookSecret;

    @BeforeEach
    void setUp() {
        TestBusiness.ensureSetUp(profile);
        pages = new BrowserPages(port);
    }

    @AfterEach
    void close() {
        pages.close();
    }

    @Test
    void theCallerCardPopsForTheTeamWithinASecondAndTheAnsweringAgentLogsTheCall() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Team team = roster.createTeam("Front desk " + tag, "");
        String mariaEmail = inTeam(TestBusiness.agentWithPassword(roster, passwords, Role.AGENT), team, "Maria");
        String jonasEmail = inTeam(TestBusiness.agentWithPassword(roster, passwords, Role.AGENT), team, "Jonas");
        String priyaEmail = TestBusiness.agentWithPassword(roster, passwords, Role.AGENT);
        String number = "+44 20 7946 " + String.format("%04d", (int) (Math.random() * 10000));
        Customer paul = customers.create(new NewCustomer("Paul Weber", "Paul", List.of(), List.of(number),
                List.of("restores old motorbikes"), null), null);
        customers.update(paul.number(), new CustomerProfile("Paul Weber", "Paul", "pawl", null, null, null, null,
                Set.of()));
        customers.addNote(paul.number(), "Prefers a call before 10:00", true, dev.rapport.agents.SignedInAgent.of(
                roster.findAgentByEmail(EmailAddress.of(TestBusiness.ADMIN_EMAIL)).orElseThrow()));
        Conversation open = desk.start(new NewConversation("Engine for the Triumph",
                new Requester("Paul Weber", null, number), Channel.PHONE, "Where is my engine?", null));

        Page admin = pages.signedIn(TestBusiness.ADMIN_EMAIL);
        connectHook(admin, team);

        Page maria = pages.signedIn(mariaEmail);
        Page jonas = pages.signedIn(jonasEmail);
        Page priya = pages.signedIn(priyaEmail);
        for (Page page : List.of(maria, jonas, priya)) {
            assertThat(page.locator("#caller-cards[data-connected]")).isAttached();
        }

        String callId = "call-" + tag;
        Instant sent = Instant.now();
        post(started(callId, number));
        Locator mariasCard = maria.locator(".caller-card");
        assertThat(mariasCard).isVisible(WITHIN_A_SECOND);
        assertThat(jonas.locator(".caller-card")).isVisible(WITHIN_A_SECOND);
        assertThat(java.time.Duration.between(sent, Instant.now())).isLessThan(java.time.Duration.ofMillis(1500));
        assertThat(mariasCard).containsText("Incoming call");
        assertThat(mariasCard).containsText("Paul");
        assertThat(mariasCard).containsText("say “pawl”");
        assertThat(mariasCard).containsText("restores old motorbikes");
        assertThat(mariasCard).containsText("Prefers a call before 10:00");
        assertThat(mariasCard).containsText("#" + open.number() + " Engine for the Triumph");
        assertThat(priya.locator(".caller-card")).hasCount(0);
        Browsers.screenshot(maria, "phone-caller-card-desktop");
        maria.setViewportSize(375, 812);
        Browsers.screenshot(maria, "phone-caller-card-phone");
        maria.setViewportSize(1280, 860);

        jonas.navigate(pages.url("/promises"));
        assertThat(jonas.locator(".caller-card")).isVisible(WITHIN_A_SECOND);

        post(event("call.answered", callId, "\"agent\": {\"email\": \"" + mariaEmail + "\"}"));
        assertThat(jonas.locator(".caller-card")).hasCount(0);
        assertThat(mariasCard).containsText("On the phone with you");

        mariasCard.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Open call")).click();
        assertThat(maria.locator("h1")).hasText("Paul");
        assertThat(maria.locator("#customer-card")).containsText("restores old motorbikes");
        post(event("call.ended", callId, "\"reason\": \"completed\", \"durationSeconds\": 184"));
        maria.getByLabel("Notes").fill("Engine ships Friday; he will pick it up at the counter.");
        maria.getByLabel("Solved").check();
        Browsers.screenshot(maria, "phone-call-view-desktop");
        maria.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log the call")).click();

        assertThat(maria).hasURL(pages.url("/conversations/" + open.number()));
        assertThat(maria.locator("main > .flash.notice")).containsText("Call logged on #" + open.number());
        assertThat(maria.locator(".entries")).containsText("Inbound call from " + number);
        assertThat(maria.locator(".entries")).containsText("3 min 4 s");
        assertThat(maria.locator(".entries")).containsText("Call notes: Engine ships Friday");
        Locator calls = maria.locator("#calls-panel");
        assertThat(calls).containsText("Inbound");
        assertThat(calls).containsText("Maria · 3:04 · Solved");
        assertThat(maria.locator("#promises")).isVisible();
        Browsers.screenshot(maria, "phone-conversation-desktop");
        assertThat(desk.find(open.id()).orElseThrow().status().name()).isEqualTo("SOLVED");
    }

    @Test
    void aMissedCallFromAnUnknownNumberWaitsFirstOnTheCallsPage() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Team team = roster.createTeam("Workshop " + tag, "");
        String mariaEmail = inTeam(TestBusiness.agentWithPassword(roster, passwords, Role.AGENT), team, "Maria");
        Page admin = pages.signedIn(TestBusiness.ADMIN_EMAIL);
        connectHook(admin, team);
        Page maria = pages.signedIn(mariaEmail);
        assertThat(maria.locator("#caller-cards[data-connected]")).isAttached();

        String stranger = "+1 415 555 " + String.format("%04d", (int) (Math.random() * 10000));
        post(started("answered-" + tag, "+1 415 555 0100"));
        post(event("call.ended", "answered-" + tag, "\"reason\": \"completed\", \"durationSeconds\": 42"));
        post(started("missed-" + tag, stranger));
        // The answered call's card may still be on its way out when the stranger's arrives: look at the stranger's.
        Locator card = maria.locator(".caller-card[aria-label='Incoming call: " + stranger + "']");
        assertThat(card).isVisible(WITHIN_A_SECOND);
        assertThat(card).containsText("Unknown number");
        assertThat(card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Create customer")))
                .isVisible();
        Browsers.screenshot(maria, "phone-caller-card-unknown");
        post(event("call.ended", "missed-" + tag, "\"reason\": \"missed\""));
        assertThat(card).hasCount(0);
        assertThat(maria.locator(".caller-card")).hasCount(0);

        maria.navigate(pages.url("/calls"));
        Locator first = maria.locator("#calls tbody tr").first();
        assertThat(first).containsText(stranger);
        assertThat(first).containsText("to call back");
        assertThat(maria.locator(".page-header")).containsText("waiting for us to call back");
        Browsers.screenshot(maria, "phone-calls-desktop");
        maria.setViewportSize(375, 812);
        Browsers.screenshot(maria, "phone-calls-phone");
        maria.setViewportSize(1280, 860);
        admin.navigate(admin.url());
        assertThat(admin.locator("#hook-events")).containsText("call.ended");
        Browsers.screenshot(admin, "phone-admin-hook");
        admin.navigate(pages.url("/admin/phone"));
        assertThat(admin.locator("#hooks")).containsText("Workshop " + tag);
        Browsers.screenshot(admin, "phone-admin");
    }

    private void connectHook(Page admin, Team team) {
        admin.navigate(pages.url("/admin/phone"));
        admin.getByLabel("Name").fill("Office Asterisk");
        admin.getByLabel("Rings for the team").selectOption(team.id().toString());
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create hook")).click();
        assertThat(admin.locator("#new-hook")).containsText("Rapport shows them only once");
        hookUrl = admin.locator("#hook-url").textContent().strip();
        hookSecret = admin.locator("#hook-secret").textContent().strip();
        assertThat(hookUrl).startsWith(pages.url("/api/v1/telephony/rph_"));
        Browsers.screenshot(admin, "phone-admin-new-hook");
    }

    private String inTeam(String email, Team team, String name) {
        Agent agent = roster.findAgentByEmail(EmailAddress.of(email)).orElseThrow();
        roster.update(agent.id(), name, Role.AGENT, Set.of(team.id()));
        return email;
    }

    private String started(String callId, String from) {
        return event("call.started", callId, "\"from\": \"" + from + "\", \"to\": \"+44 20 7946 0000\", "
                + "\"direction\": \"inbound\"");
    }

    private static String event(String type, String callId, String fields) {
        return "{\"id\": \"e-" + UUID.randomUUID() + "\", \"type\": \"" + type + "\", \"callId\": \"" + callId
                + "\", \"at\": \"" + Instant.now() + "\", " + fields + "}";
    }

    private void post(String body) throws Exception {
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(hookUrl))
                .header("Content-Type", "application/json")
                .header("X-Rapport-Timestamp", timestamp)
                .header("X-Rapport-Signature", HookGateway.sign(hookSecret, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
}
