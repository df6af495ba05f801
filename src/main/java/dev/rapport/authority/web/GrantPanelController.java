package dev.rapport.authority.web;

import dev.rapport.agents.SignedInAgent;
import dev.rapport.authority.AuthorityLimits;
import dev.rapport.authority.Discretion;
import dev.rapport.authority.GrantKind;
import dev.rapport.authority.GrantRejected;
import dev.rapport.authority.GrantRequest;
import dev.rapport.authority.Grants;
import dev.rapport.authority.NeedsApproval;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.Desk;
import dev.rapport.shared.Money;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sidebar's "Use my judgment" panel: what the agent may still grant this month and a form to grant a credit,
 * refund or exception at once. A grant beyond their limits comes back saying it needs an approval, everything typed
 * kept. Posted with htmx; the panel comes back.
 */
@Controller
class GrantPanelController {

    private final Desk desk;
    private final Grants grants;
    private final AuthorityLimits limits;

    GrantPanelController(Desk desk, Grants grants, AuthorityLimits limits) {
        this.desk = desk;
        this.grants = grants;
        this.limits = limits;
    }

    @GetMapping("/authority/conversation/{number}")
    String panel(@PathVariable long number, @AuthenticationPrincipal SignedInAgent me, Model model) {
        return panel(desk.visibleTo(number, me), me, Map.of("kind", GrantKind.CREDIT.name()), new HashMap<>(), model);
    }

    @PostMapping("/authority/conversation/{number}")
    String grant(@PathVariable long number, @AuthenticationPrincipal SignedInAgent me,
                 @RequestParam Map<String, String> form, Model model) {
        Conversation conversation = desk.visibleTo(number, me);
        Map<String, String> errors = new HashMap<>();
        try {
            grants.grant(request(conversation, form), me);
            model.addAttribute("panelNotice", "Granted. It is recorded with your reason"
                    + (GrantKind.EXCEPTION.name().equals(form.get("kind")) ? "." : " and owed to the customer."));
            return panel(conversation, me, Map.of("kind", GrantKind.CREDIT.name()), errors, model);
        } catch (GrantRejected rejected) {
            errors.put(rejected.field(), rejected.getMessage());
        } catch (NeedsApproval beyond) {
            errors.put("form", beyond.getMessage());
        }
        return panel(conversation, me, form, errors, model);
    }

    private GrantRequest request(Conversation conversation, Map<String, String> form) {
        GrantKind kind;
        try {
            kind = GrantKind.valueOf(form.getOrDefault("kind", ""));
        } catch (IllegalArgumentException unknown) {
            throw new GrantRejected("kind", "Choose a credit, a refund or an exception.");
        }
        var customer = conversation.customerId()
                .orElseThrow(() -> new GrantRejected("customerId", "This conversation has no customer yet."));
        if (kind == GrantKind.EXCEPTION) {
            return GrantRequest.exception(customer, conversation.id().value(), form.get("exception"),
                    form.get("reason"));
        }
        Money amount;
        try {
            amount = Money.of(form.get("amount"), form.get("currency"));
        } catch (IllegalArgumentException wrong) {
            throw new GrantRejected("amount", wrong.getMessage());
        }
        return new GrantRequest(customer, conversation.id().value(), kind, amount, null, form.get("reason"), null,
                null, null);
    }

    private String panel(Conversation conversation, SignedInAgent me, Map<String, String> typed,
                         Map<String, String> errors, Model model) {
        Discretion discretion = limits.discretionOf(me.id().value(), me.role());
        model.addAttribute("conversation", conversation);
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("unlimited", discretion.unlimited());
        model.addAttribute("limit", discretion.terms().orElse(null));
        model.addAttribute("left", grants.remainingThisMonth(me).orElse(null));
        model.addAttribute("exceptions", discretion.terms().map(terms -> terms.exceptions()).orElse(List.of()));
        model.addAttribute("currency", discretion.terms().map(terms -> terms.perCase().currencyCode())
                .orElse(typed.getOrDefault("currency", "USD")));
        return "authority/conversation :: panel";
    }
}
