package dev.rapport.conversations.web;

import dev.rapport.agents.Agent;
import dev.rapport.agents.Role;
import dev.rapport.agents.Roster;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.agents.Team;
import dev.rapport.business.Business;
import dev.rapport.business.BusinessProfile;
import dev.rapport.conversations.Activity;
import dev.rapport.conversations.AttachmentSettings;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.ConversationUpdate;
import dev.rapport.conversations.Desk;
import dev.rapport.conversations.Message;
import dev.rapport.conversations.NewAttachment;
import dev.rapport.conversations.Priority;
import dev.rapport.conversations.Status;
import dev.rapport.shared.web.Durations;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** One conversation: the customer's words and ours in order, the timeline, the composer and the sidebar. */
@Controller
class ConversationController {

    /** A message or a timeline change, in the order they happened. */
    record Entry(Instant at, Message message, QuotedText.Parts text, Activity activity) {
    }

    private final Desk desk;
    private final Roster roster;
    private final Clock clock;
    private final BusinessProfile business;
    private final AttachmentSettings attachmentLimits;

    ConversationController(Desk desk, Roster roster, Clock clock, BusinessProfile business,
                           AttachmentSettings attachmentLimits) {
        this.business = business;
        this.attachmentLimits = attachmentLimits;
        this.desk = desk;
        this.roster = roster;
        this.clock = clock;
    }

    @GetMapping("/conversations/{number}")
    String show(@PathVariable long number, @AuthenticationPrincipal SignedInAgent me, Model model,
                RedirectAttributes flash) {
        Conversation conversation = desk.visibleTo(number, me);
        if (conversation.isMerged()) {
            flash.addFlashAttribute("notice", "#" + number + " was merged into this conversation.");
            return "redirect:/conversations/" + conversation.mergedInto().getAsLong();
        }
        fill(conversation, me, model);
        return "conversations/conversation";
    }

    @PostMapping("/conversations/{number}/messages")
    String post(@PathVariable long number, @AuthenticationPrincipal SignedInAgent me,
                @RequestParam(defaultValue = "reply") String type, @RequestParam(defaultValue = "") String body,
                @RequestParam(required = false) Status then, @RequestParam Map<String, String> form,
                @RequestParam(name = "files", required = false) List<MultipartFile> uploads, Model model,
                RedirectAttributes flash) {
        Conversation conversation = desk.visibleTo(number, me);
        List<NewAttachment> files = uploads == null ? List.of() : uploads.stream().filter(file -> !file.isEmpty()
                || (file.getOriginalFilename() != null && !file.getOriginalFilename().isBlank()))
                .map(file -> new NewAttachment(file.getOriginalFilename(), file.getContentType(), file.getSize(),
                        file::getInputStream)).toList();
        try {
            if ("note".equals(type)) {
                desk.note(conversation.id(), me, body, form, files);
                flash.addFlashAttribute("notice", "Note added.");
            } else {
                desk.reply(conversation.id(), me, body, then, null, form, files);
                flash.addFlashAttribute("notice", "Reply sent to " + conversation.requester().name() + ".");
            }
        } catch (IllegalArgumentException | Desk.NotAllowed e) {
            model.addAttribute("composerError", e.getMessage()
                    + (files.isEmpty() ? "" : " Your text is kept; choose the files to attach again."));
            model.addAttribute("draft", body);
            model.addAttribute("draftType", type);
            fill(conversation, me, model);
            model.addAttribute("composerPanels", withTyped(desk.panels(conversation, me).composer(), form));
            return "conversations/conversation";
        }
        return "redirect:/conversations/" + number + "#composer";
    }

