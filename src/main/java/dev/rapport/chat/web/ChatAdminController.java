package dev.rapport.chat.web;

import dev.rapport.agents.Roster;
import dev.rapport.chat.ChatWidget;
import dev.rapport.chat.WidgetDirectory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.UUID;

/**
 * Admin → Chat: the chat widgets (team, look, greeting, offline message, allowed websites, pre-chat fields, office
 * hours), each with the one script tag to paste and the secret for identity verification.
 */
@Controller
class ChatAdminController {

    private final WidgetDirectory widgets;
    private final Roster roster;

    ChatAdminController(WidgetDirectory widgets, Roster roster) {
        this.widgets = widgets;
        this.roster = roster;
    }

    @GetMapping("/admin/chat")
    String list(Model model) {
        model.addAttribute("widgets", widgets.all());
        model.addAttribute("teams", roster.teamsById());
        model.addAttribute("teamList", roster.teams());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", WidgetForm.blank());
        }
        return "chat/admin";
    }

    @PostMapping("/admin/chat")
    String create(@ModelAttribute("form") WidgetForm form, Model model, RedirectAttributes flash) {
        try {
            ChatWidget widget = widgets.create(form.terms());
            flash.addFlashAttribute("notice", "Widget created. Paste the snippet into your website.");
            return "redirect:/admin/chat/" + widget.id();
        } catch (IllegalArgumentException e) {
            model.addAttribute("formError", e.getMessage());
            return list(model);
        }
    }

    @GetMapping("/admin/chat/{id}")
    String show(@PathVariable UUID id, Model model) {
        ChatWidget widget = widgets.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("widget", widget);
        model.addAttribute("teamList", roster.teams());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", WidgetForm.of(widget));
        }
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        model.addAttribute("snippet", snippet(base, widget));
        model.addAttribute("secret", widgets.secretOf(widget));
        return "chat/widget";
    }

    @PostMapping("/admin/chat/{id}")
    String change(@PathVariable UUID id, @ModelAttribute("form") WidgetForm form, Model model,
                  RedirectAttributes flash) {
        try {
            widgets.change(id, form.terms());
            flash.addFlashAttribute("notice", "Saved. The widget shows the changes on the next page view.");
            return "redirect:/admin/chat/" + id;
        } catch (IllegalArgumentException e) {
            model.addAttribute("formError", e.getMessage());
            return show(id, model);
        }
    }

    @PostMapping("/admin/chat/{id}/secret")
    String rotate(@PathVariable UUID id, RedirectAttributes flash) {
        widgets.rotateSecret(id);
        flash.addFlashAttribute("notice", "New secret made. Identities signed with the old one are no longer trusted: "
                + "update your website's server.");
        return "redirect:/admin/chat/" + id + "#identity";
    }

    static String snippet(String base, ChatWidget widget) {
        return "<script async src=\"" + base + "/chat/widget.js\" data-rapport-chat=\"" + widget.publicKey()
                + "\"></script>";
    }
}
