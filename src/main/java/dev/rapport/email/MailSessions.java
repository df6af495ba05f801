package dev.rapport.email;

import jakarta.mail.Session;

import java.time.Duration;
import java.util.Properties;

/** Jakarta Mail sessions for a mailbox's IMAP and SMTP servers, with timeouts and TLS as configured. */
final class MailSessions {

    private MailSessions() {
    }

    static Session imap(Mailbox mailbox, Duration timeout) {
        return imap(mailbox, timeout, timeout.multipliedBy(3));
    }

    /**
     * A session whose reads may wait {@code readTimeout} for the server: an IDLE connection is quiet until mail
     * arrives, so it needs longer than a fetch.
     */
    static Session imap(Mailbox mailbox, Duration timeout, Duration readTimeout) {
        String protocol = mailbox.imapSecurity() == Mailbox.Security.TLS ? "imaps" : "imap";
        Properties properties = new Properties();
        properties.put("mail.store.protocol", protocol);
        properties.put("mail." + protocol + ".host", mailbox.imapHost());
        properties.put("mail." + protocol + ".port", String.valueOf(mailbox.imapPort()));
        properties.put("mail." + protocol + ".connectiontimeout", String.valueOf(timeout.toMillis()));
        properties.put("mail." + protocol + ".timeout", String.valueOf(readTimeout.toMillis()));
        properties.put("mail." + protocol + ".peek", "true");
        properties.put("mail." + protocol + ".partialfetch", "false");
        if (mailbox.imapSecurity() == Mailbox.Security.STARTTLS) {
            properties.put("mail.imap.starttls.enable", "true");
            properties.put("mail.imap.starttls.required", "true");
        }
        if (mailbox.imapSecurity() != Mailbox.Security.NONE) {
            properties.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        }
        return Session.getInstance(properties);
    }

    static String imapProtocol(Mailbox mailbox) {
        return mailbox.imapSecurity() == Mailbox.Security.TLS ? "imaps" : "imap";
    }

    static Properties smtp(Mailbox mailbox, Duration timeout) {
        String protocol = mailbox.smtpSecurity() == Mailbox.Security.TLS ? "smtps" : "smtp";
        Properties properties = new Properties();
        properties.put("mail.transport.protocol", protocol);
        properties.put("mail." + protocol + ".connectiontimeout", String.valueOf(timeout.toMillis()));
        properties.put("mail." + protocol + ".timeout", String.valueOf(timeout.toMillis() * 3));
        properties.put("mail." + protocol + ".writetimeout", String.valueOf(timeout.toMillis() * 3));
        properties.put("mail." + protocol + ".auth", String.valueOf(mailbox.smtpUser() != null));
        if (mailbox.smtpSecurity() == Mailbox.Security.STARTTLS) {
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", "true");
        }
        return properties;
    }
}
