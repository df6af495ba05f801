package dev.rapport.email;

import dev.rapport.shared.SecretBox;
import dev.rapport.shared.SecretTokens;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The mailboxes: added and changed by admins (passwords sealed, never shown back), each with a webhook address whose
 * token is shown once and kept only as a hash.
 */
@Service
@Transactional
public class MailboxDirectory {

    /** A mailbox just created or given a new webhook address, with the token shown this once. */
    public record WithToken(Mailbox mailbox, String webhookToken) {
    }

    private final Mailboxes mailboxes;
    private final SecretBox secrets;
    private final Clock clock;

    MailboxDirectory(Mailboxes mailboxes, EmailSettings settings, Clock clock) {
        this.mailboxes = mailboxes;
        this.secrets = new SecretBox(settings.secretKey(), "rapport.email.secret-key");
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Mailbox> all() {
        return mailboxes.findAllByAddress();
    }

    @Transactional(readOnly = true)
    public Optional<Mailbox> find(Mailbox.MailboxId id) {
        return mailboxes.findById(id.value());
    }

    @Transactional(readOnly = true)
    public Optional<Mailbox> byWebhookToken(String token) {
        return token == null || token.isBlank() ? Optional.empty()
                : mailboxes.findByWebhookTokenHash(SecretTokens.sha256(token));
    }

    @Transactional(readOnly = true)
    public boolean isOurs(String address) {
        return address != null && mailboxes.findByAddress(address).isPresent();
    }

    /** @throws IllegalArgumentException when the address already has a mailbox */
    public WithToken create(MailboxForm form) {
        String token = SecretTokens.generate("rpm_");
        try {
            Mailbox mailbox = mailboxes.save(Mailbox.create(form, seal(form.imapPassword()),
                    seal(form.smtpPassword()), SecretTokens.sha256(token), clock.instant()));
            return new WithToken(mailbox, token);
        } catch (DuplicateKeyException e) {
            throw new IllegalArgumentException(form.address().value() + " already has a mailbox.");
        }
    }

    public Mailbox change(Mailbox.MailboxId id, MailboxForm form) {
        Mailbox mailbox = require(id);
        mailbox.change(form, seal(form.imapPassword()), seal(form.smtpPassword()));
        try {
            return mailboxes.save(mailbox);
        } catch (DuplicateKeyException e) {
            throw new IllegalArgumentException(form.address().value() + " already has a mailbox.");
        }
    }

    public WithToken newWebhookToken(Mailbox.MailboxId id) {
        Mailbox mailbox = require(id);
        String token = SecretTokens.generate("rpm_");
        mailbox.newWebhookToken(SecretTokens.sha256(token));
        return new WithToken(mailboxes.save(mailbox), token);
    }

    void polled(Mailbox.MailboxId id, String error) {
        mailboxes.polled(id.value(), clock.instant(),
                error == null ? null : error.substring(0, Math.min(1000, error.length())));
    }

    /** The IMAP password to connect with; never for display. */
    String imapPassword(Mailbox mailbox) {
        return mailbox.sealedImapPassword() == null ? null : secrets.open(mailbox.sealedImapPassword());
    }

    /** The SMTP password to connect with; never for display. */
    String smtpPassword(Mailbox mailbox) {
        return mailbox.sealedSmtpPassword() == null ? null : secrets.open(mailbox.sealedSmtpPassword());
    }

    private String seal(String password) {
        return password == null ? null : secrets.seal(password);
    }

    private Mailbox require(Mailbox.MailboxId id) {
        return mailboxes.findById(id.value()).orElseThrow(() -> new IllegalArgumentException("No such mailbox."));
    }
}
