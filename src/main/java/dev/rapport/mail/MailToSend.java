package dev.rapport.mail;

import dev.rapport.shared.EmailAddress;

import java.util.List;
import java.util.Map;

/**
 * A mail to send.
 *
 * @param reference   what the mail is about, echoed in {@link MailSent}/{@link MailFailed} (e.g. a message id)
 * @param fromAddress the sender address, or null for {@code rapport.mail.from}
 * @param fromName    the sender name, or null for {@code rapport.mail.from-name}
 * @param cc          addresses copied
 * @param htmlBody    an HTML alternative to {@code body}, or null for plain text only
 * @param messageId   the Message-ID to send it with (angle brackets included), or null for one made up by the mailer
 * @param headers     further headers (In-Reply-To, References, Thread-Index, Auto-Submitted)
 * @param route       which {@link SmtpRoutes} sends it, or null for the default SMTP server
 */
public record MailToSend(EmailAddress to, String toName, String subject, String body, String reference,
                         String fromAddress, String fromName, List<EmailAddress> cc, String htmlBody,
                         String messageId, Map<String, String> headers, String route) {

    public MailToSend {
        cc = cc == null ? List.of() : List.copyOf(cc);
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public MailToSend(EmailAddress to, String toName, String subject, String body, String reference) {
        this(to, toName, subject, body, reference, null, null, List.of(), null, null, Map.of(), null);
    }
}
