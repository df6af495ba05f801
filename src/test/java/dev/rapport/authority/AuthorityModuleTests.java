package dev.rapport.authority;

import dev.rapport.agents.Passwords;
import dev.rapport.agents.Role;
import dev.rapport.agents.Roster;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.business.BusinessCalendar;
import dev.rapport.business.BusinessProfile;
import dev.rapport.conversations.Channel;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.Desk;
import dev.rapport.conversations.NewConversation;
import dev.rapport.conversations.Requester;
import dev.rapport.owed.MoneyOwed;
import dev.rapport.owed.OwedKind;
import dev.rapport.owed.OwedLedger;
import dev.rapport.shared.ControllableClock;
import dev.rapport.shared.EmailAddress;
import dev.rapport.shared.Money;
import dev.rapport.support.TestBusiness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Limits and grants with a real database, the money-owed ledger and the clock driven by hand, in Europe/Berlin. */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
class AuthorityModuleTests {

    private static final Instant MONDAY_MORNING = Instant.parse("2026-11-23T09:00:00Z");

    @Autowired AuthorityLimits limits;
    @Autowired Grants grants;
    @Autowired OwedLedger owed;
    @Autowired BusinessProfile profile;
    @Autowired BusinessCalendar calendar;
    @Autowired Desk desk;
    @Autowired Roster roster;
    @Autowired Passwords passwords;
    @Autowired ControllableClock clock;

    private SignedInAgent admin;
    private SignedInAgent maria;
    private UUID customer;
    private UUID conversation;

    @BeforeEach
    void setUp() {
        TestBusiness.ensureSetUp(profile);
        clock.freezeAt(MONDAY_MORNING);
        admin = agent("Ada", Role.ADMIN);
        maria = agent("Maria", Role.AGENT);
        Conversation started = desk.start(new NewConversation("Damaged order", new Requester("Alex Moreau",
                EmailAddress.of("alex-" + UUID.randomUUID() + "@example.com")), Channel.WEB_FORM,
                "Half the order arrived broken.", null));
        conversation = started.id().value();
        customer = started.customerId().orElseThrow();
        limits.setForRole(Role.AGENT, terms("50.00", "100.00", "Waive shipping"), admin);
    }

    @AfterEach
    void resume() {
        clock.resume();
    }

    @Test
    void aCreditInsideTheLimitsIsGrantedAtOnceAndOwedToTheCustomer() {
        DiscretionGrant grant = grants.grant(GrantRequest.credit(customer, conversation, usd("30.00"),
                "Half the order arrived broken"), maria);

        assertThat(grant.amount()).contains(usd("30.00"));
        assertThat(grant.agentName()).isEqualTo("Maria");
        assertThat(grant.budgetMonth()).isEqualTo(YearMonth.of(2026, 11));
        MoneyOwed entry = owed.require(grant.owedEntry().orElseThrow());
        assertThat(entry.amount()).isEqualTo(usd("30.00"));
        assertThat(entry.kind()).isEqualTo(OwedKind.GOODWILL);
        assertThat(entry.customer()).isEqualTo(customer);
        assertThat(entry.responsibleAgent()).contains(maria.id().value());
        assertThat(entry.dueAt()).isEqualTo(MONDAY_MORNING.plus(Duration.ofDays(7)));
        assertThat(grants.remainingThisMonth(maria)).contains(usd("70.00"));
    }

    @Test
    void leadsPageThroughEveryGrantOnceEvenWhenSeveralWereMadeAtTheSameInstant() {
        List<UUID> made = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            made.add(grants.grant(GrantRequest.exception(customer, conversation, "Waive shipping", "Again " + i),
                    maria).id());
        }

        List<UUID> seen = new ArrayList<>();
        Grants.Page page = grants.newest(null, 2);
        seen.addAll(page.grants().stream().map(DiscretionGrant::id).toList());
        while (page.next() != null) {
            page = grants.newest(page.next(), 2);
            seen.addAll(page.grants().stream().map(DiscretionGrant::id).toList());
        }

