package dev.rapport.email.web;

import dev.rapport.agents.Roster;
import dev.rapport.email.ConnectionCheck;
import dev.rapport.email.ImapIdle;
import dev.rapport.email.Mailbox;
import dev.rapport.email.MailboxDirectory;
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
 * Admin → Email: the mailboxes, each with its servers, signature and acknowledgement; Test connection walks the
 * servers step by step; the webhook address is shown once when made.
 */
@Controller
class EmailAdminController {

    private final MailboxDirectory directory;
    private final ConnectionCheck connectionCheck;
    private final Roster roster;
    private final ImapIdle idle;

    EmailAdminController(MailboxDirectory directory, ConnectionCheck connectionCheck, Roster roster, ImapIdle idle) {
        this.idle = idle;
        this.directory = directory;
        this.connectionCheck = connectionCheck;
        this.roster = roster;
    }

    @GetMapping("/admin/email")
    String list(Model model) {
        var mailboxes = directory.all();
        model.addAttribute("mailboxes", mailboxes);
        model.addAttribute("live", mailboxes.stream().filter(mailbox -> idle.watching(mailbox.id()))
                .map(mailbox -> mailbox.id().value()).collect(java.util.stream.Collectors.toSet()));
        model.addAttribute("teamNames", roster.teams().stream().collect(java.util.stream.Collectors.toMap(
                team -> team.id().value(), dev.rapport.agents.Team::name)));
        model.addAttribute("teamList", roster.teams());
        if (!model.containsAttribute("fields")) {
            model.addAttribute("fields", MailboxFields.blank());
        }
        return "email/admin";
    }

    @PostMapping("/admin/email")
    String create(@ModelAttribute MailboxFields fields, Model model, RedirectAttributes flash) {
        try {
            MailboxDirectory.WithToken created = directory.create(fields.toForm());
            flash.addFlashAttribute("webhookUrl", webhookUrl(created.webhookToken()));
            flash.addFlashAttribute("notice", "Mailbox added. Test the connection to see that Rapport can reach it.");
            return "redirect:/admin/email/" + created.mailbox().id();
        } catch (IllegalArgumentException e) {
            model.addAttribute("formError", e.getMessage());
            model.addAttribute("fields", fields.typed());
            return list(model);
        }
    }

    @GetMapping("/admin/email/{id}")
    String mailbox(@PathVariable UUID id, Model model) {
        Mailbox mailbox = require(id);
        model.addAttribute("mailbox", mailbox);
        model.addAttribute("teamList", roster.teams());
        model.addAttribute("teamName", mailbox.team().map(team -> roster.teamsById()
                .get(new dev.rapport.agents.Team.TeamId(team))).map(dev.rapport.agents.Team::name).orElse("Everyone"));
        if (!model.containsAttribute("fields")) {
            model.addAttribute("fields", MailboxFields.of(mailbox));
        }
        return "email/mailbox";
    }

    @PostMapping("/admin/email/{id}")
    String change(@PathVariable UUID id, @ModelAttribute MailboxFields fields, Model model, RedirectAttributes flash) {
        try {
            directory.change(require(id).id(), fields.toForm());
            flash.addFlashAttribute("notice", "Mailbox saved.");
            return "redirect:/admin/email/" + id;
        } catch (IllegalArgumentException e) {
            model.addAttribute("formError", e.getMessage());
            model.addAttribute("fields", fields.typed());
            return mailbox(id, model);
        }
    }

    @PostMapping("/admin/email/{id}/test")
    String test(@PathVariable UUID id, Model model) {
        model.addAttribute("report", connectionCheck.check(require(id)));
        return mailbox(id, model);
    }

    @PostMapping("/admin/email/{id}/webhook")
    String webhook(@PathVariable UUID id, RedirectAttributes flash) {
        MailboxDirectory.WithToken renewed = directory.newWebhookToken(require(id).id());
        flash.addFlashAttribute("webhookUrl", webhookUrl(renewed.webhookToken()));
        flash.addFlashAttribute("notice", "New webhook address made; the old one no longer works.");
        return "redirect:/admin/email/" + id;
    }

    private Mailbox require(UUID id) {
        return directory.find(new Mailbox.MailboxId(id))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such mailbox"));
    }

    private static String webhookUrl(String token) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v1/inbound/email/{token}")
                .buildAndExpand(token).toUriString();
    }
}
