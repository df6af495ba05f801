package dev.rapport.authority;

import dev.rapport.agents.SignedInAgent;
import dev.rapport.business.BusinessCalendar;
import dev.rapport.owed.MoneyOwed;
import dev.rapport.owed.OwedLedger;
import dev.rapport.owed.OwedRejected;
import dev.rapport.shared.Money;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
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

    private final DiscretionGrants grants;
    private final AuthorityLimits limits;
    private final OwedLedger owed;
    private final BusinessCalendar calendar;
    private final AuthoritySettings settings;
    private final Clock clock;

    Grants(DiscretionGrants grants, AuthorityLimits limits, OwedLedger owed, BusinessCalendar calendar,
           AuthoritySettings settings, Clock clock) {
        this.grants = grants;
        this.limits = limits;
        this.owed = owed;
        this.calendar = calendar;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * @throws GrantRejected naming the field at fault (no customer, kind, amount or exception; a blank reason; what the
     *                       money-owed ledger refuses)
     * @throws NeedsApproval beyond the agent's limits, saying which
     */
    @Transactional
    public DiscretionGrant grant(GrantRequest request, SignedInAgent by) {
        checkWellFormed(request);
        Instant now = clock.instant();
        YearMonth month = monthOf(now);
        Discretion discretion = limits.discretionOf(by.id().value(), by.role());
        if (request.kind().isMoney()) {
            checkWithinBudget(request.amount(), discretion, by.id().value(), month);
        } else if (!discretion.mayGrant(request.exception())) {
            throw new NeedsApproval("You may not grant \"" + request.exception().strip() + "\" on your own." + APPROVAL);
        }
        DiscretionGrant grant = DiscretionGrant.of(request, by.id().value(), by.name(), now, month);
        if (request.kind().isMoney()) {
            grant.owedAs(recordOwed(request, by, now).id());
        }
        return grants.save(grant);
    }

    /** What is left of an agent's budget this month, in their limit's currency; empty when unlimited or none. */
    @Transactional(readOnly = true)
    public java.util.Optional<Money> remainingThisMonth(SignedInAgent agent) {
        Discretion discretion = limits.discretionOf(agent.id().value(), agent.role());
        return discretion.terms().map(terms -> remaining(terms.monthlyBudget(), agent.id().value(),
                monthOf(clock.instant())));
    }

    /** The newest grants made before a time, for leads to look through. */
    @Transactional(readOnly = true)
    public List<DiscretionGrant> newestBefore(Instant before, int size) {
        return grants.newestBefore(before, Math.clamp(size, 1, 100));
    }

    YearMonth monthOf(Instant instant) {
        return YearMonth.from(instant.atZone(calendar.zone()));
    }

    private void checkWithinBudget(Money amount, Discretion discretion, UUID agent, YearMonth month) {
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
        Money left = remaining(terms.monthlyBudget(), agent, month);
        if (amount.minorUnits() > left.minorUnits()) {
            throw new NeedsApproval(amount + " is more than the " + left + " left of your budget for "
                    + month.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + month.getYear() + "."
                    + APPROVAL);
        }
    }

    private Money remaining(Money budget, UUID agent, YearMonth month) {
        long spent = grants.spent(agent, month.toString(), budget.currencyCode());
        return new Money(Math.max(0, budget.minorUnits() - spent), budget.currency());
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

    private static void checkWellFormed(GrantRequest request) {
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
    }
}
