package dev.rapport.authority;

import dev.rapport.agents.Passwords;
import dev.rapport.agents.Role;
import dev.rapport.agents.Roster;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.agents.Team;
import dev.rapport.business.BusinessProfile;
import dev.rapport.conversations.Channel;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.Desk;
import dev.rapport.conversations.NewConversation;
import dev.rapport.conversations.Requester;
import dev.rapport.owed.MoneyOwed;
import dev.rapport.owed.OwedKind;
import dev.rapport.owed.OwedLedger;
import dev.rapport.promises.Promise;
import dev.rapport.promises.PromiseLedger;
import dev.rapport.promises.PromiseState;
import dev.rapport.shared.ControllableClock;
import dev.rapport.shared.EmailAddress;
import dev.rapport.shared.Money;
import dev.rapport.support.TestBusiness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.PublishedEvents;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Approvals with a real database, the promise ledger, the money-owed ledger and the clock driven by hand (Monday
 * 09:00 UTC, 10:00 in Berlin). Maria (agent) and Lena (lead) share a team of their own, so routing is decided by
 * this test's people whatever else the database holds.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
class ApprovalsModuleTests {

    private static final Instant MONDAY_MORNING = Instant.parse("2026-11-23T09:00:00Z");
    private static final Instant TUESDAY_FIVE_PM = Instant.parse("2026-11-24T16:00:00Z");

    @Autowired Approvals approvals;
    @Autowired AuthorityLimits limits;
    @Autowired Grants grants;
    @Autowired OwedLedger owed;
    @Autowired PromiseLedger promises;
    @Autowired BusinessProfile profile;
    @Autowired Desk desk;
    @Autowired Roster roster;
    @Autowired Passwords passwords;
    @Autowired ControllableClock clock;

    private SignedInAgent admin;
    private SignedInAgent maria;
    private SignedInAgent lena;
    private Team accounting;
    private UUID customer;
    private UUID conversation;

    @BeforeEach
    void setUp() {
        TestBusiness.ensureSetUp(profile);
        clock.freezeAt(MONDAY_MORNING);
        admin = agent("Ada", Role.ADMIN, Set.of());
        Team support = roster.createTeam("Support " + UUID.randomUUID(), "Front line");
        accounting = roster.createTeam("Accounting " + UUID.randomUUID(), "Pays customers");
        maria = agent("Maria", Role.AGENT, Set.of(support.id()));
        lena = agent("Lena", Role.LEAD, Set.of(support.id()));
        Conversation started = desk.start(new NewConversation("Damaged order", new Requester("Alex Moreau",
                EmailAddress.of("alex-" + UUID.randomUUID() + "@example.com")), Channel.WEB_FORM,
                "Half the order arrived broken.", null));
        conversation = started.id().value();
        customer = started.customerId().orElseThrow();
        limits.setForRole(Role.AGENT, terms("50.00", "100.00", "Waive shipping"), admin);
        limits.setForRole(Role.LEAD, terms("500.00", "2000.00", "Waive shipping",
                "Sell a direct-only item to a dealer"), admin);
    }

    @AfterEach
    void resume() {
        clock.resume();
    }

    @Test
    void aCreditBeyondTheAgentsLimitGoesToTheirLeadAndPromisesTheCustomerWordByATime() {
        ApprovalRequest filed = approvals.file(credit("300.00"), TUESDAY_FIVE_PM, maria);

        assertThat(filed.approvers()).containsExactly(lena.id().value());
        assertThat(filed.routedTo()).isEqualTo(lena.name() + ", our team lead");
        assertThat(filed.isPending()).isTrue();
        Promise promise = promises.require(filed.promise().orElseThrow());
        assertThat(promise.owner()).contains(maria.id().value());
        assertThat(promise.contactBy()).contains(maria.id().value());
        assertThat(promise.dueAt()).isEqualTo(TUESDAY_FIVE_PM);
        assertThat(promise.conversation()).contains(conversation);
        assertThat(promise.what()).isEqualTo("I've taken a $300.00 goodwill credit to " + lena.name()
                + ", our team lead; you will hear from " + maria.name() + ".");
        assertThat(approvals.sentenceFor(filed)).isEqualTo("I've taken this to " + lena.name()
                + ", our team lead; you will hear from me by tomorrow at 5 pm.");
        assertThat(approvals.waitingFor(lena)).extracting(ApprovalRequest::id).contains(filed.id());
        assertThat(approvals.waitingFor(maria)).extracting(ApprovalRequest::id).doesNotContain(filed.id());
    }

