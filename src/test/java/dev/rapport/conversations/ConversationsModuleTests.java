package dev.rapport.conversations;

import dev.rapport.agents.Passwords;
import dev.rapport.agents.Role;
import dev.rapport.agents.Roster;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.agents.Team;
import dev.rapport.shared.ControllableClock;
import dev.rapport.shared.EmailAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
class ConversationsModuleTests {

    @Autowired Desk desk;
    @Autowired Inbox inbox;
    @Autowired Roster roster;
    @Autowired Passwords passwords;
    @Autowired ControllableClock clock;

    private SignedInAgent maria;

    @BeforeEach
    void setUp() {
        clock.freezeAt(Instant.parse("2026-11-23T09:00:00Z"));
        maria = agent("Maria", Role.AGENT, Set.of());
    }

    @AfterEach
    void resume() {
        clock.resume();
    }

    @Test
    void aWebFormMessageStartsAConversationThatKeepsTheCustomersWordsWhole(Scenario scenario) {
        String story = "Hello,\n\nmy grandson's birthday is Saturday and the train set arrived without its engine.\n"
                + "> quoted text from an earlier mail stays too\n";

        scenario.stimulate(() -> desk.start(new NewConversation("Missing engine", requester("ana"), Channel.WEB_FORM,
                        story, null)))
                .andWaitForEventOfType(ConversationStarted.class)
                .toArriveAndVerify((started, conversation) -> {
                    assertThat(started.number()).isEqualTo(conversation.number());
                    assertThat(conversation.status()).isEqualTo(Status.NEW);
                    assertThat(conversation.waitingSince()).isEqualTo(clock.instant());
                    assertThat(desk.messages(conversation.id())).singleElement()
                            .satisfies(message -> assertThat(message.body()).isEqualTo(story));
                    assertThat(desk.timeline(conversation.id())).extracting(Activity::kind).containsExactly("created");
                });
    }

    @Test
    void aReplyIsAnnouncedForItsChannelAndStopsTheCustomersWait(Scenario scenario) {
        Conversation conversation = desk.start(new NewConversation("Refund", requester("ben"), Channel.WEB_FORM,
                "Where is my refund?", null));
        clock.advance(Duration.ofMinutes(42));

        scenario.stimulate(() -> desk.reply(conversation.id(), maria, "It left our bank today.", null, null))
                .andWaitForEventOfType(ReplyPosted.class)
                .toArriveAndVerify((posted, reply) -> {
                    assertThat(posted.channel()).isEqualTo(Channel.WEB_FORM);
                    assertThat(reply.delivery()).isEqualTo(Message.Delivery.QUEUED);
                    Conversation after = desk.find(conversation.id()).orElseThrow();
                    assertThat(after.waitingSince()).isNull();
                    assertThat(after.status()).isEqualTo(Status.WAITING_ON_CUSTOMER);
                    assertThat(after.firstResponseAt()).isEqualTo(clock.instant());
                    assertThat(after.assignee()).contains(maria.id());
                });

        clock.advance(Duration.ofHours(1));
        desk.receive(conversation.id(), "Ben", "Thanks! It arrived.", Channel.EMAIL);
        Conversation woken = desk.find(conversation.id()).orElseThrow();
        assertThat(woken.status()).isEqualTo(Status.OPEN);
        assertThat(woken.waitingSince()).isEqualTo(clock.instant());
    }

    @Test
    void theInboxListsTheLongestWaitingCustomerFirstAndPagesByKeyset() {
        String tag = "t" + UUID.randomUUID().toString().substring(0, 6);
        List<Long> numbers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Conversation c = desk.start(new NewConversation("Question " + i, requester("c" + i), Channel.WEB_FORM,
                    "Question " + i, null));
            desk.retag(c.id(), maria, Set.of(tag), null);
            numbers.add(c.number());
            clock.advance(Duration.ofMinutes(5));
        }
        Conversation oldest = desk.find(desk.findByNumber(numbers.getFirst()).orElseThrow().id()).orElseThrow();
        desk.reply(oldest.id(), maria, "Answered", null, null);
        InboxFilter byTag = new InboxFilter(null, null, null, tag, null, null);

        InboxPage first = inbox.page(InboxView.ALL_OPEN, byTag, maria, null, 2);
        InboxPage second = inbox.page(InboxView.ALL_OPEN, byTag, maria, first.next(), 2);
        InboxPage third = inbox.page(InboxView.ALL_OPEN, byTag, maria, second.next(), 2);

