package dev.rapport.escalation;

import dev.rapport.agents.Passwords;
import dev.rapport.agents.Role;
import dev.rapport.agents.Roster;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.agents.Team;
import dev.rapport.business.BusinessProfile;
import dev.rapport.conversations.Activity;
import dev.rapport.conversations.Channel;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.Desk;
import dev.rapport.conversations.Message;
import dev.rapport.conversations.NewConversation;
import dev.rapport.conversations.Requester;
import dev.rapport.conversations.Status;
import dev.rapport.shared.ControllableClock;
import dev.rapport.shared.EmailAddress;
import dev.rapport.support.TestBusiness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Escalation paths and internal requests with a real database, the conversations module's desk and the clock driven
 * by hand. Maria (agent) owns a Support conversation about billing; the Billing team (Jonas, a teammate) and Fiona
 * (a lead in Finance) are the path; Lena is a teammate in Accounting; Wim a teammate in the Warehouse.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
class EscalationModuleTests {

    /** A day of its own, so the report counts only this test's escalations. */
    private static final Instant MORNING = Instant.parse("2030-01-07T09:00:00Z")
            .plus(Duration.ofDays(ThreadLocalRandom.current().nextInt(0, 20_000)));

    @Autowired PathBook paths;
    @Autowired Escalator escalator;
    @Autowired InternalRequestDesk requests;
    @Autowired EscalationReport report;
    @Autowired BusinessProfile profile;
    @Autowired Desk desk;
    @Autowired Roster roster;
    @Autowired Passwords passwords;
    @Autowired ControllableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;

    private SignedInAgent admin;
    private SignedInAgent maria;
    private SignedInAgent fiona;
    private SignedInAgent jonas;
    private SignedInAgent lena;
    private SignedInAgent wim;
    private Team support;
    private Team billing;
    private Team accounting;
    private Team finance;
    private Conversation conversation;

    @BeforeEach
    void setUp() {
        TestBusiness.ensureSetUp(profile);
        clock.freezeAt(MORNING);
        admin = agent("Ada", Role.ADMIN, Set.of());
        support = roster.createTeam("Support " + UUID.randomUUID(), "Front line");
        billing = roster.createTeam("Billing " + UUID.randomUUID(), "Invoices");
        finance = roster.createTeam("Finance " + UUID.randomUUID(), "Money");
        accounting = roster.createTeam("Accounting " + UUID.randomUUID(), "Pays customers");
        Team warehouse = roster.createTeam("Warehouse " + UUID.randomUUID(), "Ships");
        maria = agent("Maria", Role.AGENT, Set.of(support.id()));
        fiona = agent("Fiona", Role.LEAD, Set.of(finance.id()));
        jonas = agent("Jonas", Role.TEAMMATE, Set.of(billing.id()));
        lena = agent("Lena", Role.TEAMMATE, Set.of(accounting.id()));
        wim = agent("Wim", Role.TEAMMATE, Set.of(warehouse.id()));
        conversation = conversationOnSupport("Charged twice");
        desk.retag(conversation.id(), maria, Set.of("billing"), null);
        conversation = desk.find(conversation.id()).orElseThrow();
    }

    @AfterEach
    void resume() {
        clock.resume();
    }

    @Test
    void anAdminDefinesAPathPerTagAndReplacesItsSteps() {
        EscalationPath path = paths.define(" Billing ", "Billing questions",
                List.of("team:" + billing.id().value(), "", "agent:" + fiona.id().value()), admin);

        assertThat(path.topic()).isEqualTo("billing");
        assertThat(path.steps()).containsExactly(Specialist.team(billing.id().value()),
                Specialist.person(fiona.id().value()));
        assertThat(paths.describe(path)).isEqualTo(billing.name() + " team → " + fiona.name() + " ("
                + finance.name() + ")");
        assertThat(paths.forTags(Set.of("vip", "billing"))).map(EscalationPath::id).contains(path.id());

        EscalationPath replaced = paths.define("billing", "Billing", List.of("agent:" + fiona.id().value()), admin);
        assertThat(paths.all()).extracting(EscalationPath::id).contains(replaced.id()).doesNotContain(path.id());
        assertThat(replaced.steps()).containsExactly(Specialist.person(fiona.id().value()));
    }