    @Test
    void moreThanAnyLeadMayGrantGoesToTheAdmins() {
        ApprovalRequest filed = approvals.file(credit("900.00"), TUESDAY_FIVE_PM, maria);

        assertThat(filed.approvers()).contains(admin.id().value()).doesNotContain(lena.id().value(),
                maria.id().value());
        assertThat(approvals.waitingFor(lena)).extracting(ApprovalRequest::id).doesNotContain(filed.id());
        assertThat(approvals.waitingFor(admin)).extracting(ApprovalRequest::id).contains(filed.id());
        assertThatThrownBy(() -> approvals.approve(filed.id(), null, lena))
                .isInstanceOf(NotAnApprover.class)
                .hasMessageStartingWith("A $900.00 goodwill credit is beyond your own authority");
    }

    @Test
    void anExceptionGoesToWhoeverMayGrantThatException() {
        ApprovalRequest filed = approvals.file(GrantRequest.exception(customer, conversation,
                "Sell a direct-only item to a dealer", "Long-standing dealer, out of stock elsewhere"),
                TUESDAY_FIVE_PM, maria);

        assertThat(filed.approvers()).containsExactly(lena.id().value());
        assertThat(filed.what()).isEqualTo("the exception \"Sell a direct-only item to a dealer\"");
    }

    @Test
    void whatTheAgentMayGrantThemselvesIsNotFiledButAnExhaustedBudgetIs() {
        assertThatThrownBy(() -> approvals.file(credit("30.00"), TUESDAY_FIVE_PM, maria))
                .isInstanceOfSatisfying(GrantRejected.class, rejected -> {
                    assertThat(rejected.field()).isEqualTo("form");
                    assertThat(rejected).hasMessage("This is within your own limits: grant it yourself.");
                });

        grants.grant(credit("50.00"), maria);
        grants.grant(credit("40.00"), maria);
        ApprovalRequest filed = approvals.file(credit("20.00"), TUESDAY_FIVE_PM, maria);

        assertThat(filed.approvers()).containsExactly(lena.id().value());
    }

    @Test
    void anApprovedCreditIsOwedPaidByWhoeverWasNamedAndThePromisesWorkIsDone(PublishedEvents events) {
        ApprovalRequest filed = approvals.file(withPayerTeam(credit("300.00"), accounting), TUESDAY_FIVE_PM, maria);
        clock.advance(Duration.ofHours(2));

        ApprovalRequest approved = approvals.approve(filed.id(), "Fine: she has been with us ten years", lena);

        assertThat(approved.state()).isEqualTo(ApprovalState.APPROVED);
        assertThat(approved.deciderName()).contains(lena.name());
        assertThat(approved.decisionNote()).contains("Fine: she has been with us ten years");
        MoneyOwed entry = owed.require(approved.owedEntry().orElseThrow());
        assertThat(entry.amount()).isEqualTo(usd("300.00"));
        assertThat(entry.kind()).isEqualTo(OwedKind.GOODWILL);
        assertThat(entry.customer()).isEqualTo(customer);
        assertThat(entry.responsibleTeam()).contains(accounting.id().value());
        assertThat(promises.require(filed.promise().orElseThrow()).state()).isEqualTo(PromiseState.DONE);
        assertThat(StreamSupport.stream(events.ofType(ApprovalDecided.class).spliterator(), false))
                .anySatisfy(decided -> {
                    assertThat(decided.request()).isEqualTo(filed.id());
                    assertThat(decided.requester()).isEqualTo(maria.id().value());
                    assertThat(decided.approved()).isTrue();
                });
        assertThat(grants.remainingThisMonth(maria)).as("an approval takes nothing from her budget")
                .contains(usd("100.00"));
    }

    @Test
    void aDeclineNeedsAReasonOwesNothingAndStillLeavesTheCustomerToBeTold() {
        ApprovalRequest filed = approvals.file(credit("300.00"), TUESDAY_FIVE_PM, maria);

        assertThatThrownBy(() -> approvals.decline(filed.id(), "  ", lena))
                .isInstanceOfSatisfying(GrantRejected.class, rejected ->
                        assertThat(rejected.field()).isEqualTo("note"));
        ApprovalRequest declined = approvals.decline(filed.id(), "Offer a replacement instead", lena);

        assertThat(declined.state()).isEqualTo(ApprovalState.DECLINED);
        assertThat(declined.owedEntry()).isEmpty();
        assertThat(owed.onConversation(conversation)).isEmpty();
        Promise promise = promises.require(filed.promise().orElseThrow());
        assertThat(promise.state()).as("decided, but the customer is not told yet").isEqualTo(PromiseState.DONE);
    }

