package dev.rapport.customers.web;

import dev.rapport.customers.AttributeType;
import dev.rapport.customers.CustomerAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.UUID;

/** Admin page where the business defines its own customer fields (text, number, date or a choice). */
@Controller
class AttributeAdminController {

    private final CustomerAttributes attributes;

    AttributeAdminController(CustomerAttributes attributes) {
        this.attributes = attributes;
    }

    @GetMapping("/admin/customer-attributes")
    String list(Model model) {
        return page(model, null, "", "TEXT", "");
    }

    @PostMapping("/admin/customer-attributes")
    String define(@RequestParam(defaultValue = "") String label, @RequestParam(defaultValue = "TEXT") String type,
                  @RequestParam(defaultValue = "") String choices, Model model, RedirectAttributes flash) {
        try {
            var defined = attributes.define(label, type, choices);
            flash.addFlashAttribute("notice", "\"" + defined.label() + "\" added to every customer.");
            return "redirect:/admin/customer-attributes";
        } catch (IllegalArgumentException e) {
            return page(model, e.getMessage(), label, type, choices);
        }
    }

    @PostMapping("/admin/customer-attributes/{id}")
    String change(@PathVariable UUID id, @RequestParam(defaultValue = "") String label,
                  @RequestParam(defaultValue = "") String choices, Model model, RedirectAttributes flash) {
        try {
            attributes.change(id, label, choices);
            flash.addFlashAttribute("notice", "Saved.");
            return "redirect:/admin/customer-attributes";
        } catch (IllegalArgumentException e) {
            model.addAttribute("changeProblem", e.getMessage());
            model.addAttribute("changing", id);
            return page(model, null, "", "TEXT", "");
        }
    }

    @PostMapping("/admin/customer-attributes/{id}/retire")
    String retire(@PathVariable UUID id, RedirectAttributes flash) {
        var retired = attributes.retire(id);
        flash.addFlashAttribute("notice", "\"" + retired.label() + "\" retired. Its values are kept; restore it "
                + "to show them again.");
        return "redirect:/admin/customer-attributes";
    }

    @PostMapping("/admin/customer-attributes/{id}/restore")
    String restore(@PathVariable UUID id, RedirectAttributes flash) {
        var restored = attributes.restore(id);
        flash.addFlashAttribute("notice", "\"" + restored.label() + "\" restored.");
        return "redirect:/admin/customer-attributes";
    }

    private String page(Model model, String problem, String label, String type, String choices) {
        model.addAttribute("attributes", attributes.all());
        model.addAttribute("types", AttributeType.values());
        model.addAttribute("problem", problem);
        model.addAttribute("label", label);
        model.addAttribute("type", type);
        model.addAttribute("choices", choices);
        return "customers/admin-attributes";
    }
}
