package dev.rapport.promises.web;

import dev.rapport.agents.SignedInAgent;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.Desk;
import dev.rapport.promises.PromiseLedger;
import dev.rapport.promises.PromiseRejected;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Map;

/**
 * The promises in a conversation's sidebar: each with its state and what can be done next, and a form to record a
 * promise made on the phone or at the counter. Forms post with htmx and get the panel back; without JavaScript they
 * post as pages and come back to the conversation.
 */
@Controller
class ConversationPromisesController {

    private final Desk desk;
    private final PromiseLedger ledger;
    private final PromiseViews views;
    private final PromiseDrafting drafting;
    private final QuickDeadlines quick;
    private final ComposerPanelController choices;

    ConversationPromisesController(Desk desk, PromiseLedger ledger, PromiseViews views, PromiseDrafting drafting,
                                   QuickDeadlines quick, ComposerPanelController choices) {
        this.desk = desk;
        this.ledger = ledger;
        this.views = views;
        this.drafting = drafting;
        this.quick = quick;
        this.choices = choices;
    }

    @GetMapping("/promises/conversation/{number}")
    String panel(@PathVariable long number, @AuthenticationPrincipal SignedInAgent me, Model model) {
        return panel(desk.visibleTo(number, me), me, Map.of(), model);
    }

    /** A promise recorded from the sidebar (made on the phone, at the counter): nothing is sent to the customer. */
    @PostMapping("/promises/conversation/{number}")
    String record(@PathVariable long number, @AuthenticationPrincipal SignedInAgent me,
                  @RequestParam Map<String, String> form, @RequestHeader(value = "HX-Request", required = false) String htmx,
                  Model model, RedirectAttributes flash) {
        Conversation conversation = desk.visibleTo(number, me);
        try {
            if (!PromiseDraft.present(form)) {
                throw new PromiseRejected("what", "Say what will be done.");
            }
            ledger.make(drafting.terms(drafting.read(form, me.id().value()), conversation), me);
        } catch (PromiseRejected rejected) {
            if (htmx == null) {
                flash.addFlashAttribute("problem", "The promise was not recorded: " + rejected.getMessage());
                return "redirect:/conversations/" + number + "#promises";
            }
            model.addAttribute("recordError", rejected.getMessage());
            return panel(conversation, me, form, model);
        }
        if (htmx == null) {
            flash.addFlashAttribute("notice", "Promise recorded.");
            return "redirect:/conversations/" + number + "#promises";
        }
        model.addAttribute("panelNotice", "Promise recorded.");
        return panel(conversation, me, Map.of(), model);
    }

    String panel(Conversation conversation, SignedInAgent me, Map<String, String> typed, Model model) {
        choices.fillChoices(model, me, conversation);
        model.addAttribute("promises", views.of(ledger.onConversation(conversation.id().value())));
        model.addAttribute("typed", typed);
        model.addAttribute("quickChoices", quick.forTeam(conversation.team()));
        model.addAttribute("returnTo", "/conversations/" + conversation.number());
        return "promises/conversation :: panel";
    }
}
