package dev.rapport.promises.web;

import dev.rapport.agents.SignedInAgent;
import dev.rapport.promises.PromiseLedger;
import dev.rapport.promises.PromiseState;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Predicate;

/**
 * My promises: what the signed-in agent has to do or tell a customer, sorted by what comes first — overdue, due
 * today, waiting for the customer to be told, upcoming — and broken ones waiting for a word on what happened next.
 * Leads also see their teams' broken promises.
 */
@Controller
class MyPromisesController {

    private final PromiseLedger ledger;
    private final PromiseViews views;
    private final PromiseDrafting drafting;
    private final Clock clock;

    MyPromisesController(PromiseLedger ledger, PromiseViews views, PromiseDrafting drafting, Clock clock) {
        this.ledger = ledger;
        this.views = views;
        this.drafting = drafting;
        this.clock = clock;
    }

    /** One group on the page. */
    record Group(String id, String title, String empty, List<PromiseView> promises) {
    }

    @GetMapping("/promises")
    String mine(@AuthenticationPrincipal SignedInAgent me, Model model) {
        Instant now = clock.instant();
        ZoneId zone = drafting.zone();
        Instant endOfToday = LocalDate.ofInstant(now, zone).plusDays(1).atStartOfDay(zone).toInstant();
        List<PromiseView> all = views.of(ledger.waitingOn(me));
        model.addAttribute("groups", List.of(
                group("overdue", "Overdue", "Nothing overdue.", all, PromiseView::overdue),
                group("broken", "Broken: say what happened next", "No broken promises waiting for a word.", all,
                        v -> v.promise().needsFollowUp()),
                group("today", "Due today", "Nothing else due today.", all,
                        v -> !v.overdue() && v.workPending() && v.promise().dueAt().isBefore(endOfToday)),
                group("contact", "Done: tell the customer", "Nobody is waiting to hear from you.", all,
                        v -> !v.overdue() && v.promise().state() == PromiseState.DONE),
                group("upcoming", "Upcoming", "Nothing further ahead.", all,
                        v -> !v.overdue() && v.workPending() && !v.promise().dueAt().isBefore(endOfToday))));
        List<PromiseView> watched = views.of(ledger.brokenWatchedBy(me));
        model.addAttribute("watched", watched);
        model.addAttribute("watching", me.role() == dev.rapport.agents.Role.LEAD || me.role() == dev.rapport.agents.Role.ADMIN);
        model.addAttribute("count", all.size());
        model.addAttribute("returnTo", "/promises");
        return "promises/mine";
    }

    private static Group group(String id, String title, String empty, List<PromiseView> all,
                               Predicate<PromiseView> belongs) {
        return new Group(id, title, empty, all.stream().filter(belongs).toList());
    }

}
