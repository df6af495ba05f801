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
 * @param attachments files sent with it (multipart/mixed around the text and HTML), opened when it is sent
 */
public record MailToSend(EmailAddress to, String toName, String subject, String body, String reference,
                         String fromAddress, String fromName, List<EmailAddress> cc, String htmlBody,
                         String messageId, Map<String, String> headers, String route,
                         List<MailAttachment> attachments) {

    public MailToSend {
        cc = cc == null ? List.of() : List.copyOf(cc);
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public MailToSend(EmailAddress to, String toName, String subject, String body, String reference,
                      String fromAddress, String fromName, List<EmailAddress> cc, String htmlBody,
                      String messageId, Map<String, String> headers, String route) {
        this(to, toName, subject, body, reference, fromAddress, fromName, cc, htmlBody, messageId, headers, route,
                List.of());
    }

    /** The same mail carrying these files. */
    public MailToSend withAttachments(List<MailAttachment> files) {
        return new MailToSend(to, toName, subject, body, reference, fromAddress, fromName, cc, htmlBody, messageId,
                headers, route, files);
    }

    public MailToSend(EmailAddress to, String toName, String subject, String body, String reference) {
        this(to, toName, subject, body, reference, null, null, List.of(), null, null, Map.of(), null, List.of());
    }
}
