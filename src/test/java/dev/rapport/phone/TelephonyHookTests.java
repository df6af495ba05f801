package dev.rapport.phone;

import dev.rapport.agents.Passwords;
import dev.rapport.agents.Role;
import dev.rapport.agents.Roster;
import dev.rapport.agents.Team;
import dev.rapport.business.BusinessCalendar;
import dev.rapport.business.BusinessProfile;
import dev.rapport.conversations.Channel;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.Desk;
import dev.rapport.conversations.Message;
import dev.rapport.conversations.NewConversation;
import dev.rapport.conversations.Requester;
import dev.rapport.conversations.Status;
import dev.rapport.customers.Customer;
import dev.rapport.customers.CustomerDirectory;
import dev.rapport.customers.IdentityKind;
import dev.rapport.customers.NewCustomer;
import dev.rapport.promises.Promise;
import dev.rapport.promises.PromiseLedger;
import dev.rapport.promises.PromiseState;
import dev.rapport.shared.EmailAddress;
import dev.rapport.support.RapportWebTest;
import dev.rapport.support.TestBusiness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Signed event sequences posted to a telephony hook over real HTTP, and what they leave behind: calls, messages in
 * the customer's history and call-back promises; replays, events out of order and bad requests change nothing.
 */
@RapportWebTest
class TelephonyHookTests {

    /** Numbers never repeat within a run (each test's caller is a stranger) and rarely across runs on one database. */
    private static final AtomicInteger NUMBERS = new AtomicInteger(
            java.util.concurrent.ThreadLocalRandom.current().nextInt(0, 90_000_000));

    @LocalServerPort int port;
    @Autowired BusinessProfile profile;
    @Autowired Roster roster;
    @Autowired Passwords passwords;
    @Autowired PhoneHooks hooks;
    @Autowired HookLog hookLog;
    @Autowired Calls calls;
    @Autowired Desk desk;
    @Autowired CustomerDirectory customers;
    @Autowired PromiseLedger ledger;
    @Autowired BusinessCalendar calendar;
    @Autowired Clock clock;

    private final HttpClient http = HttpClient.newHttpClient();
    private Team team;
    private PhoneHooks.CreatedHook hook;
    private String agentEmail;

    @BeforeEach
    void setUp() {
        TestBusiness.ensureSetUp(profile);
        team = roster.createTeam("Phones " + UUID.randomUUID(), null);
        hook = hooks.create("Office Asterisk", team.id(), Duration.ofHours(2));
        agentEmail = TestBusiness.agentWithPassword(roster, passwords, Role.AGENT);
    }

    @Test
    void answeredCallBecomesAMessageOnTheCustomersOpenConversation() throws Exception {
        String number = uniqueNumber();
        Customer paul = customers.create(new NewCustomer("Paul Weber", "Paul", List.of(), List.of(number), List.of(),
                null), null);
        Conversation open = desk.start(new NewConversation("Engine", new Requester("Paul Weber", null, number),
                Channel.PHONE, "Where is my engine?", null));
        assertThat(open.customerId()).contains(paul.id().value());
        String callId = "c-" + UUID.randomUUID();

        assertThat(post(started(callId, spaced(number), "+4930999", "inbound")).statusCode()).isEqualTo(200);
        assertThat(post(event("call.answered", callId, "\"agent\": {\"email\": \"" + agentEmail + "\"}"))
                .statusCode()).isEqualTo(200);
        assertThat(post(event("call.ended", callId, "\"reason\": \"completed\", \"durationSeconds\": 252, "
                + "\"recordingUrl\": \"https://pbx.example/rec/1.wav\"")).statusCode()).isEqualTo(200);

        Call call = call(callId);
        assertThat(call.state()).isEqualTo(Call.State.ENDED);
        assertThat(call.customer()).contains(paul.id().value());
        assertThat(call.answeredByName()).isEqualTo("Test Agent");
        assertThat(call.conversation()).contains(open.id().value());
        assertThat(call.callBackPromise()).isEmpty();
        Message logged = last(open);
        assertThat(logged.body()).contains("Inbound call from " + spaced(number), "answered by Test Agent",
                "4 min 12 s", "Recording: https://pbx.example/rec/1.wav");
        assertThat(logged.channel()).isEqualTo(Channel.PHONE);
    }

