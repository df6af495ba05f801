package dev.rapport.email.web;

import dev.rapport.agents.SignedInAgent;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.Desk;
import dev.rapport.conversations.Message;
import dev.rapport.email.EmailDelivery;
import dev.rapport.email.InboundEmails;
import dev.rapport.email.Mailbox;
import dev.rapport.email.MailboxDirectory;
import dev.rapport.email.ParsedEmail;
import dev.rapport.shared.web.SecurityHeaders;
import jakarta.servlet.http.HttpServletResponse;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * The email side of a conversation for agents who may see it: the Email panel, each message as it arrived (sanitised
 * HTML with remote images blocked until allowed, inline images, the raw .eml to download) and retrying a failed reply.
 */
@Controller
class EmailController {

    private final Desk desk;
    private final InboundEmails inbound;
    private final MailboxDirectory directory;
    private final EmailDelivery delivery;

    EmailController(Desk desk, InboundEmails inbound, MailboxDirectory directory, EmailDelivery delivery) {
        this.desk = desk;
        this.inbound = inbound;
        this.directory = directory;
        this.delivery = delivery;
    }

    @GetMapping("/email/conversations/{number}/panel")
    String panel(@PathVariable long number, @AuthenticationPrincipal SignedInAgent me, Model model) {
        Conversation conversation = desk.visibleTo(number, me);
        UUID id = conversation.id().value();
        model.addAttribute("conversation", conversation);
        model.addAttribute("mailbox", inbound.mailboxOf(id).flatMap(m -> directory.find(new Mailbox.MailboxId(m)))
                .orElse(null));
        model.addAttribute("participants", inbound.participants(id));
        model.addAttribute("linkedFrom", inbound.linkedFrom(id).orElse(null));
        model.addAttribute("emails", inbound.ofConversation(id));
        model.addAttribute("failed", desk.messages(conversation.id()).stream()
                .filter(m -> m.kind() == Message.Kind.REPLY && m.delivery() == Message.Delivery.FAILED).toList());
        return "email/panel :: panel";
    }

    @GetMapping("/email/inbound/{id}")
    String original(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean images,
                    @AuthenticationPrincipal SignedInAgent me, Model model, HttpServletResponse response) {
        InboundEmails.Inbound email = visible(id, me);
        Conversation conversation = desk.find(new Conversation.ConversationId(email.conversation())).orElseThrow();
        model.addAttribute("email", email);
        model.addAttribute("conversation", conversation);
        model.addAttribute("message", email.message() == null ? null
                : desk.message(new Message.MessageId(email.message())).orElse(null));
        String html = inbound.html(id).orElse(null);
        if (html != null) {
            Document document = Jsoup.parseBodyFragment(html);
            int blocked = 0;
            for (Element image : document.select("img[src]")) {
                String src = image.attr("src");
                if (src.regionMatches(true, 0, "cid:", 0, 4)) {
                    image.attr("src", "/email/inbound/" + id + "/cid/"
                            + UriUtils.encodePathSegment(src.substring(4), StandardCharsets.UTF_8));
                } else if (!images && (src.startsWith("http:") || src.startsWith("https:") || src.startsWith("//"))) {
                    image.removeAttr("src");
                    image.attr("alt", "[image from " + host(src) + " blocked]");
                    image.addClass("email-blocked-image");
                    blocked++;
                }
            }
            for (Element link : document.select("a[href]")) {
                link.attr("rel", "noopener noreferrer nofollow").attr("target", "_blank");
            }
            model.addAttribute("html", document.body().html());
            model.addAttribute("blocked", blocked);
            model.addAttribute("imagesAllowed", images);
            if (images) {
                response.setHeader("Content-Security-Policy", SecurityHeaders.CONTENT_SECURITY_POLICY
                        .replace("img-src 'self' data:", "img-src 'self' data: https: http:"));
            }
        }
        return "email/original";
    }

    @GetMapping("/email/inbound/{id}/raw")
    ResponseEntity<byte[]> raw(@PathVariable UUID id, @AuthenticationPrincipal SignedInAgent me) {
        visible(id, me);
        byte[] raw = inbound.raw(id).orElseThrow();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("message/rfc822"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("email-" + id + ".eml").build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(raw);
    }

    @GetMapping("/email/inbound/{id}/cid/{contentId}")
    ResponseEntity<byte[]> inline(@PathVariable UUID id, @PathVariable String contentId,
                                  @AuthenticationPrincipal SignedInAgent me) {
        visible(id, me);
        ParsedEmail.Part part = inbound.inlinePart(id, contentId)
                .filter(p -> p.contentType().startsWith("image/") && !p.contentType().contains("svg"))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such image"));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(part.contentType()))
                .header("X-Content-Type-Options", "nosniff").body(part.content());
    }

    @PostMapping("/email/replies/{message}/retry")
    String retry(@PathVariable UUID message, @AuthenticationPrincipal SignedInAgent me, RedirectAttributes flash) {
        Message reply = desk.message(new Message.MessageId(message))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such reply"));
        Conversation conversation = desk.find(reply.conversation()).orElseThrow();
        if (!desk.canSee(conversation, me)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such reply");
        }
        flash.addFlashAttribute("notice", delivery.retry(reply.id()) ? "The reply is queued to be sent again."
                : "That reply is not waiting to be retried.");
        return "redirect:/conversations/" + conversation.number();
    }

    private InboundEmails.Inbound visible(UUID id, SignedInAgent me) {
        InboundEmails.Inbound email = inbound.find(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such email"));
        boolean allowed = email.conversation() != null && desk.find(new Conversation.ConversationId(
                email.conversation())).map(c -> desk.canSee(c, me)).orElse(false);
        if (!allowed) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such email");
        }
        return email;
    }

    private static String host(String src) {
        try {
            String host = java.net.URI.create(src.startsWith("//") ? "https:" + src : src).getHost();
            return host == null ? "another site" : host;
        } catch (IllegalArgumentException e) {
            return "another site";
        }
    }

}
