package dev.rapport.notifications;

import dev.rapport.agents.Passwords;
import dev.rapport.agents.Role;
import dev.rapport.agents.Roster;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.conversations.AgentMentioned;
import dev.rapport.conversations.Channel;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.Desk;
import dev.rapport.conversations.NewConversation;
import dev.rapport.conversations.Requester;
import dev.rapport.owed.MoneyOwedOverdue;
import dev.rapport.owed.MoneyOwedPaid;
import dev.rapport.owed.MoneyOwedRecorded;
import dev.rapport.promises.PromiseBroken;
import dev.rapport.promises.PromiseDueSoon;
import dev.rapport.shared.EmailAddress;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
class NotificationsModuleTests {

    @Autowired Notifier notifier;
    @Autowired Desk desk;
    @Autowired Roster roster;
    @Autowired Passwords passwords;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;

    @Test
    void anEscalationTellsEveryoneOnTheTeamBroughtInAndARequestItsAnswerGoesBackToWhoAsked(Scenario scenario) {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        var billing = roster.createTeam("Billing " + suffix, null);
        SignedInAgent jonas = agent("Jonas " + suffix, Role.TEAMMATE, Set.of(billing.id()));
        SignedInAgent priya = agent("Priya " + suffix, Role.AGENT, Set.of(billing.id()));
        SignedInAgent maria = agent("Maria " + suffix);
        Conversation conversation = start();

        scenario.publish(new dev.rapport.escalation.ConversationEscalated(UUID.randomUUID(),
                        conversation.id().value(), conversation.number(), null, billing.id().value(),
                        "Billing " + suffix + " team", maria.name(), "Charged twice", false))
                .andWaitForStateChange(() -> notifier.latest(jonas.id()), list -> !list.isEmpty())
                .andVerify(list -> {
                    assertThat(list.getFirst().text()).isEqualTo(maria.name() + " brought you in on #"
                            + conversation.number() + " (Billing " + suffix + " team): Charged twice");
                    assertThat(notifier.latest(priya.id())).hasSize(1);
                    assertThat(notifier.latest(maria.id())).isEmpty();
                });
        scenario.publish(new dev.rapport.escalation.InternalRequestMade(UUID.randomUUID(), conversation.id().value(),
                        conversation.number(), jonas.id().value(), null, maria.name(), "Was it refunded?",
                        java.time.Instant.now().plusSeconds(3600)))
                .andWaitForStateChange(() -> notifier.latest(jonas.id()), list -> list.size() == 2)
                .andVerify(list -> assertThat(list.getFirst().text()).isEqualTo(maria.name() + " asks on #"
                        + conversation.number() + ": Was it refunded? It is on Requests for me."));
        scenario.publish(new dev.rapport.escalation.InternalRequestAnswered(UUID.randomUUID(),
                        conversation.id().value(), conversation.number(), maria.id().value(), jonas.name()))
                .andWaitForStateChange(() -> notifier.latest(maria.id()), list -> !list.isEmpty())
                .andVerify(list -> assertThat(list.getFirst().text()).isEqualTo(jonas.name()
                        + " answered your request on #" + conversation.number()
                        + "; it is on the conversation as a note."));
    }

    @Test
    void aMentionInANoteNotifiesTheMentionedAgent(Scenario scenario) {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        SignedInAgent maria = agent("Maria" + suffix + " Lopez");
        SignedInAgent jonas = agent("Jonas" + suffix + " Berg");
        Conversation conversation = start();

        scenario.stimulate(() -> desk.note(conversation.id(), maria, "@jonas" + suffix + " can you check the invoice?"))
                .andWaitForStateChange(() -> notifier.latest(jonas.id()), list -> !list.isEmpty())
                .andVerify(list -> {
                    assertThat(list).singleElement().satisfies(notification -> {
                        assertThat(notification.text()).startsWith("Maria" + suffix + " Lopez mentioned you in #"
                                + conversation.number());
                        assertThat(notification.isRead()).isFalse();
                    });
                    assertThat(notifier.unread(jonas.id())).isEqualTo(1);
                    notifier.markAllRead(jonas.id());
                    assertThat(notifier.unread(jonas.id())).isZero();
                    assertThat(notifier.latest(maria.id())).as("no note to oneself").isEmpty();
                });
    }

