package dev.rapport.notifications.web;

import dev.rapport.agents.SignedInAgent;
import dev.rapport.notifications.Notifier;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/** The agent's notifications: mentions and news in followed conversations. */
@Controller
class NotificationsController {

    private final Notifier notifier;

    NotificationsController(Notifier notifier) {
        this.notifier = notifier;
    }

    @GetMapping("/notifications")
    String list(@AuthenticationPrincipal SignedInAgent me, Model model) {
        model.addAttribute("notifications", notifier.latest(me.id()));
        return "notifications/list";
    }

    @PostMapping("/notifications/read")
    String markAllRead(@AuthenticationPrincipal SignedInAgent me) {
        notifier.markAllRead(me.id());
        return "redirect:/notifications";
    }
}
