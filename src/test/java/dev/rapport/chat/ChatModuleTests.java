package dev.rapport.chat;

import dev.rapport.agents.Passwords;
import dev.rapport.agents.Role;
import dev.rapport.agents.Roster;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.agents.Team;
import dev.rapport.conversations.Channel;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.Desk;
import dev.rapport.conversations.Message;
import dev.rapport.conversations.Status;
import dev.rapport.shared.ControllableClock;
import dev.rapport.shared.EmailAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Chats with a real database: stored before acknowledged and never doubled, resumed after the last line, limits,
 * signed identities, routing to available agents, the offline form, agents' replies delivered, quiet chats closed.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
class ChatModuleTests {

    @Autowired ChatDesk chats;
    @Autowired WidgetDirectory widgets;
    @Autowired ChatAvailability availability;
    @Autowired QuietChats quietChats;
    @Autowired Desk desk;
    @Autowired Roster roster;
    @Autowired Passwords passwords;
    @Autowired ControllableClock clock;
    @Autowired ChatSettings settings;

    private Team team;
    private ChatWidget widget;

    @BeforeEach
    void setUp() {
        team = roster.createTeam("Chat " + UUID.randomUUID(), null);
        widget = widgets.create(new WidgetTerms("Shop", team.id(), "#22614f", "Hi! How can we help?",
                "We are away.", "https://shop.example", ChatWidget.Field.OPTIONAL, ChatWidget.Field.OPTIONAL, false));
    }

    @AfterEach
    void resume() {
        clock.resume();
    }

    private SignedInAgent agent(String name) {
        var invited = roster.invite(name, EmailAddress.of(name.toLowerCase() + "-" + UUID.randomUUID() + "@example.com"),
                Role.AGENT, Set.of(team.id()));
        return SignedInAgent.of(passwords.acceptInvitation(invited.invitationToken(), "a long enough password"));
    }

    private ChatDesk.Welcome newVisitor() {
        return chats.hello(widget, null, 0, "https://shop.example/cart", null);
    }

    private static String id() {
        return "c" + UUID.randomUUID().toString().replace("-", "");
    }

    @Test
    void aResentMessageIsStoredOnceAndAcknowledgedAgain() {
        Visitor visitor = newVisitor().visitor();
        String clientId = id();

        ChatDesk.Said first = chats.say(widget, visitor.id(), clientId, "Where is my order?", "Ana", null);
        ChatDesk.Said again = chats.say(widget, visitor.id(), clientId, "Where is my order?", "Ana", null);

        assertThat(first.duplicate()).isFalse();
        assertThat(again.duplicate()).isTrue();
        assertThat(again.line().seq()).isEqualTo(first.line().seq());
        Conversation conversation = desk.find(new Conversation.ConversationId(first.line().conversation())).orElseThrow();
        assertThat(conversation.channel()).isEqualTo(Channel.CHAT);
        assertThat(conversation.requester().name()).isEqualTo("Ana");
        assertThat(desk.messages(conversation.id())).extracting(Message::body).containsExactly("Where is my order?");
    }

    @Test
    void aReturningVisitorIsRecognisedByTheirTokenAndResumesAfterTheLastLineTheyHave() {
        ChatDesk.Welcome first = newVisitor();
        Visitor visitor = first.visitor();
        ChatDesk.Said one = chats.say(widget, visitor.id(), id(), "one", "Ana", null);
        chats.say(widget, visitor.id(), id(), "two", null, null);
        chats.say(widget, visitor.id(), id(), "three", null, null);

        ChatDesk.Welcome back = chats.hello(widget, first.token(), one.line().seq(), null, null);

        assertThat(back.token()).as("no new token for a known visitor").isNull();
        assertThat(back.visitor().id()).isEqualTo(visitor.id());
        assertThat(back.visitor().name()).isEqualTo("Ana");
        assertThat(back.lines()).extracting(ChatLine::body).containsExactly("two", "three");
        assertThat(chats.hello(widget, first.token(), 0, null, null).lines()).extracting(ChatLine::body)
                .containsExactly("one", "two", "three");
        assertThat(chats.hello(widget, "cv_forged", 0, null, null).visitor().id()).isNotEqualTo(visitor.id());
    }