    @Test
    void followersHearWhenTheCustomerWrites(Scenario scenario) {
        SignedInAgent sam = agent("Sam " + UUID.randomUUID().toString().substring(0, 6));
        Conversation conversation = start();
        desk.follow(conversation.id(), sam, true);

        scenario.stimulate(() -> desk.receive(conversation.id(), "Ana", "Any news?", Channel.EMAIL))
                .andWaitForStateChange(() -> notifier.latest(sam.id()), list -> !list.isEmpty())
                .andVerify(list -> assertThat(list.getFirst().text())
                        .isEqualTo("Ana wrote in #" + conversation.number() + " Engine"));
    }

    @Test
    void onlyAFollowedConversationsMessagesAreStoredForTheFollowersNotice() {
        SignedInAgent sam = agent("Sam " + UUID.randomUUID().toString().substring(0, 6));
        Conversation conversation = start();

        assertThat(storedForFollowers(() -> desk.receive(conversation.id(), "Ana", "Hello?", Channel.EMAIL)))
                .as("nobody follows it: nothing to tell, nothing stored").isZero();
        desk.follow(conversation.id(), sam, true);
        assertThat(storedForFollowers(() -> desk.receive(conversation.id(), "Ana", "Any news?", Channel.EMAIL)))
                .isEqualTo(1);
    }

    /** The publications for the followers' notice that the work stores in its transaction (seen before commit). */
    private long storedForFollowers(Runnable work) {
        String listener = "%Notifier%MessageReceived%";
        return transactions.execute(status -> {
            long before = jdbc.sql("select count(*) from event_publication where listener_id like ?").param(listener)
                    .query(Long.class).single();
            work.run();
            return jdbc.sql("select count(*) from event_publication where listener_id like ?").param(listener)
                    .query(Long.class).single() - before;
        });
    }

    @Test
    void aReminderGoesToWhoeverMustActAndEveryMemberOfAnOwningTeam(Scenario scenario) {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        var team = roster.createTeam("Billing " + suffix, null);
        SignedInAgent priya = agent("Priya " + suffix, Role.AGENT, Set.of(team.id()));
        SignedInAgent jonas = agent("Jonas " + suffix, Role.TEAMMATE, Set.of(team.id()));
        Conversation conversation = start();
        java.time.Instant due = java.time.Instant.now().plus(java.time.Duration.ofMinutes(61));

        scenario.publish(new PromiseDueSoon(UUID.randomUUID(), conversation.id().value(), null, team.id().value(),
                        "release the refund", true, due))
                .andWaitForStateChange(() -> notifier.latest(jonas.id()), list -> !list.isEmpty())
                .andVerify(list -> {
                    assertThat(list.getFirst().text()).startsWith("Due in 1 h").endsWith(
                            "release the refund (#" + conversation.number() + ")");
                    assertThat(notifier.latest(priya.id())).hasSize(1);
                });
    }

    @Test
    void aBrokenPromiseTellsItsOwnerAndTheLeadsOfTheirTeamsButNoOtherLeads(Scenario scenario) {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        var support = roster.createTeam("Support " + suffix, null);
        var warehouse = roster.createTeam("Warehouse " + suffix, null);
        SignedInAgent sam = agent("Sam " + suffix, Role.AGENT, Set.of(support.id()));
        SignedInAgent maria = agent("Maria " + suffix, Role.LEAD, Set.of(support.id()));
        SignedInAgent otherLead = agent("Olga " + suffix, Role.LEAD, Set.of(warehouse.id()));
        Conversation conversation = start();

        scenario.publish(new PromiseBroken(UUID.randomUUID(), conversation.id().value(), sam.id().value(), null,
                        "call Ana back", "The work was not done by the deadline"))
                .andWaitForStateChange(() -> notifier.latest(maria.id()), list -> !list.isEmpty())
                .andVerify(list -> {
                    assertThat(list.getFirst().text()).isEqualTo("Promise broken: call Ana back (#"
                            + conversation.number() + "). The work was not done by the deadline.");
                    assertThat(notifier.latest(sam.id())).hasSize(1);
                    assertThat(notifier.latest(otherLead.id())).isEmpty();
                });
    }