    @Test
    void aPathNeedsATagAndDistinctKnownStepsAndOnlyAdminsChangeIt() {
        String team = "team:" + billing.id().value();
        int before = paths.all().size();
        assertRejected(() -> paths.define("  ", "", List.of(team), admin), "topic",
                "Name the tag this path is for, like billing.");
        assertRejected(() -> paths.define("billing", "", List.of("", ""), admin), "steps",
                "Choose at least one team or person to bring in.");
        assertRejected(() -> paths.define("billing", "", List.of(team, team), admin), "steps",
                billing.name() + " team is on the path twice.");
        assertRejected(() -> paths.define("billing", "", List.of("team:" + UUID.randomUUID()), admin), "steps",
                "There is no such team.");
        assertRejected(() -> paths.define("billing", "", List.of("somebody"), admin), "steps",
                "Choose each step from the list.");
        assertRejected(() -> paths.define("billing", "", List.of(team), maria), "form",
                "Only admins change escalation paths.");
        assertThat(paths.all()).hasSize(before);
    }

    @Test
    void escalatingKeepsTheFirstAgentAsOwnerAndMakesTheSpecialistTeamCollaborators(Scenario scenario) {
        paths.define("billing", "Billing questions",
                List.of("team:" + billing.id().value(), "agent:" + fiona.id().value()), admin);
        desk.assign(conversation.id(), maria, maria.id(), null);
        Conversation mine = desk.find(conversation.id()).orElseThrow();
        assertThat(escalator.nextStep(mine)).map(Escalator.NextStep::specialist)
                .contains(Specialist.team(billing.id().value()));
        assertThat(desk.canSee(mine, jonas)).isFalse();

        scenario.stimulate(() -> escalator.escalate(mine, "team:" + billing.id().value(),
                        "Charged twice for order 5521", false, maria))
                .andWaitForEventOfType(ConversationEscalated.class)
                .matching(event -> event.conversation().equals(mine.id().value()))
                .toArriveAndVerify(event -> {
                    assertThat(event.toTeam()).isEqualTo(billing.id().value());
                    assertThat(event.handedOver()).isFalse();
                    assertThat(event.reason()).isEqualTo("Charged twice for order 5521");
                });

        Conversation after = desk.find(conversation.id()).orElseThrow();
        assertThat(after.assignee()).contains(maria.id());
        assertThat(after.team()).contains(support.id());
        assertThat(desk.canSee(after, jonas)).isTrue();
        assertThat(desk.canSee(after, wim)).isFalse();
        assertThat(desk.timeline(after.id())).extracting(Activity::detail)
                .contains("escalated it to " + billing.name() + " team: Charged twice for order 5521");
        Escalation escalation = escalator.on(after).getFirst();
        assertThat(escalation.topic()).contains("billing");
        assertThat(escalation.step()).contains(0);
        assertThat(escalator.sentenceFor(escalation)).isEqualTo("I've asked our " + billing.name()
                + " team to help with this; I'm staying with you until it's sorted.");
        assertThat(escalator.nextStep(after)).map(Escalator.NextStep::specialist)
                .contains(Specialist.person(fiona.id().value()));
        // the teammate collaborates: a note from them lands on the conversation
        clock.advance(Duration.ofMinutes(5));
        desk.note(after.id(), jonas, "The second charge is a pre-authorisation; it drops off in 3 days.");
        assertThat(desk.messages(after.id()).getLast().authorName()).isEqualTo(jonas.name());
        // ... but cannot take the conversation from its owner, nor change its status
        assertThatThrownBy(() -> desk.assign(after.id(), jonas, jonas.id(), null))
                .hasMessageContaining("the conversation stays with its owner");
        assertThatThrownBy(() -> desk.changeStatus(after.id(), jonas, Status.SOLVED, null))
                .hasMessageContaining("the conversation stays with its owner");
        assertThat(desk.find(after.id()).orElseThrow().assignee()).contains(maria.id());
    }