    @Test
    void onlyASignedIdentityNamesTheCustomerOfTheConversation() {
        String secret = widgets.secretOf(widget);
        ChatDesk.Welcome signed = chats.hello(widget, null, 0, null, new ChatDesk.Identity("4711", "ana@example.com",
                "Ana Lima", IdentitySignature.sign(secret, "4711", "ana@example.com")));
        ChatDesk.Welcome forged = chats.hello(widget, null, 0, null, new ChatDesk.Identity("4711", "ana@example.com",
                "Ana Lima", IdentitySignature.sign("cws_guess", "4711", "ana@example.com")));

        assertThat(signed.visitor().isVerified()).isTrue();
        assertThat(forged.visitor().isVerified()).isFalse();
        Conversation trusted = conversationOf(chats.say(widget, signed.visitor().id(), id(), "Hello", null, null));
        Conversation typed = conversationOf(chats.say(widget, forged.visitor().id(), id(), "Hello", "Ana Lima",
                "ana@example.com"));
        assertThat(trusted.requester().email()).isEqualTo(EmailAddress.of("ana@example.com"));
        assertThat(trusted.requester().name()).isEqualTo("Ana Lima");
        assertThat(typed.requester().email()).as("a typed address is not an identity").isNull();
    }

    @Test
    void refusesEmptyTooLongTooFastAndMissingRequiredFields() {
        ChatWidget strict = widgets.create(new WidgetTerms("Strict", team.id(), "#22614f", "Hi", "Away",
                "https://shop.example", ChatWidget.Field.REQUIRED, ChatWidget.Field.REQUIRED, false));
        Visitor stranger = chats.hello(strict, null, 0, null, null).visitor();
        assertThatThrownBy(() -> chats.say(strict, stranger.id(), id(), "Hi", null, "ana@example.com"))
                .isInstanceOf(ChatRefused.class).extracting("code").isEqualTo("name-required");
        assertThatThrownBy(() -> chats.say(strict, stranger.id(), id(), "Hi", "Ana", null))
                .extracting("code").isEqualTo("email-required");
        assertThatThrownBy(() -> chats.say(strict, stranger.id(), id(), "Hi", "Ana", "not an address"))
                .extracting("code").isEqualTo("email-invalid");

        clock.freezeAt(Instant.parse("2026-03-02T10:00:00Z"));
        Visitor visitor = newVisitor().visitor();
        assertThatThrownBy(() -> chats.say(widget, visitor.id(), id(), " ", null, null)).extracting("code")
                .isEqualTo("empty");
        assertThatThrownBy(() -> chats.say(widget, visitor.id(), id(), "x".repeat(settings.maxMessageLength() + 1),
                null, null)).extracting("code").isEqualTo("too-long");
        assertThatThrownBy(() -> chats.say(widget, visitor.id(), "short", "hi", null, null)).extracting("code")
                .isEqualTo("bad-id");
        for (int i = 0; i < settings.messagesPerMinute(); i++) {
            chats.say(widget, visitor.id(), id(), "message " + i, null, null);
        }
        assertThatThrownBy(() -> chats.say(widget, visitor.id(), id(), "one too many", null, null))
                .extracting("code").isEqualTo("too-fast");
        clock.advance(Duration.ofMinutes(1));
        assertThat(chats.say(widget, visitor.id(), id(), "a minute later", null, null).duplicate()).isFalse();
    }

    @Test
    void aNewChatGoesToTheTeamsOnlineAgentWithRoomAndWaitsWhenNobodyHasRoom() {
        SignedInAgent maria = agent("Maria");
        SignedInAgent sam = agent("Sam");
        assertThat(chats.isOnline(widget)).isFalse();
        availability.set(maria.id(), true, 1);
        assertThat(chats.isOnline(widget)).isTrue();

        Conversation first = conversationOf(chats.say(widget, newVisitor().visitor().id(), id(), "First", null, null));
        assertThat(first.assignee()).contains(maria.id());

        Conversation second = conversationOf(chats.say(widget, newVisitor().visitor().id(), id(), "Second", null, null));
        assertThat(second.assignee()).as("Maria is at her cap, Sam is away").isEmpty();

        availability.set(sam.id(), true, 2);
        Conversation third = conversationOf(chats.say(widget, newVisitor().visitor().id(), id(), "Third", null, null));
        assertThat(third.assignee()).contains(sam.id());
        assertThat(availability.of(maria.id()).openChats()).isEqualTo(1);

        availability.set(maria.id(), false, 1);
        availability.set(sam.id(), false, 2);
        assertThat(chats.isOnline(widget)).isFalse();
        assertThatThrownBy(() -> availability.set(sam.id(), true, 0)).hasMessageContaining("between 1 and 20");
    }

