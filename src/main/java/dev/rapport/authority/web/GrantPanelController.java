package dev.rapport.authority.web;

import dev.rapport.agents.SignedInAgent;
import dev.rapport.agents.Roster;
import dev.rapport.authority.ApprovalRequest;
import dev.rapport.authority.Approvals;
import dev.rapport.authority.AuthorityLimits;
import dev.rapport.authority.NotAnApprover;
import dev.rapport.business.BusinessCalendar;
import dev.rapport.authority.Discretion;
import dev.rapport.authority.GrantKind;
import dev.rapport.authority.GrantRejected;
import dev.rapport.authority.GrantRequest;
import dev.rapport.authority.Grants;
import dev.rapport.authority.NeedsApproval;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.Desk;
import dev.rapport.conversations.Message;
import dev.rapport.shared.Money;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The sidebar's "Use my judgment" panel: what the agent may still grant this month and a form to grant a credit,
 * refund or exception at once. A grant beyond their limits comes back saying it needs an approval, everything typed
 * kept, with the request ready to file: by when the customer hears, who pays. Once filed, the panel gives the sentence
 * to tell the customer, and lists the conversation's requests and what was decided. Posted with htmx; the panel comes
 * back.
 */
@Controller
class GrantPanelController {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final String TEAMMATES_DO_NOT_ASK = "That needs an approval; ask the conversation's agent to request"
            + " it (teammates from other departments do not make promises to customers).";

    private final Desk desk;
    private final Grants grants;
    private final AuthorityLimits limits;
    private final Approvals approvals;
    private final BusinessCalendar calendar;
    private final Roster roster;

    /** A request the agent filed with no reply to the customer since: its words are still to be sent. */
    record Telling(ApprovalRequest request, String sentence) {
    }

    GrantPanelController(Desk desk, Grants grants, AuthorityLimits limits, Approvals approvals,
                         BusinessCalendar calendar, Roster roster) {
        this.desk = desk;
        this.grants = grants;
        this.limits = limits;
        this.approvals = approvals;
        this.calendar = calendar;
        this.roster = roster;
    }

    @GetMapping("/authority/conversation/{number}")
    String panel(@PathVariable long number, @AuthenticationPrincipal SignedInAgent me, Model model) {
        return panel(desk.visibleTo(number, me), me, Map.of("kind", GrantKind.CREDIT.name()), new HashMap<>(), model);
    }

    @PostMapping("/authority/conversation/{number}")
    String grant(@PathVariable long number, @AuthenticationPrincipal SignedInAgent me,
                 @RequestParam Map<String, String> form, Model model,
                 jakarta.servlet.http.HttpServletResponse response) {
        Conversation conversation = desk.visibleTo(number, me);
        Map<String, String> errors = new HashMap<>();
        try {
            grants.grant(request(conversation, form), me);
            response.setHeader("HX-Trigger", "owed-changed");
            model.addAttribute("panelNotice", "Granted. It is recorded with your reason"
                    + (GrantKind.EXCEPTION.name().equals(form.get("kind")) ? "." : " and owed to the customer."));
            return panel(conversation, me, Map.of("kind", GrantKind.CREDIT.name()), errors, model);
        } catch (GrantRejected rejected) {
            errors.put(rejected.field(), rejected.getMessage());
        } catch (NeedsApproval beyond) {
            if (mayAskForApproval(me)) {
                errors.put("form", beyond.getMessage());
                model.addAttribute("needsApproval", true);
            } else {
                errors.put("form", beyond.getMessage().replace("That needs an approval.", TEAMMATES_DO_NOT_ASK));
            }
        }
        return panel(conversation, me, form, errors, model);
    }

    @PostMapping("/authority/conversation/{number}/approval")
    String askForApproval(@PathVariable long number, @AuthenticationPrincipal SignedInAgent me,
                          @RequestParam Map<String, String> form, Model model,
                          jakarta.servlet.http.HttpServletResponse response) {
        Conversation conversation = desk.visibleTo(number, me);
        Map<String, String> errors = new HashMap<>();
        try {
            approvals.file(withPayer(request(conversation, form), form), hearBy(form.get("hearBy")), me);
            response.setHeader("HX-Trigger", "promises-changed");
            return panel(conversation, me, Map.of("kind", GrantKind.CREDIT.name()), errors, model);
        } catch (GrantRejected rejected) {
            errors.put(rejected.field(), rejected.getMessage());
        } catch (NotAnApprover refused) {
            errors.put("form", refused.getMessage());
        }
        model.addAttribute("needsApproval", true);
        return panel(conversation, me, form, errors, model);
    }

    private GrantRequest withPayer(GrantRequest request, Map<String, String> form) {
        String payer = form.getOrDefault("payer", "");
        UUID team = null;
        if (payer.startsWith("team:")) {
            try {
                team = UUID.fromString(payer.substring(5));
            } catch (IllegalArgumentException unreadable) {
                throw new GrantRejected("payer", "Choose who pays it from the list.");
            }
            if (roster.findTeam(new dev.rapport.agents.Team.TeamId(team)).isEmpty()) {
                throw new GrantRejected("payer", "There is no such team.");
            }
        }
        return new GrantRequest(request.customer(), request.conversation(), request.kind(), request.amount(),
                request.exception(), request.reason(), null, team, null);
    }

    private Instant hearBy(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(typed.strip()).atZone(calendar.zone()).toInstant();
        } catch (DateTimeException unreadable) {
            throw new GrantRejected("hearBy", "Give a date and time, like 2026-11-24 17:00.");
        }
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
        if (!discretion.unlimited() && discretion.terms().isEmpty() && mayAskForApproval(me)) {
            model.addAttribute("needsApproval", true);
        }
        model.addAttribute("mayAsk", mayAskForApproval(me));
        model.addAttribute("left", grants.remainingThisMonth(me).orElse(null));
        model.addAttribute("exceptions", discretion.terms().map(terms -> terms.exceptions()).orElse(List.of()));
        model.addAttribute("currency", discretion.terms().map(terms -> terms.perCase().currencyCode())
                .orElse(typed.getOrDefault("currency", "USD")));
        model.addAttribute("hearBy", typed.getOrDefault("hearBy", LOCAL.format(
                approvals.suggestedHearBy(conversation).atZone(calendar.zone()))));
        model.addAttribute("teams", roster.teams());
        List<ApprovalRequest> requests = approvals.onConversation(conversation, me);
        model.addAttribute("requests", requests);
        Instant lastReply = desk.messages(conversation.id()).stream()
                .filter(message -> message.kind() == Message.Kind.REPLY).map(Message::createdAt)
                .max(Instant::compareTo).orElse(Instant.MIN);
        model.addAttribute("toTell", requests.stream()
                .filter(request -> request.isPending() && request.requestedBy().equals(me.id().value()))
                .filter(request -> lastReply.isBefore(request.filedAt()))
                .map(request -> new Telling(request, approvals.sentenceFor(request))).toList());
        return "authority/conversation :: panel";
    }

    /** Teammates from other departments approve and pay, but do not ask: they make no promises to customers. */
    private static boolean mayAskForApproval(SignedInAgent me) {
        return me.role() != dev.rapport.agents.Role.TEAMMATE;
    }
}
