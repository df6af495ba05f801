/**
 * The outbox for email Rapport sends: every mail is stored before it is sent, then delivered over SMTP with retries
 * and backoff, so a crash or an SMTP outage loses nothing. Mail may carry its own sender, copies, an HTML part and
 * threading headers, and be sent through another module's SMTP server ({@link dev.rapport.mail.SmtpRoutes}: the email
 * channel's mailboxes); a bounce fails a sent mail ({@link dev.rapport.mail.Outbox#bounced}). Publishes
 * {@link dev.rapport.mail.MailSent} and {@link dev.rapport.mail.MailFailed}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package dev.rapport.mail;