    @Test
    void missedCallFromAStrangerStartsAPhoneConversationWithACallBackPromiseForTheTeam() throws Exception {
        String number = uniqueNumber();
        String callId = "c-" + UUID.randomUUID();
        Instant before = clock.instant();

        post(started(callId, number, "+4930999", "inbound"));
        post(event("call.ended", callId, "\"reason\": \"missed\", \"durationSeconds\": 0"));

        Call call = call(callId);
        assertThat(call.isMissed()).isTrue();
        Customer stranger = customers.lookup(IdentityKind.PHONE, number).orElseThrow();
        assertThat(call.customer()).contains(stranger.id().value());
        Conversation conversation = desk.find(new Conversation.ConversationId(call.conversation().orElseThrow()))
                .orElseThrow();
        assertThat(conversation.channel()).isEqualTo(Channel.PHONE);
        assertThat(conversation.subject()).isEqualTo("Missed call from " + number);
        assertThat(conversation.team()).contains(team.id());
        assertThat(last(conversation).body()).startsWith("Missed call from " + number + ": nobody answered");
        Promise promise = ledger.require(call.callBackPromise().orElseThrow());
        assertThat(promise.what()).startsWith("Call back " + number + " by ").doesNotContain(" on ");
        assertThat(promise.ownerTeam()).contains(team.id().value());
        assertThat(promise.owner()).isEmpty();
        assertThat(promise.customer()).contains(stranger.id().value());
        Instant due = calendar.plusBusinessHours(Optional.of(team.id()), before, Duration.ofHours(2));
        assertThat(Duration.between(due, promise.dueAt()).abs()).isLessThan(Duration.ofMinutes(1));
        assertThat(ledger.onConversation(conversation.id().value())).hasSize(1);
    }

    @Test
    void outboundCallThatReachesTheCustomerKeepsTheirCallBackPromise() throws Exception {
        String number = uniqueNumber();
        String missed = "c-" + UUID.randomUUID();
        post(started(missed, number, "+4930999", "inbound"));
        post(event("call.ended", missed, "\"reason\": \"busy\""));
        UUID promise = call(missed).callBackPromise().orElseThrow();

        String back = "c-" + UUID.randomUUID();
        post(started(back, "+4930999", spaced(number), "outbound"));
        post(event("call.answered", back, "\"agent\": \"" + agentEmail + "\""));
        post(event("call.ended", back, "\"reason\": \"completed\", \"durationSeconds\": 65"));

        assertThat(ledger.require(promise).state()).isEqualTo(PromiseState.KEPT);
        assertThat(call(missed).calledBackAt()).isPresent();
        Call outbound = call(back);
        assertThat(outbound.conversation()).isEqualTo(call(missed).conversation());
        Message note = last(desk.find(new Conversation.ConversationId(outbound.conversation().orElseThrow()))
                .orElseThrow());
        assertThat(note.kind()).isEqualTo(Message.Kind.NOTE);
        assertThat(note.body()).contains("Outbound call to " + spaced(number), "they answered", "1 min 5 s");
    }

