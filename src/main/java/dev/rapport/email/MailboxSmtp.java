package dev.rapport.email;

import dev.rapport.mail.SmtpRoutes;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/** Each mailbox's own SMTP server, for the outbox to send that mailbox's mail through (the route is its id). */
@Component
class MailboxSmtp implements SmtpRoutes {

    private final MailboxDirectory directory;
    private final EmailSettings settings;

    MailboxSmtp(MailboxDirectory directory, EmailSettings settings) {
        this.directory = directory;
        this.settings = settings;
    }

    @Override
    public Optional<JavaMailSender> sender(String route) {
        UUID id;
        try {
            id = UUID.fromString(route);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return directory.find(new Mailbox.MailboxId(id)).filter(Mailbox::sends).map(this::senderFor);
    }

    private JavaMailSender senderFor(Mailbox mailbox) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(mailbox.smtpHost());
        sender.setPort(mailbox.smtpPort());
        sender.setProtocol(mailbox.smtpSecurity() == Mailbox.Security.TLS ? "smtps" : "smtp");
        sender.setUsername(mailbox.smtpUser());
        sender.setPassword(directory.smtpPassword(mailbox));
        sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
        sender.setJavaMailProperties(MailSessions.smtp(mailbox, settings.connectTimeout()));
        return sender;
    }
}
