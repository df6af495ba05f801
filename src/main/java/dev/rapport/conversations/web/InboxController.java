package dev.rapport.conversations.web;

import dev.rapport.agents.Agent;
import dev.rapport.agents.Roster;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.agents.Team;
import dev.rapport.conversations.BulkAction;
import dev.rapport.conversations.Channel;
import dev.rapport.conversations.Desk;
import dev.rapport.conversations.Inbox;
import dev.rapport.conversations.InboxFilter;
import dev.rapport.conversations.InboxItem;
import dev.rapport.conversations.InboxPage;
import dev.rapport.conversations.InboxView;
import dev.rapport.conversations.Priority;
import dev.rapport.conversations.Status;
import dev.rapport.shared.web.Durations;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The agent's daily home: inbox views, filters, longest-waiting customer first. htmx swaps only the list. */
@Controller
class InboxController {

    static final int PAGE_SIZE = 50;

    /** A row as the page shows it, with names and the waiting time already in words. */
    record Row(InboxItem item, String waiting, String assigneeName, String teamName) {
    }

    private final Inbox inbox;
    private final Desk desk;
    private final Roster roster;
    private final Clock clock;

    InboxController(Inbox inbox, Desk desk, Roster roster, Clock clock) {
        this.inbox = inbox;
        this.desk = desk;
        this.roster = roster;
        this.clock = clock;
    }

    @PostMapping("/inbox/bulk")
    String bulk(@AuthenticationPrincipal SignedInAgent me, @RequestParam(name = "n", required = false) List<Long> numbers,
                @RequestParam String action, @RequestParam(required = false) String tag,
                @RequestParam(defaultValue = "") String back, RedirectAttributes flash) {
        String target = back.startsWith("/inbox") ? back : "/inbox";
        BulkAction bulkAction = switch (action) {
            case "solve" -> new BulkAction.Solve();
            case "assign-me" -> new BulkAction.Assign(me.id());
            case "unassign" -> new BulkAction.Assign(null);
            case "tag" -> new BulkAction.Tag(tag == null ? "" : tag);
            default -> null;
        };
        try {
            if (bulkAction == null || (bulkAction instanceof BulkAction.Tag t && t.tag().isBlank())) {
                throw new IllegalArgumentException(bulkAction == null ? "Choose what to do with the selection."
                        : "Type the tag to add.");
            }
            int changed = desk.bulk(numbers == null ? List.of() : numbers, me, bulkAction);
            int selected = numbers.size();
            flash.addFlashAttribute("notice", switch (bulkAction) {
                case BulkAction.Solve s -> "Solved " + plural(changed, "conversation");
                case BulkAction.Assign a -> (a.agent() == null ? "Unassigned " : "Assigned to you: ")
                        + plural(changed, "conversation");
                case BulkAction.Tag t -> "Tagged " + plural(changed, "conversation") + " with " + t.tag();
            } + (changed < selected ? " (" + (selected - changed) + " already were)." : "."));
        } catch (IllegalArgumentException | Desk.NotFound | Desk.NotAllowed e) {
            flash.addFlashAttribute("problem", e.getMessage() + " Nothing was changed.");
        }
        return "redirect:" + target;
    }

    private static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    @GetMapping("/inbox")
    String inbox(@AuthenticationPrincipal SignedInAgent me, @RequestParam(required = false) String view,
                 @RequestParam(required = false) Status status, @RequestParam(required = false) UUID team,
                 @RequestParam(required = false) UUID assignee,
                 @RequestParam(required = false) String tag, @RequestParam(required = false) Channel channel,
                 @RequestParam(required = false) Priority priority, @RequestParam(required = false) String after,
                 @RequestHeader(name = "HX-Target", required = false) String htmxTarget,
                 jakarta.servlet.http.HttpServletRequest request, Model model) {
        InboxView current = InboxView.fromSlug(view);
        InboxFilter filter = new InboxFilter(status, assignee == null ? null : new Agent.AgentId(assignee),
                team == null ? null : new Team.TeamId(team), tag, channel, priority);
        InboxPage page = inbox.page(current, filter, me, after, PAGE_SIZE);
        Map<Agent.AgentId, String> agentNames = roster.agents().stream()
                .collect(Collectors.toMap(Agent::id, Agent::name));
        Map<Team.TeamId, Team> teams = roster.teamsById();
        List<Row> rows = page.items().stream().map(item -> new Row(item,
                item.waitingSince() == null ? null : Durations.between(item.waitingSince(), clock.instant()),
                item.assignee() == null ? null : agentNames.get(item.assignee()),
                item.team() == null ? null : teams.get(item.team()).name())).toList();
        model.addAttribute("view", current);
        model.addAttribute("filter", filter);
        model.addAttribute("rows", rows);
        model.addAttribute("next", page.next());
        model.addAttribute("firstPage", after == null || after.isBlank());
        model.addAttribute("back", "/inbox" + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
        if ("inbox-list".equals(htmxTarget)) {
            return "conversations/inbox :: list";
        }
        model.addAttribute("views", InboxView.values());
        model.addAttribute("counts", inbox.counts(me).entrySet().stream()
                .collect(Collectors.toMap(entry -> entry.getKey().slug(), Map.Entry::getValue)));
        model.addAttribute("countCap", Inbox.COUNT_CAP);
        model.addAttribute("teams", teams.values().stream().sorted(java.util.Comparator.comparing(Team::name)).toList());
        model.addAttribute("statuses", Status.values());
        model.addAttribute("agents", roster.agents().stream().filter(Agent::isActive).toList());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("priorities", Priority.values());
        return "inbox-body".equals(htmxTarget) ? "conversations/inbox :: inboxBody" : "conversations/inbox";
    }
}
