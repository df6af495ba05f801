package dev.rapport.authority.web;

import dev.rapport.agents.Agent;
import dev.rapport.agents.Role;
import dev.rapport.agents.Roster;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.authority.Approvals;
import dev.rapport.authority.AuthorityLimit;
import dev.rapport.authority.AuthorityLimits;
import dev.rapport.authority.DiscretionGrant;
import dev.rapport.authority.Grants;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.Desk;
import dev.rapport.shared.Money;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Budgets and approvals, for leads and admins: what each agent spent of this month's discretion budget and what is
 * left, this month's grants with who granted what to which customer, the approvals still waiting (oldest first, with
 * their age) and the latest decisions.
 */
@Controller
class BudgetsController {

    private final Grants grants;
    private final AuthorityLimits limits;
    private final Approvals approvals;
    private final ApprovalViews views;
    private final Roster roster;
    private final Desk desk;

    BudgetsController(Grants grants, AuthorityLimits limits, Approvals approvals, ApprovalViews views, Roster roster,
                      Desk desk) {
        this.grants = grants;
        this.limits = limits;
        this.approvals = approvals;
        this.views = views;
        this.roster = roster;
        this.desk = desk;
    }

    /** One agent's month: their budget, what they spent and what is left. */
    record BudgetLine(String name, String role, Money perCase, Money budget, Money spent, Money left, int percent) {
    }

    /** A grant with the conversation and customer it was for. */
    record GrantLine(DiscretionGrant grant, Long conversationNumber, String customerName) {
    }

    @GetMapping("/authority/budgets")
    String page(@AuthenticationPrincipal SignedInAgent me, Model model) {
        if (me.role() != Role.ADMIN && me.role() != Role.LEAD) {
            throw new AccessDeniedException("Budgets and approvals are for leads and admins.");
        }
        model.addAttribute("budgets", roster.agents().stream().filter(Agent::isActive)
                .sorted(Comparator.comparing(Agent::name))
                .flatMap(agent -> budgetOf(agent).stream()).toList());
        model.addAttribute("grants", grants.grantedThisMonth(200).stream().map(this::lineOf).toList());
        model.addAttribute("waiting", views.of(approvals.waiting(me), me));
        model.addAttribute("decided", views.of(approvals.recentlyDecided(me, 20), me));
        return "authority/budgets";
    }

    private Optional<BudgetLine> budgetOf(Agent agent) {
        Optional<AuthorityLimit.Terms> terms = limits.discretionOf(agent.id().value(), agent.role()).terms();
        return terms.flatMap(t -> grants.spentThisMonth(agent.id().value(), agent.role()).map(spent -> {
            long budget = t.monthlyBudget().minorUnits();
            Money left = new Money(Math.max(0, budget - spent.minorUnits()), spent.currency());
            int percent = budget == 0 ? 100 : (int) Math.min(100, spent.minorUnits() * 100 / budget);
            return new BudgetLine(agent.name(), agent.role().label(), t.perCase(), t.monthlyBudget(), spent, left,
                    percent);
        }));
    }

    private GrantLine lineOf(DiscretionGrant grant) {
        Optional<Conversation> conversation = grant.conversation()
                .flatMap(id -> desk.find(new Conversation.ConversationId(id)));
        return new GrantLine(grant, conversation.map(Conversation::number).orElse(null),
                conversation.map(c -> c.requester().name()).orElse("—"));
    }
}
