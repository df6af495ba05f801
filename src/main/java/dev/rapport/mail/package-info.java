/**
 * The outbox for email Rapport sends: every mail is stored before it is sent, then delivered over SMTP with retries
 * and backoff, so a crash or an SMTP outage loses nothing. The email channel will add mailboxes on top. Publishes
 * {@link dev.rapport.mail.MailSent} and {@link dev.rapport.mail.MailFailed}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package dev.rapport.mail;
