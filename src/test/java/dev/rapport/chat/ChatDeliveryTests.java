package dev.rapport.chat;

import dev.rapport.agents.Passwords;
import dev.rapport.agents.Role;
import dev.rapport.agents.Roster;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.agents.Team;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.Desk;
import dev.rapport.conversations.Message;
import dev.rapport.conversations.Status;
import dev.rapport.shared.EmailAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.reset;

/**
 * An agent's chat reply reaches the visitor on the fast path (stored with the reply, pushed as it commits) or, when
 * that fails, on the durable path after the commit; either way exactly one line is stored and pushed once.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
class ChatDeliveryTests {

    @Autowired ChatDesk chats;
    @Autowired WidgetDirectory widgets;
    @Autowired Desk desk;
    @Autowired Roster roster;
    @Autowired Passwords passwords;
    @Autowired ChatFanOut fanOut;
    @Autowired JdbcClient jdbc;
    @MockitoSpyBean ChatLines lines;

    private ChatWidget widget;
    private SignedInAgent maria;
    private final List<String> pushed = new CopyOnWriteArrayList<>();
    private AutoCloseable subscription;

    @BeforeEach
    void setUp() {
        pushed.clear();
        Team team = roster.createTeam("Delivery " + UUID.randomUUID(), null);
        widget = widgets.create(new WidgetTerms("Shop", team.id(), "#22614f", "Hi!", "Away.", "https://shop.example",
                ChatWidget.Field.OPTIONAL, ChatWidget.Field.OPTIONAL, false));
        var invited = roster.invite("Maria", EmailAddress.of("maria-" + UUID.randomUUID() + "@example.com"),
                Role.AGENT, Set.of(team.id()));
        maria = SignedInAgent.of(passwords.acceptInvitation(invited.invitationToken(), "a long enough password"));
    }

    @AfterEach
    void tearDown() throws Exception {
        if (subscription != null) {
            subscription.close();
        }
        reset(lines);
    }

    @Test
    void aReplyIsStoredWithItsChatLineAndPushedTheMomentItCommits() {
        ChatDesk.Welcome welcome = visitorInAChat();

        Message reply = desk.reply(chatOf(welcome), maria, "Hi Ana, I am here.", Status.OPEN, null);

        assertThat(desk.message(reply.id()).orElseThrow().delivery()).as("marked in the reply's own transaction")
                .isEqualTo(Message.Delivery.SENT);
        assertThat(agentLines(welcome)).extracting(ChatLine::body).containsExactly("Hi Ana, I am here.");
        assertThat(pushed).as("pushed when desk.reply returned, not later").hasSize(1).first().asString()
                .contains("Hi Ana, I am here.");

        awaitListenerDone(reply);
        assertThat(agentLines(welcome)).hasSize(1);
        assertThat(pushed).as("the durable path found it delivered and pushed nothing").hasSize(1);
    }

    @Test
    void whenTheFastPathFailsTheReplyStandsAndTheListenerDeliversItOnce() {
        ChatDesk.Welcome welcome = visitorInAChat();
        doThrow(new IllegalStateException("the fast path breaks")).doCallRealMethod().when(lines)
                .add(eq(welcome.visitor().id()), any(), anyString(), any(), eq(ChatLine.Author.AGENT), any(), any(),
                        any());

        Message reply = desk.reply(chatOf(welcome), maria, "Still here.", Status.OPEN, null);

        assertThat(desk.message(reply.id())).as("the reply is not rolled back with the failed line").isPresent();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(desk.message(reply.id()).orElseThrow().delivery()).isEqualTo(Message.Delivery.SENT));
        awaitListenerDone(reply);
        assertThat(agentLines(welcome)).extracting(ChatLine::body).containsExactly("Still here.");
        assertThat(pushed).hasSize(1).first().asString().contains("Still here.");
    }

    @Test
    void aLongReplyReachesTheChatWhole() {
        ChatDesk.Welcome welcome = visitorInAChat();
        String instructions = "Step by step: " + "turn the dial one notch, then wait a moment. ".repeat(150);

        Message reply = desk.reply(chatOf(welcome), maria, instructions, Status.OPEN, null);

        assertThat(desk.message(reply.id()).orElseThrow().delivery()).isEqualTo(Message.Delivery.SENT);
        assertThat(agentLines(welcome)).singleElement().extracting(ChatLine::body).isEqualTo(instructions.strip());
    }

    private ChatDesk.Welcome visitorInAChat() {
        ChatDesk.Welcome welcome = chats.hello(widget, null, 0, "https://shop.example/cart", null);
        chats.say(widget, welcome.visitor().id(), "c" + UUID.randomUUID().toString().replace("-", ""), "Hi", "Ana",
                null);
        subscription = fanOut.subscribe(ChatFanOut.visitor(welcome.visitor().id()), json -> {
            if (json.contains("\"author\":\"agent\"")) {
                pushed.add(json);
            }
        });
        return welcome;
    }

    private Conversation.ConversationId chatOf(ChatDesk.Welcome welcome) {
        return new Conversation.ConversationId(chats.visitor(welcome.visitor().id()).orElseThrow().conversation());
    }

    private List<ChatLine> agentLines(ChatDesk.Welcome welcome) {
        return chats.hello(widget, welcome.token(), 0, null, null).lines().stream()
                .filter(line -> line.author() == ChatLine.Author.AGENT).toList();
    }

    /** Until the chat's listener has had the reply's event (a completed publication leaves the registry). */
    private void awaitListenerDone(Message reply) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20)).until(() -> jdbc.sql("""
                        select count(*) from event_publication where completion_date is null
                         and listener_id like '%ChatDelivery%' and serialized_event like ?""")
                .param("%" + reply.id().value() + "%").query(Long.class).single() == 0);
    }
}
