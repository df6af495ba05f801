package dev.rapport.owed.web;

import dev.rapport.agents.Agent;
import dev.rapport.agents.Role;
import dev.rapport.agents.Roster;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.agents.Team;
import dev.rapport.business.BusinessCalendar;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.Desk;
import dev.rapport.owed.OwedKind;
import dev.rapport.owed.OwedLedger;
import dev.rapport.owed.OwedRejected;
import dev.rapport.owed.OwedSettings;
import dev.rapport.owed.MoneyOwed;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Money owed in a conversation's sidebar: each entry in a sentence, and a form to record what we owe the customer.
 * The form posts with htmx and gets the panel back, its mistakes next to their fields and everything typed kept;
 * without JavaScript it posts as a page and comes back to the conversation.
 */
@Controller
class ConversationOwedController {

    /** A choice in the "Who pays it" list. */
    record Choice(String value, String label) {
    }

    private final Desk desk;
    private final OwedLedger ledger;
    private final OwedViews views;
    private final Roster roster;
    private final BusinessCalendar calendar;
    private final OwedSettings settings;
    private final Clock clock;

    ConversationOwedController(Desk desk, OwedLedger ledger, OwedViews views, Roster roster, BusinessCalendar calendar,
                               OwedSettings settings, Clock clock) {
        this.desk = desk;
        this.ledger = ledger;
        this.views = views;
        this.roster = roster;
        this.calendar = calendar;
        this.settings = settings;
        this.clock = clock;
    }

    @GetMapping("/owed/conversation/{number}")
    String panel(@PathVariable long number, @AuthenticationPrincipal SignedInAgent me, Model model) {
        return panel(desk.visibleTo(number, me), me, defaults(), OwedForm.noErrors(), model);
    }

    @PostMapping("/owed/conversation/{number}")
    String record(@PathVariable long number, @AuthenticationPrincipal SignedInAgent me,
                  @RequestParam Map<String, String> form,
                  @RequestHeader(value = "HX-Request", required = false) String htmx,
                  Model model, RedirectAttributes flash) {
        Conversation conversation = desk.visibleTo(number, me);
        Map<String, String> errors = OwedForm.noErrors();
        MoneyOwed.Terms terms = OwedForm.of(form).terms(null, conversation.id().value(), calendar.zone(), errors);
        if (terms != null) {
            try {
                ledger.record(terms, me);
            } catch (OwedRejected rejected) {
                errors.put(rejected.field(), rejected.getMessage());
            } catch (OwedLedger.NotYours notYours) {
                errors.put("form", notYours.getMessage());
            }
        }
        if (errors.isEmpty()) {
            if (htmx == null) {
                flash.addFlashAttribute("notice", "Money owed recorded.");
                return "redirect:/conversations/" + number + "#owed";
            }
            model.addAttribute("panelNotice", "Recorded. Whoever pays it sees it on Money we owe.");
            return panel(conversation, me, defaults(), errors, model);
        }
        if (htmx == null) {
            flash.addFlashAttribute("problem", "The money owed was not recorded: " + String.join(" ", errors.values()));
            return "redirect:/conversations/" + number + "#owed";
        }
        return panel(conversation, me, form, errors, model);
    }

    private Map<String, String> defaults() {
        Map<String, String> typed = new HashMap<>();
        typed.put("currency", settings.defaultCurrency());
        typed.put("kind", OwedKind.REFUND.name());
        typed.put("due", LocalDate.ofInstant(clock.instant(), calendar.zone()).plusDays(settings.daysToPay())
                .toString());
        return typed;
    }

    private String panel(Conversation conversation, SignedInAgent me, Map<String, String> typed,
                         Map<String, String> errors, Model model) {
        model.addAttribute("conversation", conversation);
        model.addAttribute("entries", views.of(ledger.onConversation(conversation.id().value()).stream()
                .filter(entry -> ledger.canSee(entry, me)).toList(), me));
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("mayRecord", me.role() != Role.TEAMMATE);
        model.addAttribute("kinds", OwedKind.values());
        model.addAttribute("responsibleChoices", responsibleChoices());
        return "owed/conversation :: panel";
    }

    /** Teams first (accounting pays most of it), then people who can sign in. */
    List<Choice> responsibleChoices() {
        List<Choice> teams = roster.teams().stream().sorted(Comparator.comparing(Team::name))
                .map(team -> new Choice("team:" + team.id().value(), team.name() + " (team)")).toList();
        List<Choice> agents = roster.agents().stream().filter(Agent::isActive)
                .sorted(Comparator.comparing(Agent::name))
                .map(agent -> new Choice("agent:" + agent.id().value(), agent.name())).toList();
        return java.util.stream.Stream.concat(teams.stream(), agents.stream()).toList();
    }
}
