/**
 * The email channel: mailboxes (Admin → Email, passwords sealed with {@code rapport.email.secret-key}), mail fetched
 * over IMAP or pushed to a raw-MIME webhook, stored raw before anything else happens to it, then parsed, threaded
 * (only ever into a conversation the sender takes part in), screened for auto-replies, bounces and our own mail,
 * and turned into conversations; agents' replies to email conversations leave through the {@link dev.rapport.mail}
 * outbox with proper threading headers from the mailbox's own SMTP server. Listens to
 * {@link dev.rapport.conversations.ReplyPosted}, {@link dev.rapport.mail.MailSent} and
 * {@link dev.rapport.mail.MailFailed}; publishes nothing.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "agents", "conversations", "mail"})
package dev.rapport.email;
