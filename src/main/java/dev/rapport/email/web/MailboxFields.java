package dev.rapport.email.web;

import dev.rapport.email.Mailbox;
import dev.rapport.email.MailboxForm;
import dev.rapport.shared.EmailAddress;

import java.util.UUID;

/** The mailbox form as typed, kept to show it again with the problem beside it. Passwords are never echoed. */
record MailboxFields(String address, String displayName, String team, String imapHost, String imapPort,
                     String imapSecurity, String imapUser, String imapPassword, String imapFolder,
                     String afterImport, String moveToFolder, String smtpHost, String smtpPort, String smtpSecurity,
                     String smtpUser, String smtpPassword, String signature, String acknowledge, String active) {

    static MailboxFields blank() {
        return new MailboxFields("", "", "", "", "993", "TLS", "", null, "INBOX", "MARK_READ", "", "", "587",
                "STARTTLS", "", null, "", "on", "on");
    }

    static MailboxFields of(Mailbox mailbox) {
        return new MailboxFields(mailbox.address(), mailbox.displayName(),
                mailbox.team().map(UUID::toString).orElse(""), nz(mailbox.imapHost()),
                String.valueOf(mailbox.imapPort()), mailbox.imapSecurity().name(), nz(mailbox.imapUser()), null,
                mailbox.imapFolder(), mailbox.afterImport().name(), nz(mailbox.moveToFolder()),
                nz(mailbox.smtpHost()), String.valueOf(mailbox.smtpPort()), mailbox.smtpSecurity().name(),
                nz(mailbox.smtpUser()), null, nz(mailbox.signature()), mailbox.acknowledge() ? "on" : null,
                mailbox.active() ? "on" : null);
    }

    /** Without the passwords, to show the form again. */
    MailboxFields typed() {
        return new MailboxFields(address, displayName, team, imapHost, imapPort, imapSecurity, imapUser, null,
                imapFolder, afterImport, moveToFolder, smtpHost, smtpPort, smtpSecurity, smtpUser, null, signature,
                acknowledge, active);
    }

    /** @throws IllegalArgumentException saying what to correct */
    MailboxForm toForm() {
        EmailAddress email;
        try {
            email = EmailAddress.of(address == null ? "" : address.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Enter the mailbox's address, like help@yourshop.com.");
        }
        UUID teamId;
        try {
            teamId = team == null || team.isBlank() ? null : UUID.fromString(team);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("There is no such team.");
        }
        return new MailboxForm(email, displayName, teamId, imapHost, port(imapPort, "IMAP"),
                security(imapSecurity), imapUser, imapPassword, imapFolder, afterImportChoice(), moveToFolder, smtpHost,
                port(smtpPort, "SMTP"), security(smtpSecurity), smtpUser, smtpPassword, signature,
                acknowledge != null, active != null);
    }

    private Mailbox.AfterImport afterImportChoice() {
        try {
            return afterImport == null ? null : Mailbox.AfterImport.valueOf(afterImport);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Choose what happens to imported mail.");
        }
    }

    private static Mailbox.Security security(String value) {
        try {
            return value == null ? null : Mailbox.Security.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Choose TLS, STARTTLS or none.");
        }
    }

    private static int port(String value, String server) {
        try {
            return Integer.parseInt(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The " + server + " port is a number, e.g. "
                    + ("IMAP".equals(server) ? "993." : "587."));
        }
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
