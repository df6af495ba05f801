package dev.rapport.coach.web;

import dev.rapport.agents.SignedInAgent;
import dev.rapport.coach.Analysis;
import dev.rapport.coach.Category;
import dev.rapport.coach.Coach;
import dev.rapport.coach.Kind;
import dev.rapport.coach.PhraseRule;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/**
 * Admin → Reply coach: add a phrase to a category (with why and what to write instead), try it on sample text
 * first, and remove phrases. Added phrases are flagged from the next analysis on.
 */
@Controller
class CoachAdminController {

    private final CustomPhrases phrases;
    private final Coach coach;

    CoachAdminController(CustomPhrases phrases, Coach coach) {
        this.phrases = phrases;
        this.coach = coach;
    }

    /** What the admin typed, echoed back into the form. */
    record Form(String category, String phrases, String why, String suggestion, String replacement, String sample) {
        static Form empty() {
            return new Form("BLAME_SHIFTING", "", "", "", "", "");
        }
    }

    @GetMapping("/admin/coach")
    String page(Model model) {
        return render(model, Form.empty(), null, null);
    }

    @PostMapping("/admin/coach")
    String add(@RequestParam(defaultValue = "") String category, @RequestParam(defaultValue = "") String phrases,
               @RequestParam(defaultValue = "") String why, @RequestParam(defaultValue = "") String suggestion,
               @RequestParam(defaultValue = "") String replacement, @RequestParam(defaultValue = "") String sample,
               @RequestParam(defaultValue = "add") String action, @AuthenticationPrincipal SignedInAgent me,
               Model model, RedirectAttributes flash) {
        Form form = new Form(category, phrases, why, suggestion, replacement, sample);
        try {
            PhraseRule rule = this.phrases.draft(category, phrases, why, suggestion, replacement);
            if ("try".equals(action)) {
                Analysis trial = coach.trial(rule, sample, Kind.REPLY, Optional.empty());
                return render(model, form, null, trial);
            }
            PhraseRule added = this.phrases.add(rule, me);
            flash.addFlashAttribute("notice", "Added: the coach now marks “" + added.phrases().getFirst() + "” as "
                    + added.category().label().toLowerCase() + ".");
            return "redirect:/admin/coach";
        } catch (IllegalArgumentException e) {
            return render(model, form, e.getMessage(), null);
        }
    }

    @PostMapping("/admin/coach/{id}/remove")
    String remove(@PathVariable UUID id, RedirectAttributes flash) {
        phrases.remove(id);
        flash.addFlashAttribute("notice", "Phrase removed.");
        return "redirect:/admin/coach";
    }

    private String render(Model model, Form form, String formProblem, Analysis trial) {
        model.addAttribute("rules", phrases.all());
        model.addAttribute("categories", Arrays.stream(Category.values()).filter(Category::acceptsPhrases).toList());
        model.addAttribute("form", form);
        model.addAttribute("formProblem", formProblem);
        model.addAttribute("trial", trial);
        return "coach/admin";
    }
}