    @Test
    void nobodyDecidesTheirOwnRequest() {
        ApprovalRequest leadsOwn = approvals.file(credit("700.00"), TUESDAY_FIVE_PM, lena);

        assertThatThrownBy(() -> approvals.approve(leadsOwn.id(), null, lena))
                .isInstanceOf(NotAnApprover.class)
                .hasMessageStartingWith("You cannot decide your own request");
        assertThat(approvals.waitingFor(lena)).extracting(ApprovalRequest::id).doesNotContain(leadsOwn.id());
        assertThat(leadsOwn.approvers()).doesNotContain(lena.id().value());
    }

    @Test
    void aSecondDecisionIsRefusedNamingWhoDecidedFirst() {
        ApprovalRequest filed = approvals.file(credit("300.00"), TUESDAY_FIVE_PM, maria);
        approvals.approve(filed.id(), null, lena);

        assertThatThrownBy(() -> approvals.decline(filed.id(), "No", admin))
                .isInstanceOf(AlreadyDecided.class)
                .hasMessage(lena.name() + " already approved this request; nothing changed.");
        assertThat(owed.onConversation(conversation)).hasSize(1);
    }

    @Test
    void twoApproversAtTheSameMomentMakeExactlyOneDecisionAndOneDebt() throws Exception {
        ApprovalRequest filed = approvals.file(credit("300.00"), TUESDAY_FIVE_PM, maria);
        CyclicBarrier together = new CyclicBarrier(2);
        List<Callable<Object>> both = new ArrayList<>();
        for (SignedInAgent approver : List.of(lena, admin)) {
            both.add(() -> {
                together.await();
                try {
                    return approvals.approve(filed.id(), null, approver);
                } catch (AlreadyDecided second) {
                    return second;
                }
            });
        }
        List<Object> outcomes = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            for (Future<Object> outcome : pool.invokeAll(both)) {
                outcomes.add(outcome.get());
            }
        }

        assertThat(outcomes).filteredOn(ApprovalRequest.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(AlreadyDecided.class::isInstance).hasSize(1);
        assertThat(owed.onConversation(conversation)).hasSize(1);
    }

    @Test
    void aTimeAlreadyPassedOrATeammateFilingIsRefused() {
        assertThatThrownBy(() -> approvals.file(credit("300.00"), MONDAY_MORNING.minusSeconds(60), maria))
                .isInstanceOfSatisfying(GrantRejected.class, rejected ->
                        assertThat(rejected.field()).isEqualTo("hearBy"));
        assertThatThrownBy(() -> approvals.file(credit("300.00"), null, maria))
                .isInstanceOfSatisfying(GrantRejected.class, rejected ->
                        assertThat(rejected.field()).isEqualTo("hearBy"));
        SignedInAgent priya = agent("Priya", Role.TEAMMATE, Set.of(accounting.id()));
        assertThatThrownBy(() -> approvals.file(credit("300.00"), TUESDAY_FIVE_PM, priya))
                .isInstanceOf(NotAnApprover.class);
    }

    @Test
    void onlyTheRequesterItsApproversAndLeadsSeeARequest() {
        ApprovalRequest filed = approvals.file(credit("300.00"), TUESDAY_FIVE_PM, maria);
        SignedInAgent tom = agent("Tom", Role.AGENT, Set.of());

        assertThat(approvals.visibleTo(filed.id(), maria).id()).isEqualTo(filed.id());
        assertThat(approvals.visibleTo(filed.id(), lena).id()).isEqualTo(filed.id());
        assertThatThrownBy(() -> approvals.visibleTo(filed.id(), tom)).isInstanceOf(NotAnApprover.class);
        assertThatThrownBy(() -> approvals.waiting(tom)).isInstanceOf(NotAnApprover.class);
    }

    private GrantRequest credit(String amount) {
        return GrantRequest.credit(customer, conversation, usd(amount), "Half the order arrived broken");
    }

    private static GrantRequest withPayerTeam(GrantRequest request, Team team) {
        return new GrantRequest(request.customer(), request.conversation(), request.kind(), request.amount(),
                request.exception(), request.reason(), null, team.id().value(), null);
    }

    private static AuthorityLimit.Terms terms(String perCase, String budget, String... exceptions) {
        return new AuthorityLimit.Terms(usd(perCase), usd(budget), List.of(exceptions));
    }

    private static Money usd(String amount) {
        return Money.of(amount, "USD");
    }

    private SignedInAgent agent(String name, Role role, Set<Team.TeamId> teams) {
        var invited = roster.invite(name + " " + UUID.randomUUID().toString().substring(0, 6),
                EmailAddress.of(name.toLowerCase() + "-" + UUID.randomUUID() + "@example.com"), role, teams);
        return SignedInAgent.of(passwords.acceptInvitation(invited.invitationToken(), "a long enough password"));
    }
}