    @Test
    void aPersonBroughtInFollowsTheConversationAndHandingOverMakesThemTheOwner() {
        desk.assign(conversation.id(), maria, maria.id(), null);
        Conversation mine = desk.find(conversation.id()).orElseThrow();

        Escalation kept = escalator.escalate(mine, "agent:" + fiona.id().value(), "Needs a finance decision", false,
                maria);
        Conversation after = desk.find(conversation.id()).orElseThrow();
        assertThat(after.assignee()).contains(maria.id());
        assertThat(after.followers()).contains(fiona.id());
        assertThat(kept.step()).isEmpty(); // no path for billing yet: off-path
        assertThat(escalator.sentenceFor(kept)).startsWith("I've asked " + fiona.name().split(" ")[0] + " from our ");

        Escalation handed = escalator.escalate(after, "agent:" + fiona.id().value(), "She takes it from here",
                true, maria);
        assertThat(desk.find(conversation.id()).orElseThrow().assignee()).contains(fiona.id());
        assertThat(escalator.sentenceFor(handed)).startsWith("I've handed this to ");
        assertThat(desk.timeline(after.id())).extracting(Activity::detail)
                .contains("handed it over to " + fiona.name() + ": She takes it from here");
    }

    @Test
    void whoeverEscalatesAConversationNobodyOwnedBecomesItsOwner() {
        assertThat(conversation.assignee()).isEmpty();

        escalator.escalate(conversation, "agent:" + fiona.id().value(), "Needs a finance decision", false, maria);

        assertThat(desk.find(conversation.id()).orElseThrow().assignee()).contains(maria.id());
    }

    @Test
    void escalationsRefuseBadInputAndHandingOverToATeammateOrBySomeoneElse() {
        desk.assign(conversation.id(), maria, maria.id(), null);
        Conversation mine = desk.find(conversation.id()).orElseThrow();
        assertRejected(() -> escalator.escalate(mine, "", "why", false, maria), "to", "Choose whom to bring in.");
        assertRejected(() -> escalator.escalate(mine, "agent:" + maria.id().value(), "why", false, maria), "to",
                "Choose someone other than yourself.");
        assertRejected(() -> escalator.escalate(mine, "team:" + billing.id().value(), " ", false, maria), "reason",
                "Say why, so they start from what you know.");
        assertRejected(() -> escalator.escalate(mine, "agent:" + jonas.id().value(), "why", true, maria), "handOver",
                "Teammates from other departments do not write to customers; bring them in and stay the owner.");
        SignedInAgent other = agent("Otto", Role.AGENT, Set.of(support.id()));
        assertRejected(() -> escalator.escalate(mine, "agent:" + fiona.id().value(), "why", true, other), "handOver",
                "Only its owner or a lead can hand this conversation over.");
        assertThatThrownBy(() -> escalator.escalate(mine, "team:" + billing.id().value(), "why", false, wim))
                .isInstanceOf(NotYours.class);
        assertThat(escalator.on(mine)).isEmpty();
    }

