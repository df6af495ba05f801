package dev.rapport.email;

import dev.rapport.shared.SecretBox;
import dev.rapport.shared.SecretTokens;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The mailboxes: added and changed by admins (passwords sealed, never shown back), each with a webhook address whose
 * token is shown once and kept only as a hash. Ingestion asks for a message's mailbox and whether an address is ours
 * several times per message, so it reads them from a copy of all mailboxes that is at most
 * {@link #SNAPSHOT_NANOS five seconds} old (dropped at once when a mailbox changes on this node).
 */
@Service
@Transactional
public class MailboxDirectory {

    /** A mailbox just created or given a new webhook address, with the token shown this once. */
    public record WithToken(Mailbox mailbox, String webhookToken) {
    }

    static final long SNAPSHOT_NANOS = 5_000_000_000L;

    /** Every mailbox by id and every address of ours, as read at one moment. */
    private record Snapshot(Map<UUID, Mailbox> byId, Set<String> addresses, long readAt) {
    }

    private final Mailboxes mailboxes;
    private final SecretBox secrets;
    private final Clock clock;
    private volatile Snapshot snapshot;

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

    /** Whether the address is one of our mailboxes (from the snapshot, no transaction of its own). */
    @Transactional(propagation = Propagation.SUPPORTS)
    public boolean isOurs(String address) {
        return address != null && snapshot().addresses().contains(address.toLowerCase(Locale.ROOT));
    }

    /**
     * The mailbox as ingestion sees it: read from the snapshot (up to five seconds old on other nodes); never for
     * changing it.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    Optional<Mailbox> forIngestion(Mailbox.MailboxId id) {
        Mailbox mailbox = snapshot().byId().get(id.value());
        if (mailbox == null) {
            snapshot = null;
            mailbox = snapshot().byId().get(id.value());
        }
        return Optional.ofNullable(mailbox);
    }

    private Snapshot snapshot() {
        Snapshot current = snapshot;
        if (current == null || System.nanoTime() - current.readAt() > SNAPSHOT_NANOS) {
            List<Mailbox> all = mailboxes.findAll();
            current = new Snapshot(all.stream().collect(Collectors.toUnmodifiableMap(m -> m.id().value(),
                    Function.identity())), all.stream().map(m -> m.address().toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet()), System.nanoTime());
            snapshot = current;
        }
        return current;
    }

    /** @throws IllegalArgumentException when the address already has a mailbox */
    public WithToken create(MailboxForm form) {
        String token = SecretTokens.generate("rpm_");
        try {
            Mailbox mailbox = mailboxes.save(Mailbox.create(form, seal(form.imapPassword()),
                    seal(form.smtpPassword()), SecretTokens.sha256(token), clock.instant()));
            snapshot = null;
            return new WithToken(mailbox, token);
        } catch (DuplicateKeyException e) {
            throw new IllegalArgumentException(form.address().value() + " already has a mailbox.");
        }
    }

    public Mailbox change(Mailbox.MailboxId id, MailboxForm form) {
        Mailbox mailbox = require(id);
        mailbox.change(form, seal(form.imapPassword()), seal(form.smtpPassword()));
        try {
            Mailbox saved = mailboxes.save(mailbox);
            snapshot = null;
            return saved;
        } catch (DuplicateKeyException e) {
            throw new IllegalArgumentException(form.address().value() + " already has a mailbox.");
        }
    }

    public WithToken newWebhookToken(Mailbox.MailboxId id) {
        Mailbox mailbox = require(id);
        String token = SecretTokens.generate("rpm_");
        mailbox.newWebhookToken(SecretTokens.sha256(token));
        Mailbox saved = mailboxes.save(mailbox);
        snapshot = null;
        return new WithToken(saved, token);
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
