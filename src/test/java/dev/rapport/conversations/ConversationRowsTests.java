package dev.rapport.conversations;

import dev.rapport.agents.Agent;
import dev.rapport.agents.Passwords;
import dev.rapport.agents.Role;
import dev.rapport.agents.Roster;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.shared.ControllableClock;
import dev.rapport.shared.EmailAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.modulith.test.ApplicationModuleTest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The plain-SQL mapping of conversations and messages ({@link ConversationRows}, {@link MessageRows}) and Spring Data
 * JDBC's read and write the same rows the same way, field for field, and share the optimistic version: a column added
 * to one and not the other fails here.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
class ConversationRowsTests {

    private static final Instant T = Instant.parse("2026-11-23T09:00:00Z");

    @Autowired ConversationRows rows;
    @Autowired MessageRows messageRows;
    @Autowired Conversations conversations;
    @Autowired Messages messages;
    @Autowired Desk desk;
    @Autowired Roster roster;
    @Autowired Passwords passwords;
    @Autowired ControllableClock clock;

    @BeforeEach
    void freeze() {
        clock.freezeAt(T.plus(Duration.ofDays(1)));
    }

    @AfterEach
    void resume() {
        clock.resume();
    }

    @Test
    void aConversationWithEveryFieldSetReadsTheSameBothWays() {
        Conversation saved = conversations.save(everyFieldSet());

        Conversation plain = rows.find(saved.id().value()).orElseThrow();

        assertThat(plain).usingRecursiveComparison().isEqualTo(conversations.findById(saved.id().value())
                .orElseThrow());
        assertThat(plain).usingRecursiveComparison().isEqualTo(saved);
        assertThat(rows.findByNumber(saved.number()).orElseThrow()).usingRecursiveComparison().isEqualTo(saved);
        assertThat(rows.find(UUID.randomUUID())).isEmpty();
        assertThat(rows.findByNumber(-1)).isEmpty();
    }

    @Test
    void aConversationInsertedInPlainSqlIsWhatSpringDataReads() {
        Conversation inserted = rows.insert(everyFieldSet());

        assertThat(inserted.version()).isZero();
        assertThat(conversations.findById(inserted.id().value()).orElseThrow()).usingRecursiveComparison()
                .isEqualTo(inserted);
        assertThatThrownBy(() -> rows.insert(inserted)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStateWrittenInPlainSqlIsWhatSpringDataReadsAndTheVersionGuardsBothWays() {
        Conversation stored = conversations.save(everyFieldSet());
        Conversation stale = conversations.findById(stored.id().value()).orElseThrow();
        Conversation current = rows.find(stored.id().value()).orElseThrow();

        current.customerWrote(T.plus(Duration.ofHours(3)));
        assertThat(rows.updateState(current)).isTrue();

        assertThat(current.version()).isEqualTo(stored.version() + 1);
        assertThat(conversations.findById(stored.id().value()).orElseThrow()).usingRecursiveComparison()
                .isEqualTo(current);
        stale.customerWrote(T.plus(Duration.ofHours(4)));
        assertThat(rows.updateState(stale)).isFalse();
        assertThatThrownBy(() -> conversations.save(stale)).isInstanceOf(OptimisticLockingFailureException.class);
        Conversation again = conversations.findById(stored.id().value()).orElseThrow();
        again.prioritise(Priority.HIGH, T.plus(Duration.ofHours(5)));
        conversations.save(again);
        current.customerWrote(T.plus(Duration.ofHours(6)));
        assertThat(rows.updateState(current)).isFalse();
        assertThat(rows.find(stored.id().value()).orElseThrow().priority()).isEqualTo(Priority.HIGH);
    }

    @Test
    void aMessageInsertedInPlainSqlIsWhatSpringDataReads() {
        Conversation conversation = conversations.save(everyFieldSet());
        Message inbound = messageRows.insert(Message.inbound(conversation.id(), "Ana Lima", "Hello\nagain",
                Channel.EMAIL, T));
        Message reply = messageRows.insert(Message.reply(conversation.id(), new Agent.AgentId(UUID.randomUUID()),
                "Maria", "Hi Ana", Channel.EMAIL, T.plusSeconds(1)));
        reply.failed("Mailbox full");

        assertThat(messages.findById(inbound.id().value()).orElseThrow()).usingRecursiveComparison()
                .isEqualTo(inbound);
        Message replyRead = messages.findById(reply.id().value()).orElseThrow();
        assertThat(replyRead).usingRecursiveComparison().ignoringFields("delivery", "deliveryError")
                .isEqualTo(reply);
        assertThat(replyRead.delivery()).isEqualTo(Message.Delivery.QUEUED);
        replyRead.delivered();
        assertThat(messages.save(replyRead).delivery()).isEqualTo(Message.Delivery.SENT);
    }

    @Test
    void theCustomerWritingIntoAConversationSomeoneJustChangedKeepsTheirChange() {
        Conversation started = desk.start(new NewConversation("Late parcel", new Requester("Ana Lima",
                EmailAddress.of("ana-" + UUID.randomUUID() + "@example.com")), Channel.EMAIL, "Where is it?", null));
        Conversation readByTheChannel = desk.find(started.id()).orElseThrow();
        SignedInAgent maria = agent("Maria");
        desk.assign(started.id(), maria, maria.id(), null);
        clock.advance(Duration.ofMinutes(5));

        Message message = desk.receive(readByTheChannel, "Ana Lima", "Any news?", Channel.EMAIL, List.of());

        Conversation after = desk.find(started.id()).orElseThrow();
        assertThat(after.assignee()).contains(maria.id());
        assertThat(after.lastCustomerMessageAt()).isEqualTo(clock.instant());
        assertThat(desk.messages(started.id())).extracting(Message::body)
                .containsExactly("Where is it?", "Any news?");
        assertThat(desk.message(message.id())).isPresent();
    }

    private SignedInAgent agent(String name) {
        var invited = roster.invite(name, EmailAddress.of(name.toLowerCase() + "-" + UUID.randomUUID()
                + "@example.com"), Role.AGENT, Set.of());
        return SignedInAgent.of(passwords.acceptInvitation(invited.invitationToken(), "a long enough password"));
    }

    private static Conversation everyFieldSet() {
        long number = 900_000_000L + Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 99_000_000L);
        return new Conversation(UUID.randomUUID(), number, "Every field", UUID.randomUUID(), "Ana Lima",
                "ana@example.com", Channel.CHAT, Status.WAITING_ON_CUSTOMER, true, Priority.URGENT,
                UUID.randomUUID(), UUID.randomUUID(), "Refund for the broken kettle", T, T.plusSeconds(60),
                T.plusSeconds(30), T.plusSeconds(20), T.plusSeconds(40), T.plusSeconds(20), T.plusSeconds(20), 1042L,
                T.plus(Duration.ofDays(2)), "Routed to Maria, who has helped Ana 6 times",
                Set.of(new ConversationTag("refund"), new ConversationTag("kettle")),
                Set.of(new ConversationFollower(UUID.randomUUID())), null);
    }
}