    @Test
    void aTeammateAskedAQuestionSeesThatConversationOnlyAndTheirAnswerLandsAsANote(Scenario scenario) {
        Conversation other = conversationOnSupport("Where is my parcel");
        Instant due = MORNING.plus(Duration.ofHours(6));

        InternalRequest request = requests.ask(conversation, "team:" + accounting.id().value(),
                "Has the refund for order 5521 gone out?", due, maria);

        assertThat(desk.canSee(conversation, lena)).isTrue();
        assertThat(desk.canSee(other, lena)).isFalse();
        assertThatThrownBy(() -> desk.visibleTo(other.number(), lena)).isInstanceOf(Desk.NotAllowed.class);
        assertThat(requests.openFor(lena)).extracting(InternalRequest::id).containsExactly(request.id());
        assertThat(requests.openFor(wim)).isEmpty();
        assertThat(desk.timeline(conversation.id())).extracting(Activity::detail)
                .contains("asked " + accounting.name() + " team: Has the refund for order 5521 gone out?");
        assertThatThrownBy(() -> requests.answer(request.id(), "Not mine", wim)).isInstanceOf(NotYours.class);
        assertRejected(() -> requests.answer(request.id(), "  ", lena), "answer", "Write your answer.");

        clock.advance(Duration.ofMinutes(20));
        scenario.stimulate(() -> requests.answer(request.id(), "Yes, sent on Monday; reference R-88.", lena))
                .andWaitForEventOfType(InternalRequestAnswered.class)
                .matching(event -> event.request().equals(request.id()))
                .toArriveAndVerify(event -> assertThat(event.askedBy()).isEqualTo(maria.id().value()));

        Message note = desk.messages(conversation.id()).getLast();
        assertThat(note.kind()).isEqualTo(Message.Kind.NOTE);
        assertThat(note.authorName()).isEqualTo(lena.name());
        assertThat(note.body()).isEqualTo("Answer to " + maria.name()
                + "'s request “Has the refund for order 5521 gone out?”:\n\nYes, sent on Monday; reference R-88.");
        assertThat(requests.openFor(lena)).isEmpty();
        assertThatThrownBy(() -> requests.answer(request.id(), "Again", lena)).isInstanceOf(AlreadyAnswered.class)
                .hasMessage(lena.name() + " already answered this request.");
    }

    @Test
    void aRequestNeedsSomeoneAQuestionAndATimeInTheFuture() {
        String team = "team:" + accounting.id().value();
        assertRejected(() -> requests.ask(conversation, "nobody", "Q?", MORNING.plusSeconds(60), maria), "whom",
                "Choose whom to ask.");
        assertRejected(() -> requests.ask(conversation, team, " ", MORNING.plusSeconds(60), maria), "question",
                "Write the question or the task.");
        assertRejected(() -> requests.ask(conversation, team, "Q?", MORNING.minusSeconds(60), maria), "dueAt",
                "Choose a time in the future.");
        assertRejected(() -> requests.ask(conversation, team, "Q?", null, maria), "dueAt",
                "Say by when you need the answer.");
        assertThat(requests.on(conversation)).isEmpty();
        assertThat(desk.canSee(conversation, lena)).isFalse();
    }

    @Test
    void theReportCountsEscalationsByDestinationAndTheTimeToResolution(Scenario scenario) {
        Instant start = MORNING.plus(Duration.ofDays(3)); // after every other test's escalations
        clock.freezeAt(start);
        Conversation second = conversationOnSupport("Invoice address wrong");
        Conversation third = conversationOnSupport("Refund not arrived");
        escalator.escalate(conversation, "team:" + billing.id().value(), "Double charge", false, maria);
        escalator.escalate(second, "team:" + billing.id().value(), "Invoice", false, maria);
        clock.advance(Duration.ofMinutes(30));
        escalator.escalate(third, "agent:" + fiona.id().value(), "Refund decision", true, maria);

        clock.advance(Duration.ofHours(3)); // the first is solved 3 h 30 min after its escalation
        scenario.stimulate(() -> desk.changeStatus(conversation.id(), maria, Status.SOLVED, null))
                .andWaitForStateChange(() -> report.between(start, start.plus(Duration.ofDays(1))).total()
                        .resolved(), resolved -> resolved == 1)
                .andVerify(resolved -> assertThat(resolved).isEqualTo(1));
        clock.advance(Duration.ofHours(2)); // the third 5 h after its escalation
        scenario.stimulate(() -> desk.changeStatus(third.id(), fiona, Status.SOLVED, null))
                .andWaitForStateChange(() -> report.between(start, start.plus(Duration.ofDays(1))).total()
                        .resolved(), resolved -> resolved == 2)
                .andVerify(resolved -> assertThat(resolved).isEqualTo(2));

        EscalationReport.Figures figures = report.between(start, start.plus(Duration.ofDays(1)));
        assertThat(figures.total().escalations()).isEqualTo(3);
        assertThat(figures.total().handedOver()).isEqualTo(1);
        assertThat(figures.total().medianToResolution()).isEqualTo(Duration.ofMinutes(255)); // (3.5 h + 5 h) / 2
        assertThat(figures.byDestination()).containsExactly(
                new EscalationReport.Line(billing.name() + " team", 2, 0, 1, Duration.ofMinutes(210)),
                new EscalationReport.Line(fiona.name(), 1, 1, 1, Duration.ofHours(5)));
        assertThat(figures.byTopic()).extracting(EscalationReport.Line::name).containsExactly("no path");
        assertThat(report.between(start.plus(Duration.ofDays(1)), start.plus(Duration.ofDays(2))).total()
                .escalations()).isZero();

        // reopened: no longer resolved
        scenario.stimulate(() -> desk.changeStatus(conversation.id(), maria, Status.OPEN, null))
                .andWaitForStateChange(() -> report.between(start, start.plus(Duration.ofDays(1))).total()
                        .resolved(), resolved -> resolved == 1)
                .andVerify(resolved -> assertThat(resolved).isEqualTo(1));
    }

