/**
 * The web form channel: a public contact page that starts conversations, an acknowledgement to the customer, and
 * replies delivered by email through the {@link dev.rapport.mail.Outbox} (for web-form conversations, and in the
 * meantime for every channel that has no delivery of its own yet), with the reply's files attached through the email
 * channel's {@link dev.rapport.email.ConversationFiles}. Listens to
 * {@link dev.rapport.conversations.ReplyPosted}, {@link dev.rapport.mail.MailSent} and
 * {@link dev.rapport.mail.MailFailed}; publishes nothing.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "conversations", "mail", "business", "email"})
package dev.rapport.webform;
