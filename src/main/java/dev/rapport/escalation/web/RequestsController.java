package dev.rapport.escalation.web;

import dev.rapport.agents.SignedInAgent;
import dev.rapport.escalation.AlreadyAnswered;
import dev.rapport.escalation.EscalationRejected;
import dev.rapport.escalation.Escalator;
import dev.rapport.escalation.InternalRequestDesk;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/**
 * Requests for me: the questions asked of the agent or their teams, soonest due first, answered right here (the
 * answer becomes a note on the conversation), and the conversations escalated to them. A teammate can open exactly
 * these conversations.
 */
@Controller
class RequestsController {

    private final InternalRequestDesk requests;
    private final Escalator escalator;
    private final Clock clock;

    RequestsController(InternalRequestDesk requests, Escalator escalator, Clock clock) {
        this.requests = requests;
        this.escalator = escalator;
        this.clock = clock;
    }

    @GetMapping("/requests")
    String page(@AuthenticationPrincipal SignedInAgent me, Model model) {
        return page(me, Map.of(), model);
    }

    @PostMapping("/requests/{id}/answer")
    String answer(@PathVariable UUID id, @AuthenticationPrincipal SignedInAgent me,
                  @RequestParam(defaultValue = "") String answer, Model model, RedirectAttributes flash) {
        try {
            var request = requests.answer(id, answer, me);
            flash.addFlashAttribute("notice", "Answered. " + request.askedByName() + " sees it on #"
                    + request.conversationNumber() + ".");
            return "redirect:/requests";
        } catch (EscalationRejected rejected) {
            model.addAttribute("typedAnswer", answer);
            return page(me, Map.of(id, rejected.getMessage()), model);
        } catch (AlreadyAnswered late) {
            model.addAttribute("problem", late.getMessage());
            return page(me, Map.of(id, late.getMessage()), model);
        }
    }

    private String page(SignedInAgent me, Map<UUID, String> errors, Model model) {
        model.addAttribute("open", requests.openFor(me));
        model.addAttribute("answered", requests.recentlyAnsweredFor(me));
        model.addAttribute("escalated", escalator.to(me));
        model.addAttribute("errors", errors);
        model.addAttribute("now", clock.instant());
        return "escalation/requests";
    }
}
