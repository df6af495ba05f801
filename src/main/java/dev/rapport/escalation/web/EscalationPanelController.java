package dev.rapport.escalation.web;

import dev.rapport.agents.Role;
import dev.rapport.agents.Roster;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.business.BusinessCalendar;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.Desk;
import dev.rapport.conversations.Message;
import dev.rapport.escalation.Escalation;
import dev.rapport.escalation.EscalationRejected;
import dev.rapport.escalation.Escalator;
import dev.rapport.escalation.InternalRequestDesk;
import dev.rapport.escalation.SpecialistDirectory;
import jakarta.servlet.http.HttpServletResponse;
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

/**
 * The sidebar's "Bring someone in" panel: escalate to the next step on the conversation's path (or anyone) with a
 * reason, staying the owner unless "hand it over" is ticked; then the sentence for the customer saying who is now
 * helping. Below it, "Ask a teammate": a question or task with a due time, and the answers. Posted with htmx; the
 * panel comes back, and a plain form post (no script) gets the conversation page.
 */
@Controller
class EscalationPanelController {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final Desk desk;
    private final Escalator escalator;
    private final InternalRequestDesk requests;
    private final SpecialistDirectory directory;
    private final BusinessCalendar calendar;
    private final Roster roster;

    EscalationPanelController(Desk desk, Escalator escalator, InternalRequestDesk requests,
                              SpecialistDirectory directory, BusinessCalendar calendar, Roster roster) {
        this.desk = desk;
        this.escalator = escalator;
        this.requests = requests;
        this.directory = directory;
        this.calendar = calendar;
        this.roster = roster;
    }

    /** An escalation the agent made with no reply to the customer since: its words are still to be sent. */
    record Telling(Escalation escalation, String sentence) {
    }

    @GetMapping("/escalation/conversation/{number}")
    String panel(@PathVariable long number, @AuthenticationPrincipal SignedInAgent me, Model model) {
        return panel(desk.visibleTo(number, me), me, Map.of(), new HashMap<>(), model);
    }

    @PostMapping("/escalation/conversation/{number}")
    String escalate(@PathVariable long number, @AuthenticationPrincipal SignedInAgent me,
                    @RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        Conversation conversation = desk.visibleTo(number, me);
        Map<String, String> errors = new HashMap<>();
        try {
            Escalation escalation = escalator.escalate(conversation, form.get("to"), form.get("reason"),
                    "on".equals(form.get("handOver")) || "true".equals(form.get("handOver")), me);
            model.addAttribute("panelNotice", (escalation.handedOver() ? "Handed over to " : "Brought in ")
                    + escalation.toName() + "."
                    + (escalation.handedOver() ? "" : " You stay the owner."));
            response.setHeader("HX-Trigger", "conversation-escalated");
            return panel(desk.visibleTo(number, me), me, Map.of(), errors, model);
        } catch (EscalationRejected rejected) {
            errors.put(rejected.field(), rejected.getMessage());
        }
        model.addAttribute("escalateOpen", true);
        return panel(conversation, me, form, errors, model);
    }

    @PostMapping("/escalation/conversation/{number}/ask")
    String ask(@PathVariable long number, @AuthenticationPrincipal SignedInAgent me,
               @RequestParam Map<String, String> form, Model model) {
        Conversation conversation = desk.visibleTo(number, me);
        Map<String, String> errors = new HashMap<>();
        try {
            var request = requests.ask(conversation, form.get("whom"), form.get("question"), dueAt(form.get("dueAt")),
                    me);
            model.addAttribute("askNotice", "Asked " + request.askedName() + ". Their answer comes here as a note.");
            return panel(conversation, me, Map.of(), errors, model);
        } catch (EscalationRejected rejected) {
            errors.put(rejected.field(), rejected.getMessage());
        }
        model.addAttribute("askOpen", true);
        return panel(conversation, me, form, errors, model);
    }

    private Instant dueAt(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(typed.strip()).atZone(calendar.zone()).toInstant();
        } catch (DateTimeException unreadable) {
            throw new EscalationRejected("dueAt", "Give a date and time, like 2026-11-24 17:00.");
        }
    }

    private String panel(Conversation conversation, SignedInAgent me, Map<String, String> typed,
                         Map<String, String> errors, Model model) {
        List<Escalation> escalations = escalator.on(conversation);
        var next = escalator.nextStep(conversation);
        model.addAttribute("conversation", conversation);
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("next", next.orElse(null));
        model.addAttribute("nextKey", next.map(step -> step.specialist().key()).orElse(""));
        model.addAttribute("nextLabel", next.map(step -> directory.describe(step.specialist())).orElse(null));
        model.addAttribute("choices", directory.choices());
        model.addAttribute("escalations", escalations);
        model.addAttribute("owner", conversation.assignee().flatMap(roster::findAgent)
                .map(agent -> agent.name()).orElse(null));
        model.addAttribute("mayHandOver", me.role() != Role.TEAMMATE);
        Instant lastReply = desk.messages(conversation.id()).stream()
                .filter(message -> message.kind() == Message.Kind.REPLY).map(Message::createdAt)
                .max(Instant::compareTo).orElse(Instant.MIN);
        model.addAttribute("toTell", me.role() == Role.TEAMMATE ? List.of() : escalations.stream()
                .filter(escalation -> escalation.escalatedBy().equals(me.id().value()))
                .filter(escalation -> lastReply.isBefore(escalation.escalatedAt()))
                .map(escalation -> new Telling(escalation, escalator.sentenceFor(escalation))).toList());
        model.addAttribute("requests", requests.on(conversation));
        model.addAttribute("dueAt", typed.getOrDefault("dueAt", LOCAL.format(
                calendar.plusBusinessDays(conversation.team(), 1).atZone(calendar.zone()))));
        return "escalation/conversation :: panel";
    }
}