    @Test
    void aCustomerWritingAgainReopensTheEscalationAndPlainMessagesAreNotStoredForIt(Scenario scenario) {
        escalator.escalate(conversation, "team:" + billing.id().value(), "Double charge", false, maria);
        scenario.stimulate(() -> desk.changeStatus(conversation.id(), maria, Status.SOLVED, null))
                .andWaitForStateChange(() -> resolvedAt(conversation), Optional::isPresent)
                .andVerify(resolved -> assertThat(resolved).isPresent());

        // the customer writes again: the conversation reopens ("reopened" is stored for this listener, "message" is
        // not), so the escalation is no longer resolved
        scenario.stimulate(() -> assertThat(storedForThisListener(() -> desk.receive(conversation.id(), "Alex Moreau",
                        "It happened again.", Channel.EMAIL))).isEqualTo(1))
                .andWaitForStateChange(() -> resolvedAt(conversation).isEmpty(), cleared -> cleared)
                .andVerify(cleared -> assertThat(desk.find(conversation.id()).orElseThrow().isOpen()).isTrue());

        // a message on an open conversation, and a new conversation, are not stored for it at all
        assertThat(storedForThisListener(() -> desk.receive(conversation.id(), "Alex Moreau", "Any news?",
                Channel.EMAIL))).isZero();
        assertThat(storedForThisListener(() -> conversationOnSupport("Another question"))).isZero();
    }

    /** The publications for EscalationResolutions that the work stores in its transaction (seen before commit). */
    private long storedForThisListener(Runnable work) {
        return transactions.execute(status -> {
            long before = jdbc.sql("select count(*) from event_publication where listener_id like ?")
                    .param("%EscalationResolutions%").query(Long.class).single();
            work.run();
            return jdbc.sql("select count(*) from event_publication where listener_id like ?")
                    .param("%EscalationResolutions%").query(Long.class).single() - before;
        });
    }

    private Optional<java.sql.Timestamp> resolvedAt(Conversation escalated) {
        return jdbc.sql("select resolved_at from escalation where conversation = ?").param(escalated.id().value())
                .query((rs, row) -> Optional.ofNullable(rs.getTimestamp(1))).single();
    }

    private Conversation conversationOnSupport(String subject) {
        return desk.start(new NewConversation(subject, new Requester("Alex Moreau",
                EmailAddress.of("alex-" + UUID.randomUUID() + "@example.com")), Channel.WEB_FORM,
                "I was charged twice for order 5521.", support.id()));
    }

    private static void assertRejected(Runnable action, String field, String message) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(EscalationRejected.class, rejected -> {
            assertThat(rejected.field()).isEqualTo(field);
            assertThat(rejected.getMessage()).isEqualTo(message);
        });
    }

    private SignedInAgent agent(String name, Role role, Set<Team.TeamId> teams) {
        var invited = roster.invite(name + " " + UUID.randomUUID().toString().substring(0, 6),
                EmailAddress.of(name.toLowerCase() + "-" + UUID.randomUUID() + "@example.com"), role, teams);
        return SignedInAgent.of(passwords.acceptInvitation(invited.invitationToken(), "a long enough password"));
    }
}