    @Test
    void voicemailIsCalledBackByTheirPersonAndAReplyKeepsThePromise() throws Exception {
        String number = uniqueNumber();
        Customer anna = customers.create(new NewCustomer("Anna Schmidt", "Anna", List.of(), List.of(number),
                List.of(), null), null);
        var person = roster.findAgentByEmail(EmailAddress.of(agentEmail)).orElseThrow();
        customers.chooseTheirPerson(anna.number(), person.id());
        String callId = "c-" + UUID.randomUUID();

        post(started(callId, number, "+4930999", "inbound"));
        post(event("call.ended", callId, "\"reason\": \"voicemail\", \"durationSeconds\": 35, "
                + "\"recordingUrl\": \"https://pbx.example/vm/9.wav\""));

        Call call = call(callId);
        Promise promise = ledger.require(call.callBackPromise().orElseThrow());
        assertThat(promise.what()).startsWith("Call back Anna by ").endsWith(" on " + number);
        assertThat(promise.owner()).contains(person.id().value());
        assertThat(promise.contactBy()).contains(person.id().value());
        Conversation conversation = desk.find(new Conversation.ConversationId(call.conversation().orElseThrow()))
                .orElseThrow();
        assertThat(last(conversation).body()).contains("Voicemail from " + number, "35 s",
                "Recording: https://pbx.example/vm/9.wav");

        desk.reply(conversation.id(), dev.rapport.agents.SignedInAgent.of(person), "Hello Anna, about your message",
                Status.WAITING_ON_CUSTOMER, null);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(ledger.require(promise.id()).state()).isEqualTo(PromiseState.KEPT));
        assertThat(call(callId).calledBackAt()).isPresent();
    }

    @Test
    void aCustomerWhoCallsTwiceBeforeWeCallBackIsOwedOneCallBack() throws Exception {
        String number = uniqueNumber();
        String first = "c-" + UUID.randomUUID();
        String second = "c-" + UUID.randomUUID();
        post(started(first, number, "+4930999", "inbound"));
        post(event("call.ended", first, "\"reason\": \"missed\""));
        post(started(second, spaced(number), "+4930999", "inbound"));
        post(event("call.ended", second, "\"reason\": \"voicemail\""));

        UUID promise = call(first).callBackPromise().orElseThrow();
        assertThat(call(second).callBackPromise()).contains(promise);
        assertThat(call(second).conversation()).isEqualTo(call(first).conversation());
        assertThat(ledger.onConversation(call(first).conversation().orElseThrow())).hasSize(1);

        String back = "c-" + UUID.randomUUID();
        post(started(back, "+4930999", number, "outbound"));
        post(event("call.ended", back, "\"reason\": \"completed\", \"durationSeconds\": 30"));
        assertThat(ledger.require(promise).state()).isEqualTo(PromiseState.KEPT);
        assertThat(call(first).calledBackAt()).isPresent();
        assertThat(call(second).calledBackAt()).isPresent();
    }

    @Test
    void repeatedEventsChangeNothing() throws Exception {
        String number = uniqueNumber();
        String callId = "c-" + UUID.randomUUID();
        String start = started(callId, number, "+4930999", "inbound");
        assertThat(post(start).body()).contains("\"accepted\"");
        HttpResponse<String> replay = post(start);
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.body()).contains("\"duplicate\"");
        post(event("call.ended", callId, "\"reason\": \"missed\""));
        post(event("call.ended", callId, "\"reason\": \"missed\""));
        post(started(callId, number, "+4930999", "inbound"));

        Call call = call(callId);
        Conversation conversation = desk.find(new Conversation.ConversationId(call.conversation().orElseThrow()))
                .orElseThrow();
        assertThat(desk.messages(conversation.id())).hasSize(1);
        assertThat(ledger.onConversation(conversation.id().value())).hasSize(1);
        assertThat(hookLog.recent(hook.hook().id(), 100)).extracting(HookLog.Entry::outcome)
                .contains(HookLog.Outcome.DUPLICATE);
    }

    @Test
    void eventsOutOfOrderEndTheSameWay() throws Exception {
        String number = uniqueNumber();
        String callId = "c-" + UUID.randomUUID();
        post(event("call.ended", callId, "\"reason\": \"missed\""));
        Call endedFirst = call(callId);
        assertThat(endedFirst.state()).isEqualTo(Call.State.ENDED);
        assertThat(endedFirst.conversation()).isEmpty();

        post(event("call.answered", callId, "\"agent\": \"" + agentEmail + "\""));
        post(started(callId, number, "+4930999", "inbound"));

        Call call = call(callId);
        assertThat(call.state()).isEqualTo(Call.State.ENDED);
        assertThat(call.conversation()).isPresent();
        assertThat(call.callBackPromise()).isPresent();
        assertThat(desk.messages(new Conversation.ConversationId(call.conversation().get()))).hasSize(1);
    }

    @Test
    void refusesBadSignaturesAndStaleTimestampsAndLogsThem() throws Exception {
        String body = started("c-" + UUID.randomUUID(), uniqueNumber(), "+4930999", "inbound");
        long now = clock.instant().getEpochSecond();

        HttpResponse<String> forged = send(hook.token(), String.valueOf(now), HookGateway.sign("rphs_wrong",
                String.valueOf(now), body), body);
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.body()).contains("Bad signature");

        String stale = String.valueOf(now - 600);
        HttpResponse<String> old = send(hook.token(), stale, HookGateway.sign(hook.secret(), stale, body), body);
        assertThat(old.statusCode()).isEqualTo(401);
        assertThat(old.body()).contains("Stale");

        HttpResponse<String> unsigned = send(hook.token(), null, null, body);
        assertThat(unsigned.statusCode()).isEqualTo(401);

        assertThat(hookLog.recent(hook.hook().id(), 100)).filteredOn(HookLog.Entry::isError).hasSize(3)
                .extracting(HookLog.Entry::detail).anyMatch(detail -> detail.startsWith("Bad signature"))
                .anyMatch(detail -> detail.startsWith("Stale"));
        assertThat(calls.findAll()).noneMatch(call -> body.contains(call.callId()));
    }

    @Test
    void unknownTokenIsNotFoundWithoutDetail() throws Exception {
        String body = started("c-" + UUID.randomUUID(), uniqueNumber(), "+4930999", "inbound");
        long now = clock.instant().getEpochSecond();
        HttpResponse<String> response = send("rph_nobody", String.valueOf(now),
                HookGateway.sign(hook.secret(), String.valueOf(now), body), body);
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void aNumberThatIsNotANumberIsKeptAsGivenAndFlagged() throws Exception {
        String callId = "c-" + UUID.randomUUID();
        assertThat(post(started(callId, "anonymous", "+4930999", "inbound")).statusCode()).isEqualTo(200);
        post(event("call.ended", callId, "\"reason\": \"missed\""));

        Call call = call(callId);
        assertThat(call.fromRaw()).isEqualTo("anonymous");
        assertThat(call.numberFlagged()).isTrue();
        assertThat(call.theirNumber()).isEmpty();
        Conversation conversation = desk.find(new Conversation.ConversationId(call.conversation().orElseThrow()))
                .orElseThrow();
        assertThat(last(conversation).body()).contains("anonymous (not a phone number as given)");
        assertThat(ledger.require(call.callBackPromise().orElseThrow()).what()).startsWith("Call back anonymous");
    }

    @Test
    void anEventThatIsNotOneIsRefusedAndLogged() throws Exception {
        HttpResponse<String> response = post("{\"id\": \"e-" + UUID.randomUUID() + "\", \"type\": \"call.exploded\", "
                + "\"callId\": \"x\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("call.started, call.answered or call.ended");
        assertThat(hookLog.recent(hook.hook().id(), 100)).extracting(HookLog.Entry::outcome)
                .containsExactly(HookLog.Outcome.INVALID);
    }

    private Call call(String callId) {
        return calls.findByHookAndCallId(hook.hook().id().value(), callId).orElseThrow();
    }

    private Message last(Conversation conversation) {
        List<Message> messages = desk.messages(conversation.id());
        return messages.getLast();
    }

    private static String uniqueNumber() {
        return "+49151" + String.format("%08d", NUMBERS.incrementAndGet());
    }

    /** The same number as people write it: +49 151 …. */
    private static String spaced(String e164) {
        return e164.substring(0, 3) + " " + e164.substring(3, 6) + " " + e164.substring(6);
    }

    private String started(String callId, String from, String to, String direction) {
        return event("call.started", callId, "\"from\": \"" + from + "\", \"to\": \"" + to + "\", \"direction\": \""
                + direction + "\"");
    }

    private String event(String type, String callId, String fields) {
        return "{\"id\": \"e-" + UUID.randomUUID() + "\", \"type\": \"" + type + "\", \"callId\": \"" + callId
                + "\", \"at\": \"" + clock.instant() + "\", " + fields + "}";
    }

    private HttpResponse<String> post(String body) throws Exception {
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        return send(hook.token(), timestamp, HookGateway.sign(hook.secret(), timestamp, body), body);
    }

    private HttpResponse<String> send(String token, String timestamp, String signature, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/v1/telephony/" + token + "/events"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (timestamp != null) {
            request.header("X-Rapport-Timestamp", timestamp);
        }
        if (signature != null) {
            request.header("X-Rapport-Signature", signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
