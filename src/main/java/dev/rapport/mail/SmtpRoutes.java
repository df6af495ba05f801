package dev.rapport.mail;

import org.springframework.mail.javamail.JavaMailSender;

import java.util.Optional;

/**
 * Another module's own SMTP servers (the email channel's mailboxes): the dispatcher asks for the sender of a mail's
 * route and falls back to the default server ({@code spring.mail.host}) when there is none.
 */
public interface SmtpRoutes {

    Optional<JavaMailSender> sender(String route);
}
