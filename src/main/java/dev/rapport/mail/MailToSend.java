package dev.rapport.mail;

import dev.rapport.shared.EmailAddress;

/**
 * A mail to send.
 *
 * @param reference what the mail is about, echoed in {@link MailSent}/{@link MailFailed} (e.g. a message id)
 */
public record MailToSend(EmailAddress to, String toName, String subject, String body, String reference) {
}