    @PostMapping("/conversations/{number}")
    String update(@PathVariable long number, @AuthenticationPrincipal SignedInAgent me, @RequestParam long version,
                  @RequestParam(required = false) String assignee, @RequestParam(required = false) String team,
                  @RequestParam(required = false) Status status, @RequestParam(required = false) Priority priority,
                  @RequestParam(required = false) String tags, @RequestParam(required = false) String summary,
                  @RequestParam(defaultValue = "false") boolean solveAnyway, Model model, RedirectAttributes flash) {
        Conversation conversation = desk.visibleTo(number, me);
        if (status == Status.SOLVED && conversation.status() != Status.SOLVED && !solveAnyway
                && askBeforeSolving(conversation, me, flash)) {
            return "redirect:/conversations/" + number;
        }
        ConversationUpdate update = new ConversationUpdate(status, priority, Ids.optional(assignee, Agent.AgentId::new),
                Ids.optional(team, Team.TeamId::new), tags == null ? null : splitTags(tags), summary);
        try {
            desk.update(conversation.id(), me, update, version);
        } catch (Desk.Stale | IllegalArgumentException e) {
            model.addAttribute("sidebarError", e.getMessage());
            fill(desk.visibleTo(number, me), me, model);
            return "conversations/conversation";
        }
        flash.addFlashAttribute("notice", "Saved.");
        return "redirect:/conversations/" + number;
    }

    @PostMapping("/conversations/{number}/take")
    String take(@PathVariable long number, @AuthenticationPrincipal SignedInAgent me, @RequestParam long version,
                RedirectAttributes flash) {
        return quick(number, me, version, flash, id -> desk.assign(id, me, me.id(), version), "It's yours.");
    }

    @PostMapping("/conversations/{number}/solve")
    String solve(@PathVariable long number, @AuthenticationPrincipal SignedInAgent me, @RequestParam long version,
                 @RequestParam(defaultValue = "false") boolean solveAnyway, RedirectAttributes flash) {
        if (!solveAnyway && askBeforeSolving(desk.visibleTo(number, me), me, flash)) {
            return "redirect:/conversations/" + number;
        }
        return quick(number, me, version, flash, id -> desk.changeStatus(id, me, Status.SOLVED, version), "Solved.");
    }

