package dev.rapport.conversations.web;

import dev.rapport.agents.SignedInAgent;
import dev.rapport.conversations.Channel;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.Desk;
import dev.rapport.conversations.NewConversation;
import dev.rapport.conversations.Requester;
import dev.rapport.shared.EmailAddress;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;

/** Logging a phone call or a walk-in by hand, in seconds, so it lands in the customer's history. */
@Controller
class LogInteractionController {

    record InteractionForm(@NotNull(message = "Choose how they reached you.") Channel channel,
                           @NotBlank(message = "Who was it?") @Size(max = 200) String customerName,
                           @Size(max = 254) String customerEmail,
                           @Size(max = 300, message = "Use at most 300 characters.") String subject,
                           @NotBlank(message = "Write down what they asked for.") @Size(max = 20000) String said,
                           @Size(max = 5000) String outcome,
                           Boolean solved) {
        boolean isSolved() {
            return Boolean.TRUE.equals(solved);
        }

        static InteractionForm empty() {
            return new InteractionForm(Channel.PHONE, "", "", "", "", "", true);
        }
    }

    private final Desk desk;

    LogInteractionController(Desk desk) {
        this.desk = desk;
    }

    @ModelAttribute("channels")
    List<Channel> channels() {
        return List.of(Channel.PHONE, Channel.WALK_IN, Channel.EMAIL, Channel.CHAT);
    }

    @GetMapping("/conversations/new")
    String form(Model model) {
        model.addAttribute("form", InteractionForm.empty());
        return "conversations/log";
    }

    @PostMapping("/conversations/new")
    String log(@Valid @ModelAttribute("form") InteractionForm form, BindingResult errors,
               @AuthenticationPrincipal SignedInAgent me, RedirectAttributes flash) {
        boolean hasEmail = form.customerEmail() != null && !form.customerEmail().isBlank();
        if (hasEmail && !EmailAddress.isValid(form.customerEmail())) {
            errors.rejectValue("customerEmail", "invalid", "Enter an email address like ana@example.com, or leave it empty.");
        }
        if (errors.hasErrors()) {
            return "conversations/log";
        }
        Requester requester = new Requester(form.customerName(), hasEmail ? EmailAddress.of(form.customerEmail()) : null);
        Conversation conversation = desk.log(new NewConversation(form.subject(), requester, form.channel(), form.said(),
                null), me, form.outcome(), form.isSolved());
        flash.addFlashAttribute("notice", form.channel().label() + " with " + requester.name() + " logged as #"
                + conversation.number() + (form.isSolved() ? " and solved." : "; it is yours to follow up."));
        return "redirect:/conversations/" + conversation.number();
    }
}
