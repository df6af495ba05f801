package dev.rapport.email;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import org.springframework.stereotype.Component;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Test connection: walks a mailbox's IMAP and SMTP servers step by step (name lookup, connection, TLS, sign-in,
 * folder) and stops at the first step that fails, saying exactly what failed and what to check. Passwords never
 * appear in what it reports.
 */
@Component
public class ConnectionCheck {

    /** One step and how it went. */
    public record Step(String server, String name, boolean ok, String detail) {
    }

    /** Every step tried, in order; the last one failed unless all are fine. */
    public record Report(List<Step> steps) {
        public boolean ok() {
            return steps.stream().allMatch(Step::ok);
        }
    }

    private final MailboxDirectory directory;
    private final Duration timeout;

    ConnectionCheck(MailboxDirectory directory, EmailSettings settings) {
        this.directory = directory;
        this.timeout = settings.connectTimeout();
    }

    public Report check(Mailbox mailbox) {
        List<Step> steps = new ArrayList<>();
        if (mailbox.fetches()) {
            checkImap(mailbox, steps);
        }
        if (mailbox.sends()) {
            checkSmtp(mailbox, steps);
        }
        if (steps.isEmpty()) {
            steps.add(new Step("Mailbox", "Servers", false,
                    "Neither an IMAP nor an SMTP server is set: mail can only arrive through the webhook."));
        }
        return new Report(steps);
    }

    private void checkImap(Mailbox mailbox, List<Step> steps) {
        if (!reach("IMAP", mailbox.imapHost(), mailbox.imapPort(), mailbox.imapSecurity(), steps)) {
            return;
        }
        Session session = MailSessions.imap(mailbox, timeout);
        try (Store store = session.getStore(MailSessions.imapProtocol(mailbox))) {
            try {
                store.connect(mailbox.imapHost(), mailbox.imapPort(), mailbox.imapUser(),
                        directory.imapPassword(mailbox));
                steps.add(new Step("IMAP", "Sign-in", true, "Signed in as " + mailbox.imapUser() + "."));
            } catch (AuthenticationFailedException e) {
                steps.add(new Step("IMAP", "Sign-in", false, "The server refused the user name or password for "
                        + mailbox.imapUser() + ". Gmail and Microsoft 365 need an app password here, not the "
                        + "account's own password."));
                return;
            } catch (MessagingException | IllegalStateException e) {
                steps.add(failure("IMAP", e));
                return;
            }
            if (!folder(store, mailbox.imapFolder(), "Folder", steps)) {
                return;
            }
            if (mailbox.afterImport() == Mailbox.AfterImport.MOVE) {
                folder(store, mailbox.moveToFolder(), "Move-to folder", steps);
            }
        } catch (MessagingException e) {
            steps.add(failure("IMAP", e));
        }
    }

    private static boolean folder(Store store, String name, String step, List<Step> steps) {
        try {
            Folder folder = store.getFolder(name);
            if (!folder.exists()) {
                steps.add(new Step("IMAP", step, false, "There is no folder called \"" + name
                        + "\" in this mailbox. Folder names are case-sensitive; INBOX is the usual one."));
                return false;
            }
            folder.open(Folder.READ_ONLY);
            int count = folder.getMessageCount();
            folder.close(false);
            steps.add(new Step("IMAP", step, true, "\"" + name + "\" opens (" + count + " messages)."));
            return true;
        } catch (MessagingException e) {
            steps.add(new Step("IMAP", step, false, "\"" + name + "\" could not be opened: " + e.getMessage()));
            return false;
        }
    }

    private void checkSmtp(Mailbox mailbox, List<Step> steps) {
        if (!reach("SMTP", mailbox.smtpHost(), mailbox.smtpPort(), mailbox.smtpSecurity(), steps)) {
            return;
        }
        Session session = Session.getInstance(MailSessions.smtp(mailbox, timeout));
        try (Transport transport = session.getTransport(mailbox.smtpSecurity() == Mailbox.Security.TLS
                ? "smtps" : "smtp")) {
            transport.connect(mailbox.smtpHost(), mailbox.smtpPort(), mailbox.smtpUser(),
                    directory.smtpPassword(mailbox));
            steps.add(new Step("SMTP", "Sign-in", true, mailbox.smtpUser() == null ? "Connected (no sign-in set)."
                    : "Signed in as " + mailbox.smtpUser() + "."));
        } catch (AuthenticationFailedException e) {
            steps.add(new Step("SMTP", "Sign-in", false, "The server refused the user name or password for "
                    + mailbox.smtpUser() + ". Gmail and Microsoft 365 need an app password here."));
        } catch (MessagingException | IllegalStateException e) {
            steps.add(failure("SMTP", e));
        }
    }

    /** Name lookup, connection, and (for TLS from the first byte) the handshake. */
    private boolean reach(String server, String host, int port, Mailbox.Security security, List<Step> steps) {
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
            steps.add(new Step(server, "Name lookup (DNS)", true, host + " is " + address.getHostAddress() + "."));
        } catch (UnknownHostException e) {
            steps.add(new Step(server, "Name lookup (DNS)", false, "No server called " + host
                    + " could be found. Check the spelling of the host name."));
            return false;
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), (int) timeout.toMillis());
            steps.add(new Step(server, "Connection", true, "Port " + port + " answers."));
        } catch (IOException e) {
            steps.add(new Step(server, "Connection", false, host + " does not answer on port " + port + " ("
                    + e.getMessage() + "). Check the port, and that a firewall lets Rapport out."));
            return false;
        }
        if (security == Mailbox.Security.TLS) {
            try (SSLSocket socket = (SSLSocket) SSLSocketFactory.getDefault().createSocket()) {
                socket.connect(new InetSocketAddress(address, port), (int) timeout.toMillis());
                socket.setSoTimeout((int) timeout.toMillis());
                javax.net.ssl.SSLParameters parameters = socket.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                socket.setSSLParameters(parameters);
                socket.startHandshake();
                steps.add(new Step(server, "TLS", true, "Secure connection, " + socket.getSession().getProtocol() + "."));
            } catch (IOException e) {
                steps.add(new Step(server, "TLS", false, "The secure connection failed (" + e.getMessage()
                        + "). The port may expect STARTTLS or no TLS, or the server's certificate is not trusted."));
                return false;
            }
        }
        return true;
    }

    private static Step failure(String server, Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof SSLException) {
            return new Step(server, "TLS", false, "The secure connection failed (" + cause.getMessage()
                    + "). Check TLS/STARTTLS and the server's certificate.");
        }
        return new Step(server, "Sign-in", false, "The server answered: " + e.getMessage());
    }
}