        assertThat(seen).containsAll(made).doesNotHaveDuplicates();
    }

    @Test
    void aCreditAboveThePerCaseLimitNeedsAnApprovalAndNothingIsGranted() {
        assertThatThrownBy(() -> grants.grant(GrantRequest.refund(customer, conversation, usd("50.01"),
                "Broken engine"), maria))
                .isInstanceOf(NeedsApproval.class)
                .hasMessage("$50.01 is more than the $50.00 you may grant per case. That needs an approval.");

        assertThat(grants.remainingThisMonth(maria)).contains(usd("100.00"));
        assertThat(owed.forCustomer(customer)).isEmpty();
    }

    @Test
    void theBudgetRunsOutInNovemberAndComesBackAtMidnightInBerlinNotInUtc() {
        assertThat(calendar.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        clock.freezeAt(Instant.parse("2026-11-30T22:30:00Z"));
        grants.grant(GrantRequest.credit(customer, conversation, usd("50.00"), "Late delivery"), maria);
        grants.grant(GrantRequest.credit(customer, conversation, usd("45.00"), "Missing manual"), maria);

        clock.freezeAt(Instant.parse("2026-11-30T22:59:59Z"));
        assertThatThrownBy(() -> grants.grant(GrantRequest.credit(customer, conversation, usd("10.00"),
                "Scratched box"), maria))
                .isInstanceOf(NeedsApproval.class)
                .hasMessage("$10.00 is more than the $5.00 left of your budget for November 2026. "
                        + "That needs an approval.");

        clock.freezeAt(Instant.parse("2026-11-30T23:00:00Z"));
        DiscretionGrant december = grants.grant(GrantRequest.credit(customer, conversation, usd("10.00"),
                "Scratched box"), maria);

        assertThat(december.budgetMonth()).isEqualTo(YearMonth.of(2026, 12));
        assertThat(grants.remainingThisMonth(maria)).contains(usd("90.00"));
    }

    @Test
    void aGrantJustAfterMidnightInBerlinCountsForTheNewMonthThoughUtcIsStillInTheOld() {
        clock.freezeAt(Instant.parse("2026-10-31T23:30:00Z"));

        DiscretionGrant grant = grants.grant(GrantRequest.credit(customer, conversation, usd("20.00"),
                "Late delivery"), maria);

        assertThat(grant.budgetMonth()).isEqualTo(YearMonth.of(2026, 11));
        clock.freezeAt(MONDAY_MORNING);
        assertThat(grants.remainingThisMonth(maria)).contains(usd("80.00"));
    }

    @Test
    void anAgentsOwnLimitReplacesTheirRolesAndRemovingItGoesBack() {
        limits.setForAgent(maria.id().value(), terms("200.00", "500.00"), admin);
        grants.grant(GrantRequest.credit(customer, conversation, usd("150.00"), "Ruined birthday"), maria);
        assertThat(grants.remainingThisMonth(maria)).contains(usd("350.00"));

        limits.removeForAgent(maria.id().value(), admin);

        assertThatThrownBy(() -> grants.grant(GrantRequest.credit(customer, conversation, usd("60.00"),
                "Ruined birthday"), maria)).isInstanceOf(NeedsApproval.class);
        assertThat(grants.remainingThisMonth(maria)).as("the role's budget, less what she spent").contains(new Money(0, Money.currency("USD")));
    }

    @Test
    void aNamedExceptionIsGrantedOnlyWhenTheLimitNamesIt() {
        DiscretionGrant waived = grants.grant(GrantRequest.exception(customer, conversation, "waive shipping",
                "Second broken parcel"), maria);
        assertThat(waived.exception()).contains("waive shipping");
        assertThat(waived.owedEntry()).isEmpty();

        assertThatThrownBy(() -> grants.grant(GrantRequest.exception(customer, conversation,
                "Sell a direct-only item to a dealer", "Good customer"), maria))
                .isInstanceOf(NeedsApproval.class)
                .hasMessage("You may not grant \"Sell a direct-only item to a dealer\" on your own. "
                        + "That needs an approval.");
    }

    @Test
    void adminsAreUnlimitedAndTeammatesHaveNoDiscretionUnlessSet() {
        DiscretionGrant big = grants.grant(GrantRequest.refund(customer, conversation, usd("5000.00"),
                "Whole order lost"), admin);
        assertThat(big.owedEntry()).isPresent();

        SignedInAgent priya = agent("Priya", Role.TEAMMATE);
        assertThatThrownBy(() -> grants.grant(GrantRequest.credit(customer, conversation, usd("1.00"),
                "Sorry"), priya))
                .isInstanceOf(NeedsApproval.class)
                .hasMessage("You have no discretion to grant credits or refunds on your own. That needs an approval.");
    }

    @Test
    void aCreditInAnotherCurrencyThanTheLimitNeedsAnApproval() {
        assertThatThrownBy(() -> grants.grant(GrantRequest.credit(customer, conversation, Money.of("10.00", "EUR"),
                "Sorry"), maria))
                .isInstanceOf(NeedsApproval.class)
                .hasMessage("Your limits are in USD, not EUR. That needs an approval.");
    }

    @Test
    void everyChangeToALimitIsAuditedWithWhoAndWhat() {
        limits.setForAgent(maria.id().value(), terms("75.00", "300.00", "Waive shipping"), admin);
        clock.advance(Duration.ofMinutes(1));
        limits.removeForAgent(maria.id().value(), admin);

        assertThat(limits.history(200)).filteredOn(line -> line.subject().equals("agent " + maria.id().value()))
                .extracting(AuthorityLimits.AuditLine::action, AuthorityLimits.AuditLine::by,
                        AuthorityLimits.AuditLine::detail)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("REMOVED", "Ada", "back to the role's limits"),
                        org.assertj.core.groups.Tuple.tuple("SET", "Ada",
                                "$75.00 per case, $300.00 a month, exceptions: Waive shipping"));
    }

    @Test
    void onlyAdminsChangeLimits() {
        assertThatThrownBy(() -> limits.setForRole(Role.AGENT, terms("1000.00", "1000.00"), maria))
                .isInstanceOf(AuthorityLimits.NotAnAdmin.class);
        assertThatThrownBy(() -> limits.setForAgent(maria.id().value(), terms("1000.00", "1000.00"), maria))
                .isInstanceOf(AuthorityLimits.NotAnAdmin.class);
        assertThatThrownBy(() -> limits.setForRole(Role.ADMIN, terms("1.00", "1.00"), admin))
                .isInstanceOf(LimitRejected.class);
    }

    @Test
    void twoFirstGrantsOfTheMonthAtTheSameMomentNeverSpendMoreThanTheBudget() throws Exception {
        limits.setForAgent(maria.id().value(), terms("60.00", "100.00"), admin);

        List<Object> outcomes = twoAtOnce(usd("60.00"));

        assertThat(outcomes).filteredOn(DiscretionGrant.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(NeedsApproval.class::isInstance).singleElement()
                .extracting(refused -> ((NeedsApproval) refused).getMessage())
                .isEqualTo("$60.00 is more than the $40.00 left of your budget for November 2026. "
                        + "That needs an approval.");
        assertThat(grants.remainingThisMonth(maria)).contains(usd("40.00"));
        assertThat(owed.forCustomer(customer)).hasSize(1);
    }

    @Test
    void twoLaterGrantsAtTheSameMomentNeverSpendMoreThanTheBudget() throws Exception {
        limits.setForAgent(maria.id().value(), terms("60.00", "100.00"), admin);
        grants.grant(GrantRequest.credit(customer, conversation, usd("10.00"), "Late delivery"), maria);

        List<Object> outcomes = twoAtOnce(usd("60.00"));

        assertThat(outcomes).filteredOn(DiscretionGrant.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(NeedsApproval.class::isInstance).hasSize(1);
        assertThat(grants.remainingThisMonth(maria)).contains(usd("30.00"));
        assertThat(owed.forCustomer(customer)).hasSize(2);
    }

    private List<Object> twoAtOnce(Money amount) throws Exception {
        CyclicBarrier together = new CyclicBarrier(2);
        Callable<Object> grantIt = () -> {
            together.await();
            try {
                return grants.grant(GrantRequest.credit(customer, conversation, amount, "Broken box"), maria);
            } catch (NeedsApproval refused) {
                return refused;
            }
        };
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> outcome : two.invokeAll(List.of(grantIt, grantIt))) {
                outcomes.add(outcome.get());
            }
            return outcomes;
        } finally {
            two.shutdown();
        }
    }

    @Test
    void anExceptionWithAnAmountIsRejectedNamingTheAmount() {
        assertThatThrownBy(() -> grants.grant(new GrantRequest(customer, conversation, GrantKind.EXCEPTION,
                usd("5.00"), "Waive shipping", "Sorry", null, null, null), maria))
                .isInstanceOfSatisfying(GrantRejected.class, rejected ->
                        assertThat(rejected.field()).isEqualTo("amount"));
    }

    @Test
    void aGrantWithoutAReasonIsRejectedNamingTheField() {
        assertThatThrownBy(() -> grants.grant(GrantRequest.credit(customer, conversation, usd("5.00"), " "), maria))
                .isInstanceOfSatisfying(GrantRejected.class, rejected ->
                        assertThat(rejected.field()).isEqualTo("reason"));
    }

    private static AuthorityLimit.Terms terms(String perCase, String budget, String... exceptions) {
        return new AuthorityLimit.Terms(usd(perCase), usd(budget), List.of(exceptions));
    }

    private static Money usd(String amount) {
        return Money.of(amount, "USD");
    }

    private SignedInAgent agent(String name, Role role) {
        var invited = roster.invite(name, EmailAddress.of(name.toLowerCase() + "-" + UUID.randomUUID()
                + "@example.com"), role, Set.of());
        return SignedInAgent.of(passwords.acceptInvitation(invited.invitationToken(), "a long enough password"));
    }
}
