package dev.rapport.owed.web;

import dev.rapport.agents.Role;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.owed.MoneyOwed;
import dev.rapport.owed.OwedLedger;
import dev.rapport.owed.OwedRejected;
import dev.rapport.owed.OwedSearch;
import dev.rapport.owed.OwedState;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * "Money we owe": the entries the signed-in person or their teams are to pay, oldest first, each paid in one click
 * with its reference; leads and admins see everyone's, with filters. Pay and cancel post with htmx and get their row
 * back (a mistake shown in the row, the reference typed kept); without JavaScript they come back to the page.
 */
@Controller
class MoneyWeOweController {

    private final OwedLedger ledger;
    private final OwedSearch search;
    private final OwedViews views;
    private final ConversationOwedController choices;

    MoneyWeOweController(OwedLedger ledger, OwedSearch search, OwedViews views, ConversationOwedController choices) {
        this.ledger = ledger;
        this.search = search;
        this.views = views;
        this.choices = choices;
    }

    /** What the page lists, as chosen in its filters. */
    record Shown(String state, String responsible, boolean overdue, boolean everyone) {
    }

    @GetMapping("/owed")
    String page(@AuthenticationPrincipal SignedInAgent me, @RequestParam(defaultValue = "OWED") String state,
                @RequestParam(defaultValue = "") String responsible, @RequestParam(defaultValue = "false") boolean overdue,
                @RequestParam(required = false) String after, Model model) {
        boolean everyone = me.role() == Role.LEAD || me.role() == Role.ADMIN;
        Shown shown = new Shown(state, responsible, overdue, everyone);
        OwedSearch.Page page;
        try {
            page = search.page(filter(shown, me), me, after, 50);
        } catch (IllegalArgumentException badCursorOrState) {
            page = search.page(filter(new Shown("OWED", "", false, everyone), me), me, null, 50);
        }
        model.addAttribute("rows", views.of(page.entries(), me));
        model.addAttribute("next", page.next());
        model.addAttribute("shown", shown);
        model.addAttribute("responsibleChoices", choices.responsibleChoices());
        return "owed/list";
    }

    static OwedSearch.Filter filter(Shown shown, SignedInAgent me) {
        Set<OwedState> states = shown.state().isBlank() || shown.state().equals("ALL") ? Set.of()
                : Set.of(OwedState.valueOf(shown.state()));
        UUID agent = null;
        UUID team = null;
        if (shown.everyone() && shown.responsible().startsWith("agent:")) {
            agent = UUID.fromString(shown.responsible().substring(6));
        } else if (shown.everyone() && shown.responsible().startsWith("team:")) {
            team = UUID.fromString(shown.responsible().substring(5));
        }
        boolean mine = !shown.everyone() || shown.responsible().equals("mine");
        return new OwedSearch.Filter(states, agent, team, null, shown.overdue() ? Boolean.TRUE : null, mine);
    }

    @PostMapping("/owed/{id}/pay")
    String pay(@PathVariable UUID id, @RequestParam(defaultValue = "") String reference,
               @AuthenticationPrincipal SignedInAgent me,
               @RequestHeader(value = "HX-Request", required = false) String htmx, Model model,
               RedirectAttributes flash) {
        return settle(id, me, htmx, model, flash, () -> ledger.pay(id, reference, me),
                "Marked paid. Whoever tells the customer has it on their promises.", reference);
    }

    @PostMapping("/owed/{id}/cancel")
    String cancel(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason,
                  @AuthenticationPrincipal SignedInAgent me,
                  @RequestHeader(value = "HX-Request", required = false) String htmx, Model model,
                  RedirectAttributes flash) {
        return settle(id, me, htmx, model, flash, () -> ledger.cancel(id, reason, me), "Cancelled.", "");
    }

    private String settle(UUID id, SignedInAgent me, String htmx, Model model, RedirectAttributes flash,
                          java.util.function.Supplier<MoneyOwed> action, String done, String typedReference) {
        String problem = null;
        MoneyOwed entry;
        try {
            entry = action.get();
        } catch (OwedRejected | OwedLedger.OwedConflict | OwedLedger.NotYours refused) {
            problem = refused.getMessage();
            entry = ledger.visibleTo(id, me);
        }
        if (htmx == null) {
            flash.addFlashAttribute(problem == null ? "notice" : "problem", problem == null ? done : problem);
            return "redirect:/owed";
        }
        model.addAttribute("v", views.of(List.of(entry), me).getFirst());
        model.addAttribute("rowProblem", problem);
        model.addAttribute("rowNotice", problem == null ? done : null);
        model.addAttribute("typedReference", typedReference);
        return "owed/list :: row";
    }
}
