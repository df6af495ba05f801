package dev.rapport.promises.web;

import dev.rapport.agents.Agent;
import dev.rapport.agents.Role;
import dev.rapport.agents.Roster;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.Desk;
import dev.rapport.promises.PromiseRejected;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The "Make a promise" panel in the composer: what, who, by when (with quick choices on the team's business hours),
 * who tells the customer and by when, and the sentence it adds to the reply, previewed as the agent types.
 */
@Controller
class ComposerPanelController {

    private final Desk desk;
    private final Roster roster;
    private final PromiseDrafting drafting;
    private final QuickDeadlines quick;

    ComposerPanelController(Desk desk, Roster roster, PromiseDrafting drafting, QuickDeadlines quick) {
        this.desk = desk;
        this.roster = roster;
        this.drafting = drafting;
        this.quick = quick;
    }

    /** The panel; fields posted back after an error come in again as {@code promise.*} parameters. */
    @GetMapping("/promises/composer")
    String panel(@RequestParam long conversation, @RequestParam Map<String, String> typed,
                 @AuthenticationPrincipal SignedInAgent me, Model model) {
        Conversation shown = desk.visibleTo(conversation, me);
        fillChoices(model, me, shown);
        model.addAttribute("typed", typed);
        model.addAttribute("open", PromiseDraft.present(typed));
        model.addAttribute("quickChoices", quick.forTeam(shown.team()));
        return "promises/composer :: panel";
    }

    @PostMapping("/promises/composer/preview")
    String preview(@RequestParam long conversation, @RequestParam Map<String, String> form,
                   @AuthenticationPrincipal SignedInAgent me, Model model) {
        Conversation shown = desk.visibleTo(conversation, me);
        if (!PromiseDraft.present(form)) {
            model.addAttribute("hint", "Say what will be done, and the sentence for the customer appears here.");
            return "promises/composer :: preview";
        }
        try {
            PromiseDraft draft = drafting.read(form, me.id().value());
            model.addAttribute("sentence", drafting.sentence(draft, shown, me.id().value()));
            if (draft.contactAt() != null && draft.contactAt().isBefore(draft.dueAt())) {
                model.addAttribute("warning", "They will be told before the work is due: fine for news on the way,"
                        + " but the promise is kept only once the work is done and they hear about it.");
            }
        } catch (PromiseRejected rejected) {
            model.addAttribute("problem", rejected.getMessage());
        }
        return "promises/composer :: preview";
    }

    /** The people and teams a promise may name: whoever does the work, and who tells the customer. */
    void fillChoices(Model model, SignedInAgent me, Conversation conversation) {
        List<Agent> active = roster.agents().stream().filter(Agent::isActive)
                .sorted(Comparator.comparing(Agent::name, String.CASE_INSENSITIVE_ORDER)).toList();
        model.addAttribute("conversation", conversation);
        model.addAttribute("me", me);
        model.addAttribute("owners", active);
        model.addAttribute("contacts", active.stream().filter(agent -> agent.role() != Role.TEAMMATE).toList());
        model.addAttribute("teams", roster.teams());
        model.addAttribute("zone", drafting.zone().getId());
    }
}
