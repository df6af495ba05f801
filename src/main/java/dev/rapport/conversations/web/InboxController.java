package dev.rapport.conversations.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The agent's daily home. Until conversations arrive it shows what will appear here and how to get started. */
@Controller
class InboxController {

    @GetMapping("/inbox")
    String inbox() {
        return "conversations/inbox";
    }
}
