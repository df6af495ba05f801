package dev.rapport.coach.web;

import dev.rapport.agents.Role;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.coach.Category;
import dev.rapport.coach.Kind;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Coaching stats: how often the coach found each kind of slip per 100 replies, week by week, for the agent
 * themself, and for leads and admins across everyone, with the rules dismissed most (to tune them). Never a ranking
 * of agents.
 */
@Controller
class CoachStatsController {

    static final int WEEKS = 4;

    private final CoachedReplies replies;
    private final Dismissals dismissals;
    private final Clock clock;

    CoachStatsController(CoachedReplies replies, Dismissals dismissals, Clock clock) {
        this.replies = replies;
        this.dismissals = dismissals;
        this.clock = clock;
    }

    /** One column of the table: a week and what the coach saw in it. */
    record Week(Instant from, Instant to, CoachedReplies.Tally tally, CoachedReplies.Tally notes) {
    }

    @GetMapping("/coach/stats")
    String stats(@AuthenticationPrincipal SignedInAgent me, Model model) {
        boolean lead = me.role() == Role.ADMIN || me.role() == Role.LEAD;
        model.addAttribute("categories", Arrays.stream(Category.values())
                .filter(category -> category.kind() == Kind.REPLY).toList());
        model.addAttribute("noteCategory", Category.NOTE_DISRESPECT);
        model.addAttribute("mine", weeks(me.id().value()));
        model.addAttribute("lead", lead);
        if (lead) {
            model.addAttribute("everyone", weeks(null));
            model.addAttribute("dismissed", dismissals.mostDismissed(10));
        }
        return "coach/stats";
    }

    private List<Week> weeks(java.util.UUID agent) {
        Instant now = clock.instant();
        List<Week> weeks = new ArrayList<>();
        for (int back = WEEKS - 1; back >= 0; back--) {
            Instant to = now.minus(Duration.ofDays(7L * back));
            Instant from = to.minus(Duration.ofDays(7));
            Instant end = back == 0 ? now.plusSeconds(1) : to;
            weeks.add(new Week(from, to, replies.tally(Kind.REPLY, agent, from, end),
                    replies.tally(Kind.NOTE, agent, from, end)));
        }
        return weeks;
    }
}
