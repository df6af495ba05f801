package dev.rapport.email;

import dev.rapport.shared.EmailAddress;

import java.util.UUID;

/**
 * A mailbox as an admin fills it in. Blank passwords mean "keep the stored one".
 */
public record MailboxForm(EmailAddress address, String displayName, UUID team, String imapHost, int imapPort,
                          Mailbox.Security imapSecurity, String imapUser, String imapPassword, String imapFolder,
                          Mailbox.AfterImport afterImport, String moveToFolder, String smtpHost, int smtpPort,
                          Mailbox.Security smtpSecurity, String smtpUser, String smtpPassword, String signature,
                          boolean acknowledge, boolean active) {

    public MailboxForm {
        if (address == null) {
            throw new IllegalArgumentException("Enter the mailbox's address, like help@yourshop.com.");
        }
        displayName = blankToNull(displayName);
        if (displayName == null) {
            throw new IllegalArgumentException("Enter the name customers see, like Harbour Lane Toys.");
        }
        imapHost = blankToNull(imapHost);
        imapUser = blankToNull(imapUser);
        imapPassword = blankToNull(imapPassword);
        imapFolder = blankToNull(imapFolder) == null ? "INBOX" : imapFolder.strip();
        moveToFolder = blankToNull(moveToFolder);
        smtpHost = blankToNull(smtpHost);
        smtpUser = blankToNull(smtpUser);
        smtpPassword = blankToNull(smtpPassword);
        signature = blankToNull(signature);
        imapSecurity = imapSecurity == null ? Mailbox.Security.TLS : imapSecurity;
        smtpSecurity = smtpSecurity == null ? Mailbox.Security.STARTTLS : smtpSecurity;
        afterImport = afterImport == null ? Mailbox.AfterImport.MARK_READ : afterImport;
        if (imapPort < 1 || imapPort > 65535 || smtpPort < 1 || smtpPort > 65535) {
            throw new IllegalArgumentException("A port is a number from 1 to 65535 (IMAP usually 993, SMTP 587).");
        }
        if (afterImport == Mailbox.AfterImport.MOVE && moveToFolder == null) {
            throw new IllegalArgumentException("Name the folder imported mail is moved to, e.g. Rapport.");
        }
        if (imapHost != null && imapUser == null) {
            throw new IllegalArgumentException("Enter the IMAP user name (usually the mailbox address).");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
