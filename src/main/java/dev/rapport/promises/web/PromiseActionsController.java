package dev.rapport.promises.web;

import dev.rapport.agents.SignedInAgent;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.Desk;
import dev.rapport.promises.Promise;
import dev.rapport.promises.PromiseLedger;
import dev.rapport.promises.PromiseRejected;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Map;
import java.util.UUID;

/**
 * What an agent does with a promise, from the conversation's sidebar or from My promises: done, customer told by hand,
 * a new date (optionally sent to the customer as a reply with the new promise in plain words), cancelled with a
 * reason, and what happened after a break.
 */
@Controller
class PromiseActionsController {

    private final PromiseLedger ledger;
    private final Desk desk;
    private final PromiseDrafting drafting;
    private final ConversationPromisesController sidebar;
    private final Renegotiation renegotiation;

    PromiseActionsController(PromiseLedger ledger, Desk desk, PromiseDrafting drafting,
                             ConversationPromisesController sidebar, Renegotiation renegotiation) {
        this.renegotiation = renegotiation;
        this.ledger = ledger;
        this.desk = desk;
        this.drafting = drafting;
        this.sidebar = sidebar;
    }

    @PostMapping("/promises/{id}/done")
    String done(@PathVariable UUID id, @AuthenticationPrincipal SignedInAgent me, @RequestParam(defaultValue = "") String returnTo,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model model, RedirectAttributes flash) {
        return act(id, me, returnTo, htmx, model, flash, () -> ledger.markDone(id, me.name()),
                "Marked done. Now tell the customer: a reply on the conversation counts.");
    }

    @PostMapping("/promises/{id}/contacted")
    String contacted(@PathVariable UUID id, @AuthenticationPrincipal SignedInAgent me, @RequestParam(defaultValue = "") String note,
                     @RequestParam(defaultValue = "") String returnTo,
                     @RequestHeader(value = "HX-Request", required = false) String htmx, Model model,
                     RedirectAttributes flash) {
        ledger.requireMayTellCustomers(me);
        return act(id, me, returnTo, htmx, model, flash, () -> ledger.markContacted(id, note, me.name()),
                "Noted that the customer was told.");
    }

    @PostMapping("/promises/{id}/renegotiate")
    String renegotiate(@PathVariable UUID id, @AuthenticationPrincipal SignedInAgent me, @RequestParam Map<String, String> form,
                       @RequestParam(defaultValue = "") String message, @RequestParam(defaultValue = "false") boolean tell,
                       @RequestParam(defaultValue = "") String returnTo,
                       @RequestHeader(value = "HX-Request", required = false) String htmx, Model model,
                       RedirectAttributes flash) {
        ledger.requireMayTellCustomers(me);
        return act(id, me, returnTo, htmx, model, flash, () -> {
            Promise promise = ledger.visibleTo(id, me);
            Map<String, String> dates = new java.util.HashMap<>(form);
            dates.put("promise.what", promise.what());
            dates.putIfAbsent("promise.due", "");
            PromiseDraft draft = drafting.read(dates, me.id().value());
            return renegotiation.agree(promise, draft.dueAt(), draft.contactAt(), message, tell, me);
        }, tell ? "New date agreed, and the customer told in a reply." : "New date agreed.");
    }

    @PostMapping("/promises/{id}/cancel")
    String cancel(@PathVariable UUID id, @AuthenticationPrincipal SignedInAgent me, @RequestParam(defaultValue = "") String reason,
                  @RequestParam(defaultValue = "") String returnTo,
                  @RequestHeader(value = "HX-Request", required = false) String htmx, Model model, RedirectAttributes flash) {
        return act(id, me, returnTo, htmx, model, flash, () -> ledger.cancel(id, reason, me.name()), "Cancelled.");
    }

    @PostMapping("/promises/{id}/resolve")
    String resolve(@PathVariable UUID id, @AuthenticationPrincipal SignedInAgent me, @RequestParam(defaultValue = "") String note,
                   @RequestParam(defaultValue = "") String returnTo,
                   @RequestHeader(value = "HX-Request", required = false) String htmx, Model model,
                   RedirectAttributes flash) {
        return act(id, me, returnTo, htmx, model, flash, () -> ledger.resolve(id, note, me.name()),
                "Recorded what happened next.");
    }

    private String act(UUID id, SignedInAgent me, String returnTo, String htmx, Model model, RedirectAttributes flash,
                       java.util.function.Supplier<Promise> action, String done) {
        Promise promise = ledger.visibleTo(id, me);
        String problem = null;
        try {
            action.get();
        } catch (PromiseRejected | IllegalStateException rejected) {
            problem = rejected.getMessage();
        }
        if (htmx != null && promise.conversation().isPresent() && returnTo.startsWith("/conversations/")) {
            Conversation conversation = desk.find(new Conversation.ConversationId(promise.conversation().get()))
                    .orElseThrow();
            model.addAttribute(problem == null ? "panelNotice" : "panelProblem", problem == null ? done : problem);
            return sidebar.panel(conversation, me, Map.of(), model);
        }
        flash.addFlashAttribute(problem == null ? "notice" : "problem", problem == null ? done : problem);
        return "redirect:" + safe(returnTo, promise);
    }

    private static String safe(String returnTo, Promise promise) {
        if (returnTo.startsWith("/") && !returnTo.startsWith("//") && !returnTo.contains("\\")) {
            return returnTo;
        }
        return "/promises";
    }
}
