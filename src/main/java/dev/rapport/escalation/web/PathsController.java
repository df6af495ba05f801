package dev.rapport.escalation.web;

import dev.rapport.agents.SignedInAgent;
import dev.rapport.escalation.EscalationRejected;
import dev.rapport.escalation.PathBook;
import dev.rapport.escalation.SpecialistDirectory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Admin → Escalation paths: per topic (a tag), the teams and people to bring in, in order. Admins only (/admin/**). */
@Controller
class PathsController {

    private final PathBook paths;
    private final SpecialistDirectory directory;

    PathsController(PathBook paths, SpecialistDirectory directory) {
        this.paths = paths;
        this.directory = directory;
    }

    @GetMapping("/admin/escalation-paths")
    String page(@RequestParam(required = false) String topic, Model model) {
        Map<String, String> typed = new HashMap<>();
        List<String> steps = new ArrayList<>();
        if (topic != null) {
            paths.all().stream().filter(path -> path.topic().equals(topic)).findFirst().ifPresent(path -> {
                typed.put("topic", path.topic());
                typed.put("name", path.name());
                path.steps().forEach(step -> steps.add(step.key()));
            });
        }
        return page(typed, steps, new HashMap<>(), model);
    }

    @PostMapping("/admin/escalation-paths")
    String save(@AuthenticationPrincipal SignedInAgent me, @RequestParam(defaultValue = "") String topic,
                @RequestParam(defaultValue = "") String name,
                @RequestParam(name = "step", required = false) List<String> steps, Model model,
                RedirectAttributes flash) {
        List<String> chosen = steps == null ? List.of() : steps;
        try {
            var path = paths.define(topic, name, chosen, me);
            flash.addFlashAttribute("notice", "Saved the path for " + path.name() + ".");
            return "redirect:/admin/escalation-paths";
        } catch (EscalationRejected rejected) {
            Map<String, String> errors = new HashMap<>();
            errors.put(rejected.field(), rejected.getMessage());
            return page(Map.of("topic", topic, "name", name), chosen, errors, model);
        }
    }

    @PostMapping("/admin/escalation-paths/{id}/remove")
    String remove(@PathVariable UUID id, @AuthenticationPrincipal SignedInAgent me, RedirectAttributes flash) {
        paths.remove(id, me);
        flash.addFlashAttribute("notice", "Removed the path.");
        return "redirect:/admin/escalation-paths";
    }

    private String page(Map<String, String> typed, List<String> steps, Map<String, String> errors, Model model) {
        List<String> slots = new ArrayList<>(steps);
        while (slots.size() < PathBook.MAX_STEPS) {
            slots.add("");
        }
        model.addAttribute("paths", paths.all().stream()
                .map(path -> new PathRow(path.id(), path.topic(), path.name(), paths.describe(path))).toList());
        model.addAttribute("typed", typed);
        model.addAttribute("slots", slots.subList(0, Math.max(PathBook.MAX_STEPS, 0)));
        model.addAttribute("errors", errors);
        model.addAttribute("choices", directory.choices());
        return "escalation/paths";
    }

    /** A path as the page lists it. */
    record PathRow(UUID id, String topic, String name, String steps) {
    }
}
