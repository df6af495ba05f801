package dev.rapport.email;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A mailbox customers write to: its address and name, the team its mail goes to, how Rapport fetches it (IMAP) and
 * sends from it (SMTP), and what it does to mail it imported. Passwords are kept sealed and never leave this class
 * unsealed except to connect.
 */
public class Mailbox {

    public record MailboxId(UUID value) {
        @Override
        public String toString() {
            return value.toString();
        }
    }

    /** How a connection is secured: TLS from the first byte, upgraded with STARTTLS, or not at all. */
    public enum Security { TLS, STARTTLS, NONE }

    /** What happens to a message on the IMAP server once Rapport has it. */
    public enum AfterImport { MARK_READ, MOVE }

    private final @Id UUID id;
    private String address;
    private String displayName;
    private UUID teamId;
    private String imapHost;
    private int imapPort;
    private Security imapSecurity;
    private String imapUser;
    private String imapPassword;
    private String imapFolder;
    private AfterImport afterImport;
    private String moveToFolder;
    private String smtpHost;
    private int smtpPort;
    private Security smtpSecurity;
    private String smtpUser;
    private String smtpPassword;
    private String signature;
    private boolean acknowledge;
    private String webhookTokenHash;
    private boolean active;
    private Instant lastPolledAt;
    private String lastPollError;
    private final Instant createdAt;
    private @Version Long version;

    @PersistenceCreator
    Mailbox(UUID id, String address, String displayName, UUID teamId, String imapHost, int imapPort,
            Security imapSecurity, String imapUser, String imapPassword, String imapFolder, AfterImport afterImport,
            String moveToFolder, String smtpHost, int smtpPort, Security smtpSecurity, String smtpUser,
            String smtpPassword, String signature, boolean acknowledge, String webhookTokenHash, boolean active,
            Instant lastPolledAt, String lastPollError, Instant createdAt, Long version) {
        this.id = id;
        this.address = address;
        this.displayName = displayName;
        this.teamId = teamId;
        this.imapHost = imapHost;
        this.imapPort = imapPort;
        this.imapSecurity = imapSecurity;
        this.imapUser = imapUser;
        this.imapPassword = imapPassword;
        this.imapFolder = imapFolder;
        this.afterImport = afterImport;
        this.moveToFolder = moveToFolder;
        this.smtpHost = smtpHost;
        this.smtpPort = smtpPort;
        this.smtpSecurity = smtpSecurity;
        this.smtpUser = smtpUser;
        this.smtpPassword = smtpPassword;
        this.signature = signature;
        this.acknowledge = acknowledge;
        this.webhookTokenHash = webhookTokenHash;
        this.active = active;
        this.lastPolledAt = lastPolledAt;
        this.lastPollError = lastPollError;
        this.createdAt = createdAt;
        this.version = version;
    }

    static Mailbox create(MailboxForm form, String sealedImapPassword, String sealedSmtpPassword,
                          String webhookTokenHash, Instant now) {
        Mailbox mailbox = new Mailbox(UUID.randomUUID(), null, null, null, null, 993, Security.TLS, null, null,
                "INBOX", AfterImport.MARK_READ, null, null, 587, Security.STARTTLS, null, null, null, true,
                webhookTokenHash, true, null, null, now, null);
        mailbox.change(form, sealedImapPassword, sealedSmtpPassword);
        return mailbox;
    }

    /** Applies the form; a null sealed password keeps the one stored. */
    void change(MailboxForm form, String sealedImapPassword, String sealedSmtpPassword) {
        address = form.address().value();
        displayName = form.displayName();
        teamId = form.team();
        imapHost = form.imapHost();
        imapPort = form.imapPort();
        imapSecurity = form.imapSecurity();
        imapUser = form.imapUser();
        imapFolder = form.imapFolder();
        afterImport = form.afterImport();
        moveToFolder = form.moveToFolder();
        smtpHost = form.smtpHost();
        smtpPort = form.smtpPort();
        smtpSecurity = form.smtpSecurity();
        smtpUser = form.smtpUser();
        signature = form.signature();
        acknowledge = form.acknowledge();
        active = form.active();
        if (sealedImapPassword != null) {
            imapPassword = sealedImapPassword;
        }
        if (sealedSmtpPassword != null) {
            smtpPassword = sealedSmtpPassword;
        }
    }

    void newWebhookToken(String hash) {
        webhookTokenHash = hash;
    }

    public MailboxId id() { return new MailboxId(id); }
    public String address() { return address; }
    public String displayName() { return displayName; }
    public Optional<UUID> team() { return Optional.ofNullable(teamId); }
    public String imapHost() { return imapHost; }
    public int imapPort() { return imapPort; }
    public Security imapSecurity() { return imapSecurity; }
    public String imapUser() { return imapUser; }
    public String imapFolder() { return imapFolder; }
    public AfterImport afterImport() { return afterImport; }
    public String moveToFolder() { return moveToFolder; }
    public String smtpHost() { return smtpHost; }
    public int smtpPort() { return smtpPort; }
    public Security smtpSecurity() { return smtpSecurity; }
    public String smtpUser() { return smtpUser; }
    public String signature() { return signature; }
    public boolean acknowledge() { return acknowledge; }
    public boolean active() { return active; }
    public Instant lastPolledAt() { return lastPolledAt; }
    public String lastPollError() { return lastPollError; }
    public boolean fetches() { return imapHost != null && !imapHost.isBlank(); }
    public boolean sends() { return smtpHost != null && !smtpHost.isBlank(); }
    public boolean hasImapPassword() { return imapPassword != null; }
    public boolean hasSmtpPassword() { return smtpPassword != null; }
    public long version() { return version == null ? 0 : version; }

    String sealedImapPassword() { return imapPassword; }
    String sealedSmtpPassword() { return smtpPassword; }

    /** The domain our Message-IDs are made in: the mailbox address's. */
    public String domain() {
        return address.substring(address.indexOf('@') + 1);
    }
}
