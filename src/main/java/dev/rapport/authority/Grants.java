package dev.rapport.authority;

import dev.rapport.agents.SignedInAgent;
import dev.rapport.business.BusinessCalendar;
import dev.rapport.owed.MoneyOwed;
import dev.rapport.owed.OwedLedger;
import dev.rapport.owed.OwedRejected;
import dev.rapport.shared.KeysetCursor;
import dev.rapport.shared.Money;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Agents' own judgment, used at once: a credit, refund or exception inside their limits is granted without asking,
 * recorded with its reason and taken from this month's budget (months in the business's time zone). A granted credit
 * or refund is owed to the customer in the money-owed ledger. Anything beyond the limits is refused as needing an
 * approval; nothing inside them is ever blocked.
 */
@Service
public class Grants {

    private static final String APPROVAL = " That needs an approval.";
    private static final int ATTEMPTS = 5;

    private final DiscretionGrants grants;
    private final MonthlySpends spends;
    private final TransactionTemplate transactions;
    private final AuthorityLimits limits;
    private final OwedLedger owed;
    private final BusinessCalendar calendar;
    private final AuthoritySettings settings;
    private final Clock clock;

    Grants(DiscretionGrants grants, MonthlySpends spends, AuthorityLimits limits, OwedLedger owed,
           BusinessCalendar calendar, AuthoritySettings settings, Clock clock,
           PlatformTransactionManager transactionManager) {
        this.grants = grants;
        this.spends = spends;
        this.transactions = new TransactionTemplate(transactionManager);
        this.limits = limits;
        this.owed = owed;
        this.calendar = calendar;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Grants at once, in its own transaction; when another grant of the same agent takes from the same month's budget
     * at the same moment, it is weighed again against what that one left.
     *
     * @throws GrantRejected naming the field at fault (no customer, kind, amount or exception; a blank reason; what the
     *                       money-owed ledger refuses)
     * @throws NeedsApproval beyond the agent's limits, saying which
     */
    public DiscretionGrant grant(GrantRequest request, SignedInAgent by) {
        checkWellFormed(request);
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> grantOnce(request, by));
            } catch (RuntimeException failure) {
                if (attempt == ATTEMPTS || !takenMeanwhile(failure)) {
                    throw failure;
                }
            }
        }
    }

    private DiscretionGrant grantOnce(GrantRequest request, SignedInAgent by) {
        Instant now = clock.instant();
        YearMonth month = monthOf(now);
        Discretion discretion = limits.discretionOf(by.id().value(), by.role());
        if (request.kind().isMoney()) {
            spend(request.amount(), discretion, by.id().value(), month);
        } else if (!discretion.mayGrant(request.exception())) {
            throw new NeedsApproval("You may not grant \"" + request.exception().strip() + "\" on your own." + APPROVAL);
        }
        DiscretionGrant grant = DiscretionGrant.of(request, by.id().value(), by.name(), now, month);
        if (request.kind().isMoney()) {
            grant.owedAs(recordOwed(request, by, now).id());
        }
        return grants.save(grant);
    }

    /** Another grant changed, or first made, the same month's spending at the same moment. */
    private static boolean takenMeanwhile(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyFailureException || cause instanceof DataIntegrityViolationException) {
                return true;
            }
        }
        return false;
    }

    /** What is left of an agent's budget this month, in their limit's currency; empty when unlimited or none. */
    @Transactional(readOnly = true)
    public Optional<Money> remainingThisMonth(SignedInAgent agent) {
        Discretion discretion = limits.discretionOf(agent.id().value(), agent.role());
        return discretion.terms().map(terms -> spendOf(agent.id().value(), monthOf(clock.instant()),
                terms.monthlyBudget()).leftOf(terms.monthlyBudget()));
    }

    /** What an agent has spent of this month's budget, in their limit's currency; empty when unlimited or none. */
    @Transactional(readOnly = true)
    public Optional<Money> spentThisMonth(UUID agent, dev.rapport.agents.Role role) {
        Discretion discretion = limits.discretionOf(agent, role);
        return discretion.terms().map(terms -> spendOf(agent, monthOf(clock.instant()), terms.monthlyBudget())
                .spent());
    }

    /** This month's grants (of the business's calendar), newest first. */
    @Transactional(readOnly = true)
    public List<DiscretionGrant> grantedThisMonth(int size) {
        return grants.inMonth(monthOf(clock.instant()).toString(), Math.clamp(size, 1, 500));
    }

    /** A page of grants, newest first, and the cursor of the next (older) page or null. */
    public record Page(List<DiscretionGrant> grants, String next) {
    }

    /**
     * Grants newest first, for leads to look through; {@code after} is a page's {@code next}, null for the first.
     *
     * @throws IllegalArgumentException for a cursor this did not write
     */
    @Transactional(readOnly = true)
    public Page newest(String after, int size) {
        int limit = Math.clamp(size, 1, 100);
        List<DiscretionGrant> found;
        if (after == null || after.isBlank()) {
            found = grants.newest(limit + 1);
        } else {
            KeysetCursor cursor = KeysetCursor.parse(after);
            found = grants.newestBefore(cursor.at(), UUID.fromString(cursor.tieBreaker()), limit + 1);
        }
        if (found.size() <= limit) {
            return new Page(found, null);
        }
        List<DiscretionGrant> page = found.subList(0, limit);
        return new Page(List.copyOf(page), new KeysetCursor(page.getLast().grantedAt(),
                page.getLast().id().toString()).encode());
    }

    YearMonth monthOf(Instant instant) {
        return YearMonth.from(instant.atZone(calendar.zone()));
    }

    /** Takes the amount from the month's budget, or refuses it as needing an approval. */
    private void spend(Money amount, Discretion discretion, UUID agent, YearMonth month) {
        if (discretion.unlimited()) {
            return;
        }
        AuthorityLimit.Terms terms = discretion.terms().orElseThrow(() -> new NeedsApproval(
                "You have no discretion to grant credits or refunds on your own." + APPROVAL));
        if (!terms.perCase().currency().equals(amount.currency())) {
            throw new NeedsApproval("Your limits are in " + terms.perCase().currencyCode() + ", not "
                    + amount.currencyCode() + "." + APPROVAL);
        }
        if (amount.minorUnits() > terms.perCase().minorUnits()) {
            throw new NeedsApproval(amount + " is more than the " + terms.perCase() + " you may grant per case."
                    + APPROVAL);
        }
        MonthlySpend spend = spendOf(agent, month, terms.monthlyBudget());
        Money left = spend.leftOf(terms.monthlyBudget());
        if (amount.minorUnits() > left.minorUnits()) {
            throw new NeedsApproval(amount + " is more than the " + left + " left of your budget for "
                    + month.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + month.getYear() + "."
                    + APPROVAL);
        }
        spend.add(amount);
        spends.save(spend);
    }

    private MonthlySpend spendOf(UUID agent, YearMonth month, Money budget) {
        return spends.findByAgentAndBudgetMonthAndCurrency(agent, month.toString(), budget.currencyCode())
                .orElseGet(() -> MonthlySpend.nothingYet(agent, month, budget.currency()));
    }

    private MoneyOwed recordOwed(GrantRequest request, SignedInAgent by, Instant now) {
        boolean someoneNamed = request.responsibleAgent() != null || request.responsibleTeam() != null;
        Instant dueAt = request.dueAt() != null ? request.dueAt() : now.plus(Duration.ofDays(settings.daysToPay()));
        try {
            return owed.record(new MoneyOwed.Terms(request.customer(), request.conversation(), request.amount(),
                    request.kind().owedAs(), request.reason().strip(),
                    someoneNamed ? request.responsibleAgent() : by.id().value(), request.responsibleTeam(), dueAt,
                    null, null), by.name());
        } catch (OwedRejected rejected) {
            throw new GrantRejected(rejected.field(), rejected.getMessage());
        }
    }

    static void checkWellFormed(GrantRequest request) {
        if (request.customer() == null) {
            throw new GrantRejected("customerId", "Say which customer it is for.");
        }
        if (request.kind() == null) {
            throw new GrantRejected("kind", "Say what you grant: a credit, a refund or an exception.");
        }
        if (request.reason() == null || request.reason().isBlank()) {
            throw new GrantRejected("reason", "Say why you grant it.");
        }
        if (request.reason().strip().length() > 1000) {
            throw new GrantRejected("reason", "Keep the reason under 1000 characters.");
        }
        if (request.kind().isMoney() && (request.amount() == null || request.amount().minorUnits() <= 0)) {
            throw new GrantRejected("amount", "Say how much, more than zero.");
        }
        if (!request.kind().isMoney() && (request.exception() == null || request.exception().isBlank())) {
            throw new GrantRejected("exception", "Say which exception you grant.");
        }
        if (!request.kind().isMoney() && request.amount() != null) {
            throw new GrantRejected("amount", "An exception has no amount; grant a credit or a refund for money.");
        }
    }
}
