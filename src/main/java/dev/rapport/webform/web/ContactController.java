package dev.rapport.webform.web;

import dev.rapport.conversations.AttachmentStore;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.NewAttachment;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.util.List;
import dev.rapport.webform.ContactDesk;
import dev.rapport.webform.ContactRequest;
import dev.rapport.webform.SubmissionLimiter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The public contact page: anyone can write to the business; every submission becomes a conversation. */
@Controller
class ContactController {

    private final ContactDesk contacts;
    private final AttachmentStore store;
    private final SubmissionLimiter limiter;

    ContactController(ContactDesk contacts, SubmissionLimiter limiter, AttachmentStore store) {
        this.store = store;
        this.contacts = contacts;
        this.limiter = limiter;
    }

    @GetMapping("/contact")
    String form(Model model) {
        model.addAttribute("contact", ContactRequest.empty());
        return "webform/contact";
    }

    @PostMapping("/contact")
    String submit(@Valid @ModelAttribute("contact") ContactRequest contact, BindingResult errors,
                  @RequestParam(required = false) MultipartFile attachment,
                  HttpServletRequest request, Model model, RedirectAttributes flash) {
        List<NewAttachment> files = attachment == null || attachment.isEmpty() ? List.of()
                : List.of(new NewAttachment(attachment.getOriginalFilename(), attachment.getContentType(),
                attachment.getSize(), attachment::getInputStream));
        files.forEach(file -> store.problemWith(file).ifPresent(problem ->
                model.addAttribute("attachmentError", problem)));
        if (errors.hasErrors() || model.containsAttribute("attachmentError")) {
            return "webform/contact";
        }
        if (!limiter.allows(request.getRemoteAddr())) {
            model.addAttribute("problem", "We received several messages from your network in the last few minutes. "
                    + "Please wait ten minutes and send again; your text is still here.");
            return "webform/contact";
        }
        if (contact.looksLikeABot()) {
            return "redirect:/contact/thanks";
        }
        Conversation conversation = contacts.submit(contact, files);
        flash.addFlashAttribute("reference", conversation.number());
        flash.addFlashAttribute("email", contact.email().strip());
        return "redirect:/contact/thanks";
    }

    @GetMapping("/contact/thanks")
    String thanks() {
        return "webform/thanks";
    }
}
