package dev.rapport.authority.web;

import dev.rapport.agents.SignedInAgent;
import dev.rapport.authority.AlreadyDecided;
import dev.rapport.authority.ApprovalRequest;
import dev.rapport.authority.Approvals;
import dev.rapport.authority.GrantRejected;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.UUID;

/**
 * Approvals: the requests waiting for the signed-in person's decision (those within their authority, never their
 * own), oldest first, each approved or declined with a note; and the requests they filed, with what was decided.
 * Deciding posts with htmx and gets its card back (a missing reason or someone deciding first shown in the card, the
 * note typed kept); without JavaScript it comes back to the page.
 */
@Controller
class ApprovalsController {

    private final Approvals approvals;
    private final ApprovalViews views;

    ApprovalsController(Approvals approvals, ApprovalViews views) {
        this.approvals = approvals;
        this.views = views;
    }

    @GetMapping("/approvals")
    String page(@AuthenticationPrincipal SignedInAgent me, Model model) {
        model.addAttribute("waiting", views.of(approvals.waitingFor(me), me));
        model.addAttribute("mine", views.of(approvals.filedBy(me, 50), me));
        return "authority/approvals";
    }

    @PostMapping("/approvals/{id}/approve")
    String approve(@PathVariable UUID id, @RequestParam(defaultValue = "") String note,
                   @AuthenticationPrincipal SignedInAgent me, @RequestHeader(name = "HX-Request", required = false)
                   String htmx, Model model, RedirectAttributes flash, HttpServletResponse response) {
        return decide(id, true, note, me, htmx != null, model, flash, response);
    }

    @PostMapping("/approvals/{id}/decline")
    String decline(@PathVariable UUID id, @RequestParam(defaultValue = "") String note,
                   @AuthenticationPrincipal SignedInAgent me, @RequestHeader(name = "HX-Request", required = false)
                   String htmx, Model model, RedirectAttributes flash, HttpServletResponse response) {
        return decide(id, false, note, me, htmx != null, model, flash, response);
    }

    private String decide(UUID id, boolean approve, String note, SignedInAgent me, boolean htmx, Model model,
                          RedirectAttributes flash, HttpServletResponse response) {
        ApprovalRequest request = approvals.visibleTo(id, me);
        String problem;
        int status;
        try {
            ApprovalRequest decided = approve ? approvals.approve(id, note, me) : approvals.decline(id, note, me);
            String done = (approve ? "Approved " : "Declined ") + decided.what() + "; " + decided.requesterName()
                    + " is told and tells the customer.";
            if (!htmx) {
                flash.addFlashAttribute("notice", done);
                return "redirect:/approvals";
            }
            model.addAttribute("card", views.of(decided, me));
            model.addAttribute("cardNotice", done);
            return "authority/approvals :: card";
        } catch (GrantRejected rejected) {
            problem = rejected.getMessage();
            status = 422;
        } catch (AlreadyDecided first) {
            problem = first.getMessage();
            status = HttpServletResponse.SC_CONFLICT;
        }
        model.addAttribute("cardProblem", problem);
        model.addAttribute("typedNote", note);
        model.addAttribute("problemFor", id);
        if (htmx) {
            model.addAttribute("card", views.of(approvals.visibleTo(request.id(), me), me));
            return "authority/approvals :: card";
        }
        response.setStatus(status);
        if (status == HttpServletResponse.SC_CONFLICT) {
            model.addAttribute("problem", problem);
        }
        return page(me, model);
    }
}
