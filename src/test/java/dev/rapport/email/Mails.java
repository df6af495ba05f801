package dev.rapport.email;

import com.icegreen.greenmail.base.GreenMailOperations;
import dev.rapport.shared.EmailAddress;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

/** Test mail: a mailbox on GreenMail, and customers writing to it from their mail clients over real SMTP. */
final class Mails {

    static final String PASSWORD = "app-password-123";

    private Mails() {
    }

    static MailboxForm mailbox(String address, GreenMailOperations greenMail, boolean acknowledge) {
        return new MailboxForm(EmailAddress.of(address), "Harbour Lane Toys", null, "127.0.0.1",
                greenMail.getImap().getPort(), Mailbox.Security.NONE, address, PASSWORD, "INBOX",
                Mailbox.AfterImport.MARK_READ, null, "127.0.0.1", greenMail.getSmtp().getPort(),
                Mailbox.Security.NONE, address, PASSWORD, "Harbour Lane Toys · 12 Harbour Lane", acknowledge, true);
    }

    /** Sends over the GreenMail SMTP server, as a customer's mail client would. */
    static MimeMessage send(GreenMailOperations greenMail, String from, String fromName, String to, String subject,
                            String text, Map<String, String> headers) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(greenMail.getSmtp().getPort()));
        Session session = Session.getInstance(properties);
        String id = headers.get("Message-ID");
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                if (id == null) {
                    super.updateMessageID();
                } else {
                    setHeader("Message-ID", id);
                }
            }
        };
        message.setFrom(new InternetAddress(from, fromName, "UTF-8"));
        message.setRecipients(Message.RecipientType.TO, to);
        message.setSubject(subject, "UTF-8");
        message.setText(text, "UTF-8");
        for (var header : headers.entrySet()) {
            message.setHeader(header.getKey(), header.getValue());
        }
        Transport.send(message);
        return message;
    }

    static MimeMessage parse(String raw) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
    }

    /** What a GreenMail user's INBOX holds, in arrival order. */
    static java.util.List<MimeMessage> inbox(GreenMailOperations greenMail, String user) {
        try {
            var account = greenMail.getUserManager().getUser(user);
            return greenMail.getManagers().getImapHostManager().getInbox(account).getMessages().stream()
                    .map(stored -> (MimeMessage) stored.getMimeMessage()).toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