    @Test
    void theOfflineFormStartsAConversationAnsweredByEmail() {
        Conversation left = chats.leaveMessage(widget, "Paul", "paul@example.com", "Do you ship to Norway?");

        assertThat(left.channel()).isEqualTo(Channel.WEB_FORM);
        assertThat(left.requester().email()).isEqualTo(EmailAddress.of("paul@example.com"));
        assertThat(left.team()).contains(team.id());
        assertThatThrownBy(() -> chats.leaveMessage(widget, "Paul", "nope", "Hi")).extracting("code")
                .isEqualTo("email-invalid");
    }

    @Test
    void anAgentsReplyBecomesALineOfTheChatOnceAndIsMarkedDelivered() {
        SignedInAgent maria = agent("Maria");
        ChatDesk.Welcome welcome = newVisitor();
        Conversation conversation = conversationOf(chats.say(widget, welcome.visitor().id(), id(), "Hi", "Ana", null));

        Message reply = desk.reply(conversation.id(), maria, "Hi Ana, I am here.", Status.OPEN, null);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(desk.message(reply.id()).orElseThrow().delivery()).isEqualTo(Message.Delivery.SENT));
        List<ChatLine> lines = chats.hello(widget, welcome.token(), 0, null, null).lines();
        assertThat(lines).extracting(ChatLine::author).containsExactly(ChatLine.Author.VISITOR, ChatLine.Author.AGENT);
        assertThat(lines.get(1).authorName()).isEqualTo("Maria");
        assertThat(chats.helperOf(chats.visitor(welcome.visitor().id()).orElseThrow())).contains("Maria");
    }

    @Test
    void aQuietChatWaitsOnTheCustomerThenIsSolvedWithTheClosingMessage() {
        clock.freezeAt(Instant.parse("2026-03-02T10:00:00Z"));
        SignedInAgent maria = agent("Maria");
        ChatDesk.Welcome welcome = newVisitor();
        Conversation conversation = conversationOf(chats.say(widget, welcome.visitor().id(), id(), "Hi", "Ana", null));
        Message reply = desk.reply(conversation.id(), maria, "Anything else?", Status.OPEN, null);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                desk.message(reply.id()).orElseThrow().delivery() == Message.Delivery.SENT);

        clock.advance(settings.quietAfter().minusMinutes(1));
        quietChats.check();
        assertThat(statusOf(conversation)).isEqualTo(Status.OPEN);

        clock.advance(Duration.ofMinutes(1));
        quietChats.check();
        assertThat(statusOf(conversation)).isEqualTo(Status.WAITING_ON_CUSTOMER);

        clock.advance(settings.solveAfter());
        quietChats.check();
        assertThat(statusOf(conversation)).isEqualTo(Status.SOLVED);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(chats.hello(widget, welcome.token(), 0, null, null).lines()).last()
                        .extracting(ChatLine::body).isEqualTo(settings.closingMessage()));
    }

    @Test
    void aChatTheVisitorHadTheLastWordInIsNeverClosedForQuiet() {
        clock.freezeAt(Instant.parse("2026-03-02T10:00:00Z"));
        SignedInAgent maria = agent("Maria");
        availability.set(maria.id(), true, 3);
        Conversation conversation = conversationOf(chats.say(widget, newVisitor().visitor().id(), id(), "Hello?",
                "Ana", null));
        assertThat(conversation.assignee()).contains(maria.id());
        Status before = statusOf(conversation);

        clock.advance(Duration.ofHours(3));
        quietChats.check();

        assertThat(statusOf(conversation)).isEqualTo(before).isIn(Status.NEW, Status.OPEN);
        availability.set(maria.id(), false, 3);
    }

    private Status statusOf(Conversation conversation) {
        return desk.find(conversation.id()).orElseThrow().status();
    }

    private Conversation conversationOf(ChatDesk.Said said) {
        return desk.find(new Conversation.ConversationId(said.line().conversation())).orElseThrow();
    }
}