    @PostMapping("/conversations/{number}/merge")
    String merge(@PathVariable long number, @AuthenticationPrincipal SignedInAgent me,
                 @RequestParam(defaultValue = "") String into, RedirectAttributes flash) {
        try {
            long target = Long.parseLong(into.replace("#", "").strip());
            desk.merge(number, target, me);
            flash.addFlashAttribute("notice", "Merged #" + number + " into this conversation.");
            return "redirect:/conversations/" + target;
        } catch (NumberFormatException e) {
            flash.addFlashAttribute("problem", "Type the number of the conversation to merge into, like 1042.");
        } catch (IllegalArgumentException | Desk.NotFound | Desk.NotAllowed e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/conversations/" + number;
    }

    @PostMapping("/conversations/{number}/split")
    String split(@PathVariable long number, @AuthenticationPrincipal SignedInAgent me, @RequestParam UUID message,
                 RedirectAttributes flash) {
        desk.visibleTo(number, me);
        try {
            Conversation split = desk.split(new Message.MessageId(message), me);
            flash.addFlashAttribute("notice", "Split out of #" + number + " into a conversation of its own.");
            return "redirect:/conversations/" + split.number();
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("problem", e.getMessage());
            return "redirect:/conversations/" + number;
        }
    }

    @PostMapping("/conversations/{number}/snooze")
    String snooze(@PathVariable long number, @AuthenticationPrincipal SignedInAgent me, @RequestParam long version,
                  @RequestParam String until, RedirectAttributes flash) {
        Conversation conversation = desk.visibleTo(number, me);
        java.time.ZonedDateTime now = clock.instant().atZone(
                business.current().map(Business::timeZone).orElse(java.time.ZoneOffset.UTC));
        Instant wake = switch (until) {
            case "1h" -> now.plusHours(1).toInstant();
            case "4h" -> now.plusHours(4).toInstant();
            case "tomorrow" -> now.toLocalDate().plusDays(1).atTime(9, 0).atZone(now.getZone()).toInstant();
            case "week" -> now.toLocalDate().plusWeeks(1).atTime(9, 0).atZone(now.getZone()).toInstant();
            default -> null;
        };
        if (wake == null) {
            flash.addFlashAttribute("problem", "Choose how long to snooze.");
            return "redirect:/conversations/" + number;
        }
        try {
            desk.snooze(conversation.id(), me, wake, version);
            flash.addFlashAttribute("notice", "Snoozed. It comes back to the inbox "
                    + java.time.format.DateTimeFormatter.ofPattern("EEE d MMM 'at' HH:mm").format(wake.atZone(now.getZone()))
                    + ", or sooner if the customer writes.");
        } catch (Desk.Stale | IllegalArgumentException e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/inbox";
    }

    @PostMapping("/conversations/{number}/follow")
    String follow(@PathVariable long number, @AuthenticationPrincipal SignedInAgent me,
                  @RequestParam boolean follow) {
        desk.follow(desk.visibleTo(number, me).id(), me, follow);
        return "redirect:/conversations/" + number;
    }

    private String quick(long number, SignedInAgent me, long version, RedirectAttributes flash,
                         java.util.function.Consumer<Conversation.ConversationId> change, String notice) {
        Conversation conversation = desk.visibleTo(number, me);
        try {
            change.accept(conversation.id());
            flash.addFlashAttribute("notice", notice);
        } catch (Desk.Stale e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/conversations/" + number;
    }

    /** Panel addresses with what the agent typed into them, so a refused message loses nothing. */
    private static List<String> withTyped(List<String> panels, Map<String, String> form) {
        StringBuilder typed = new StringBuilder();
        form.forEach((name, value) -> {
            if (!Set.of("body", "type", "then", "_csrf", "conversation", "dismissed", "greetingName").contains(name)) {
                typed.append('&').append(queryPart(name)).append('=').append(queryPart(value));
            }
        });
        return panels.stream().map(panel -> typed.isEmpty() ? panel
                : panel + (panel.contains("?") ? typed : "?" + typed.substring(1))).toList();
    }

    private static String queryPart(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Whether something is still open that the agent should decide about first; if so the page asks. */
    private boolean askBeforeSolving(Conversation conversation, SignedInAgent me, RedirectAttributes flash) {
        List<String> open = desk.openWhenSolving(conversation, me);
        if (open.isEmpty()) {
            return false;
        }
        flash.addFlashAttribute("solveCheck", open);
        return true;
    }

    private void fill(Conversation conversation, SignedInAgent me, Model model) {
        Desk.Panels panels = desk.panels(conversation, me);
        model.addAttribute("composerPanels", panels.composer());
        model.addAttribute("attachmentLimits", attachmentLimits);
        model.addAttribute("sidebarPanels", panels.sidebar());
        model.addAttribute("openWhenSolving", desk.openWhenSolving(conversation, me));
        model.addAttribute("greetingName", desk.greetingName(conversation).orElse(null));
        List<Entry> entries = new ArrayList<>();
        for (Message message : desk.messages(conversation.id())) {
            entries.add(new Entry(message.createdAt(), message, QuotedText.split(message.body()), null));
        }
        for (Activity activity : desk.timeline(conversation.id())) {
            entries.add(new Entry(activity.createdAt(), null, null, activity));
        }
        entries.sort(Comparator.comparing(Entry::at));
        List<Agent> agents = roster.agents().stream().filter(Agent::isActive).toList();
        model.addAttribute("conversation", conversation);
        model.addAttribute("entries", entries);
        model.addAttribute("attachments", desk.attachments(conversation.id()).entrySet().stream()
                .collect(Collectors.toMap(entry -> entry.getKey().toString(), java.util.Map.Entry::getValue)));
        model.addAttribute("waiting", conversation.waitingSince() == null ? null
                : Durations.between(conversation.waitingSince(), clock.instant()));
        model.addAttribute("agents", agents);
        model.addAttribute("firstResponseAfter", conversation.firstResponseAt() == null ? null
                : Durations.between(conversation.createdAt(), conversation.firstResponseAt()));
        model.addAttribute("assigneeName", conversation.assignee().flatMap(roster::findAgent).map(Agent::name)
                .orElse(null));
        model.addAttribute("teams", roster.teams());
        model.addAttribute("statuses", Status.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("tagText", String.join(", ", conversation.tags()));
        model.addAttribute("following", conversation.followers().contains(me.id()));
        model.addAttribute("canReply", me.role() != Role.TEAMMATE);
        model.addAttribute("canManage", desk.mayManage(conversation, me));
        model.addAttribute("firstMessage", entries.stream().filter(e -> e.message() != null).findFirst()
                .map(e -> e.message().id()).orElse(null));
    }

    private static Set<String> splitTags(String tags) {
        return Arrays.stream(tags.split(",")).map(String::strip).filter(tag -> !tag.isEmpty())
                .collect(Collectors.toSet());
    }
}
