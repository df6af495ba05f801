package dev.rapport.coach.web;

import dev.rapport.agents.SignedInAgent;
import dev.rapport.coach.Analysis;
import dev.rapport.coach.Category;
import dev.rapport.coach.Coach;
import dev.rapport.coach.CoachSettings;
import dev.rapport.coach.Finding;
import dev.rapport.coach.Kind;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The coach beside the reply composer: the composer posts its draft as the agent types (debounced) and gets back the
 * panel of findings, each with the words it is about, why, a suggestion, a one-click rewording where there is one,
 * and "I meant it". Dismissed findings stay dismissed for the draft and are recorded.
 */
@Controller
class CoachPanelController {

    private final Coach coach;
    private final CoachSettings settings;
    private final Dismissals dismissals;

    CoachPanelController(Coach coach, CoachSettings settings, Dismissals dismissals) {
        this.coach = coach;
        this.settings = settings;
        this.dismissals = dismissals;
    }

    /** A finding as the panel shows it; {@code key} names it across edits (rule and words), for dismissal. */
    record Shown(Finding finding, String words, String key) {
        public boolean secondLook() {
            return finding.category().worthASecondLook();
        }
    }

    @PostMapping(value = "/coach/draft", headers = "HX-Request")
    String draft(@RequestParam(defaultValue = "") String body, @RequestParam(defaultValue = "reply") String type,
                 @RequestParam(defaultValue = "") String greetingName,
                 @RequestParam(defaultValue = "") String dismissed,
                 @RequestParam(name = "promise.what", defaultValue = "") String promising, Model model) {
        String text = body.length() > settings.maxTextLength() ? body.substring(0, settings.maxTextLength()) : body;
        Kind kind = "note".equals(type) ? Kind.NOTE : Kind.REPLY;
        Analysis analysis = coach.analyze(text, kind,
                greetingName.isBlank() ? Optional.empty() : Optional.of(greetingName.strip()));
        Set<String> gone = Arrays.stream(dismissed.split("\n")).filter(s -> !s.isBlank()).collect(Collectors.toSet());
        List<Shown> shown = analysis.findings().stream()
                .map(finding -> new Shown(finding, finding.span().of(text), key(finding, text)))
                .filter(item -> !gone.contains(item.key()))
                .filter(item -> promising.isBlank() || !answeredByAPromise(item.finding().category()))
                .toList();
        model.addAttribute("promising", !promising.isBlank() && kind == Kind.REPLY);
        model.addAttribute("findings", shown);
        model.addAttribute("signals", analysis.signals());
        model.addAttribute("text", text);
        model.addAttribute("secondLook", shown.stream().filter(Shown::secondLook).count());
        model.addAttribute("empty", text.isBlank());
        return "coach/panel :: panel";
    }

    @PostMapping(value = "/coach/dismissals", headers = "HX-Request")
    ResponseEntity<Void> dismiss(@RequestParam String rule, @RequestParam Category category,
                                 @RequestParam(required = false) Long conversation,
                                 @RequestParam(defaultValue = "") String words,
                                 @AuthenticationPrincipal SignedInAgent me) {
        dismissals.record(me, rule, category, conversation, words);
        return ResponseEntity.noContent().build();
    }

    /**
     * A promise made with the reply (the composer's promise panel, whose sentence is added to the reply) gives the
     * customer the what, who and when that a vague promise or a missing next step lacked.
     */
    private static boolean answeredByAPromise(Category category) {
        return category == Category.VAGUE_PROMISE || category == Category.NO_NEXT_STEP;
    }

    private static String key(Finding finding, String text) {
        return finding.ruleId() + ":" + finding.span().of(text).toLowerCase(Locale.ROOT);
    }
}