        assertThat(first.items()).extracting(InboxItem::number).containsExactly(numbers.get(1), numbers.get(2));
        assertThat(second.items()).extracting(InboxItem::number).containsExactly(numbers.get(3), numbers.get(4));
        assertThat(third.items()).extracting(InboxItem::number).containsExactly(numbers.get(0));
        assertThat(third.next()).isNull();
        assertThat(first.items().getFirst().tags()).containsExactly(tag);
        assertThat(inbox.page(InboxView.MINE, byTag, maria, null, 10).items()).extracting(InboxItem::number)
                .containsExactly(numbers.get(0));
    }

    @Test
    void teammatesSeeOnlyTheirTeamsConversationsAndDoNotWriteToCustomers() {
        Team billing = roster.createTeam("Billing " + UUID.randomUUID(), null);
        SignedInAgent jonas = agent("Jonas", Role.TEAMMATE, Set.of(billing.id()));
        Conversation theirs = desk.start(new NewConversation("Invoice", requester("d"), Channel.WEB_FORM, "Invoice?",
                billing.id()));
        Conversation other = desk.start(new NewConversation("Toy", requester("e"), Channel.WEB_FORM, "Toy?", null));

        assertThat(desk.canSee(theirs, jonas)).isTrue();
        assertThat(desk.canSee(other, jonas)).isFalse();
        assertThatThrownBy(() -> desk.visibleTo(other.number(), jonas)).isInstanceOf(Desk.NotAllowed.class);
        assertThatThrownBy(() -> desk.reply(theirs.id(), jonas, "Hi", null, null)).isInstanceOf(Desk.NotAllowed.class);
        desk.note(theirs.id(), jonas, "Invoice corrected in the ledger.");
        assertThat(inbox.page(InboxView.ALL_OPEN, InboxFilter.none(), jonas, null, 100).items())
                .extracting(InboxItem::number).contains(theirs.number()).doesNotContain(other.number());
    }

    @Test
    void aChangeFromAStalePageIsRefusedInsteadOfOverwriting() {
        Conversation conversation = desk.start(new NewConversation("Late", requester("f"), Channel.WEB_FORM, "Hi",
                null));
        long seen = conversation.version();
        desk.changePriority(conversation.id(), maria, Priority.HIGH, seen);

        assertThatThrownBy(() -> desk.changeStatus(conversation.id(), maria, Status.SOLVED, seen))
                .isInstanceOf(Desk.Stale.class).hasMessageContaining("Someone else changed");
        assertThat(desk.find(conversation.id()).orElseThrow().status()).isEqualTo(Status.NEW);
    }

    @Test
    void everyChangeLandsOnTheTimelineWithWhoDidIt() {
        Conversation conversation = desk.start(new NewConversation("Tl", requester("g"), Channel.WEB_FORM, "Hi",
                null));
        desk.assign(conversation.id(), maria, maria.id(), null);
        desk.changePriority(conversation.id(), maria, Priority.URGENT, null);
        desk.retag(conversation.id(), maria, Set.of("Refund", "VIP customer"), null);
        desk.changeStatus(conversation.id(), maria, Status.SOLVED, null);

        assertThat(desk.timeline(conversation.id()))
                .extracting(Activity::actorName, Activity::detail)
                .containsSubsequence(
                        org.assertj.core.groups.Tuple.tuple("Maria", "took the conversation"),
                        org.assertj.core.groups.Tuple.tuple("Maria", "set priority to Urgent"),
                        org.assertj.core.groups.Tuple.tuple("Maria", "tagged refund, vip-customer"),
                        org.assertj.core.groups.Tuple.tuple("Maria", "set status to Solved"));
        assertThat(desk.find(conversation.id()).orElseThrow().solvedAt()).isEqualTo(clock.instant());
    }

    @Test
    void mergingMovesTheMessagesInOrderAndClosesTheMergedConversation() {
        Requester ana = requester("merge-" + UUID.randomUUID().toString().substring(0, 6));
        Conversation first = desk.start(new NewConversation("Engine", ana, Channel.EMAIL, "Where is the engine?", null));
        clock.advance(Duration.ofMinutes(10));
        Conversation second = desk.start(new NewConversation("Engine again", ana, Channel.WEB_FORM,
                "Sorry, writing again about the engine.", null));
        clock.advance(Duration.ofMinutes(10));
        desk.receive(first.id(), "Ana", "Any news?", Channel.EMAIL);

        Conversation merged = desk.merge(second.number(), first.number(), maria);

        assertThat(desk.messages(merged.id())).extracting(Message::body).containsExactly("Where is the engine?",
                "Sorry, writing again about the engine.", "Any news?");
        Conversation closed = desk.find(second.id()).orElseThrow();
        assertThat(closed.status()).isEqualTo(Status.CLOSED);
        assertThat(closed.mergedInto()).hasValue(first.number());
        assertThat(merged.waitingSince()).as("the longer wait counts").isEqualTo(first.waitingSince());

        Conversation stranger = desk.start(new NewConversation("Other", requester("other"), Channel.EMAIL, "Hi", null));
        assertThatThrownBy(() -> desk.merge(stranger.number(), first.number(), maria))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same customer");
    }

    @Test
    void splittingMovesOneCustomerMessageIntoAConversationOfItsOwn() {
        Conversation conversation = desk.start(new NewConversation("Order", requester("split"), Channel.EMAIL,
                "Where is order 17?", null));
        Message other = desk.receive(conversation.id(), "Split", "Also: can I return the kite?", Channel.EMAIL);

        Conversation split = desk.split(other.id(), maria);

        assertThat(split.subject()).isEqualTo("Also: can I return the kite?");
        assertThat(desk.messages(split.id())).extracting(Message::body).containsExactly("Also: can I return the kite?");
        assertThat(desk.messages(conversation.id())).extracting(Message::body).containsExactly("Where is order 17?");
        assertThat(split.requester()).isEqualTo(conversation.requester());
        Message only = desk.messages(conversation.id()).getFirst();
        assertThatThrownBy(() -> desk.split(only.id(), maria)).hasMessageContaining("only message");
    }

    @Test
    void aSnoozedConversationLeavesTheQueueUntilItsTimeOrTheCustomerWrites() {
        String tag = "snz" + UUID.randomUUID().toString().substring(0, 6);
        Conversation conversation = desk.start(new NewConversation("Later", requester("snooze"), Channel.EMAIL,
                "Call me next week", null));
        desk.retag(conversation.id(), maria, Set.of(tag), null);
        InboxFilter byTag = new InboxFilter(null, null, null, tag, null, null);

        desk.snooze(conversation.id(), maria, clock.instant().plus(Duration.ofHours(4)), null);
        assertThat(inbox.page(InboxView.ALL_OPEN, byTag, maria, null, 10).items()).isEmpty();

        clock.advance(Duration.ofHours(5));
        assertThat(desk.wakeDue()).isGreaterThanOrEqualTo(1);
        assertThat(inbox.page(InboxView.ALL_OPEN, byTag, maria, null, 10).items()).hasSize(1);

        desk.snooze(conversation.id(), maria, clock.instant().plus(Duration.ofDays(7)), null);
        desk.receive(conversation.id(), "Snooze", "Actually, today works.", Channel.EMAIL);
        assertThat(inbox.page(InboxView.ALL_OPEN, byTag, maria, null, 10).items()).hasSize(1);
    }

    @Test
    void aNoteMentionsAgentsByFirstNameButNotEmailAddresses(
            org.springframework.modulith.test.AssertablePublishedEvents events) {
        String first = "Priya" + UUID.randomUUID().toString().substring(0, 6);
        SignedInAgent priya = agent(first + " Raman", Role.AGENT, Set.of());
        Conversation conversation = desk.start(new NewConversation("Hi", requester("mention"), Channel.EMAIL, "Hi",
                null));

        desk.note(conversation.id(), maria, "@" + first.toLowerCase() + " please call; customer is at help@"
                + first + ".example, cc @nobody");

        assertThat(events.ofType(AgentMentioned.class))
                .extracting(AgentMentioned::agent).containsExactly(priya.id());
    }

    private SignedInAgent agent(String name, Role role, Set<Team.TeamId> teams) {
        var invited = roster.invite(name, EmailAddress.of(name.toLowerCase().replace(" ", ".") + "-" + UUID.randomUUID() + "@example.com"),
                role, teams);
        return SignedInAgent.of(passwords.acceptInvitation(invited.invitationToken(), "a long enough password"));
    }

    private static Requester requester(String name) {
        return new Requester(name, EmailAddress.of(name + "@customers.example"));
    }
}