    @Test
    void moneyOwedPaidTellsTheRelationshipAgentThatThePromiseToTellTheCustomerIsOnTheirList(Scenario scenario) {
        SignedInAgent maria = agent("Maria " + UUID.randomUUID().toString().substring(0, 6));
        Conversation conversation = start();
        java.time.Instant tellBy = java.time.Instant.now().plus(java.time.Duration.ofHours(26));

        scenario.publish(new MoneyOwedPaid(UUID.randomUUID(), UUID.randomUUID(), conversation.id().value(), "$700.00",
                        "BT-42", "Priya", maria.id().value(), null, UUID.randomUUID(), tellBy,
                        "Tell Ana their $700.00 credit was paid (BT-42)"))
                .andWaitForStateChange(() -> notifier.latest(maria.id()), list -> !list.isEmpty())
                .andVerify(list -> assertThat(list.getFirst().text()).startsWith("Priya paid $700.00 we owed (BT-42) (#"
                        + conversation.number() + "). Tell Ana their $700.00 credit was paid (BT-42) within ")
                        .endsWith(": it is on your promises."));
    }

    @Test
    void moneyOwedRoutedToATeamTellsItsMembersButNotWhoeverRecordedIt(Scenario scenario) {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        var accounting = roster.createTeam("Accounting " + suffix, null);
        SignedInAgent priya = agent("Priya " + suffix, Role.TEAMMATE, Set.of(accounting.id()));
        SignedInAgent maria = agent("Maria " + suffix, Role.AGENT, Set.of(accounting.id()));
        Conversation conversation = start();

        scenario.publish(new MoneyOwedRecorded(UUID.randomUUID(), UUID.randomUUID(), conversation.id().value(), "Ana",
                        "$700.00", "credit", null, accounting.id().value(), java.time.Instant.now(), "30 November",
                        "Maria", maria.id().value()))
                .andWaitForStateChange(() -> notifier.latest(priya.id()), list -> !list.isEmpty())
                .andVerify(list -> {
                    assertThat(list.getFirst().text()).isEqualTo("Maria recorded a $700.00 credit we owe Ana (#"
                            + conversation.number() + "), to be paid by 30 November. It is on Money we owe.");
                    assertThat(notifier.latest(maria.id())).isEmpty();
                });
    }

    @Test
    void overdueMoneyOwedRemindsTheResponsibleTeamAndItsLead(Scenario scenario) {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        var accounting = roster.createTeam("Accounting " + suffix, null);
        SignedInAgent priya = agent("Priya " + suffix, Role.TEAMMATE, Set.of(accounting.id()));
        SignedInAgent lena = agent("Lena " + suffix, Role.LEAD, Set.of(accounting.id()));
        SignedInAgent sam = agent("Sam " + suffix);
        Conversation conversation = start();

        scenario.publish(new MoneyOwedOverdue(UUID.randomUUID(), UUID.randomUUID(), conversation.id().value(), "Ana",
                        "$700.00", "credit", null, accounting.id().value(), java.time.Instant.now(), 3))
                .andWaitForStateChange(() -> notifier.latest(lena.id()), list -> !list.isEmpty())
                .andVerify(list -> {
                    assertThat(list.getFirst().text()).isEqualTo("Overdue 3 days: we owe Ana a $700.00 credit (#"
                            + conversation.number() + "). Pay it, or say why not, on Money we owe.");
                    assertThat(notifier.latest(priya.id())).hasSize(1);
                    assertThat(notifier.latest(sam.id())).isEmpty();
                });
    }

    private Conversation start() {
        return desk.start(new NewConversation("Engine", new Requester("Ana", EmailAddress.of("ana@c.example")),
                Channel.EMAIL, "Where is it?", null));
    }

    private SignedInAgent agent(String name) {
        return agent(name, Role.AGENT, Set.of());
    }

    private SignedInAgent agent(String name, Role role, Set<dev.rapport.agents.Team.TeamId> teams) {
        var invited = roster.invite(name, EmailAddress.of(UUID.randomUUID() + "@rapport.test"), role, teams);
        return SignedInAgent.of(passwords.acceptInvitation(invited.invitationToken(), "a long enough password"));
    }
}
