package dev.rapport.email;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps one IMAP IDLE connection ({@link IdleWatcher}) per active mailbox whose server supports it, so mail is
 * fetched the moment it arrives rather than at the next poll. Mailboxes added, changed or switched off are picked up
 * every {@code rapport.email.idle.reconcile-every}. While a mailbox is watched the {@link ImapPoller} leaves it out;
 * when its connection is down, its server has no IDLE or IDLE is switched off, the poller fetches it as before.
 * Started last and stopped first with the application, so no connection outlives it.
 */
@Component
public class ImapIdle implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ImapIdle.class);

    private final MailboxDirectory directory;
    private final ImapPoller poller;
    private final EmailSettings email;
    private final IdleSettings settings;
    private final Map<UUID, IdleWatcher> watchers = new ConcurrentHashMap<>();
    private volatile boolean running;

    ImapIdle(MailboxDirectory directory, ImapPoller poller, EmailSettings email, IdleSettings settings) {
        this.directory = directory;
        this.poller = poller;
        this.email = email;
        this.settings = settings;
    }

    @Override
    public void start() {
        running = true;
        try {
            reconcile();
        } catch (RuntimeException e) {
            log.warn("Could not start watching mailboxes with IDLE yet ({}); trying again shortly", e.getMessage());
        }
    }

    @Override
    public void stop() {
        running = false;
        synchronized (this) {
            watchers.values().forEach(watcher -> {
                if (!watcher.stop(Duration.ofSeconds(5))) {
                    log.warn("An IDLE connection did not close within 5 s");
                }
            });
            watchers.clear();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts watching new or changed mailboxes and lets go of those switched off, changed or removed. */
    @Scheduled(fixedDelayString = "${rapport.email.idle.reconcile-every:15s}",
            initialDelayString = "${rapport.email.idle.reconcile-every:15s}")
    public synchronized void reconcile() {
        if (!running || !settings.enabled()) {
            return;
        }
        Set<UUID> wanted = new HashSet<>();
        for (Mailbox mailbox : directory.all()) {
            if (!mailbox.active() || !mailbox.fetches()) {
                continue;
            }
            UUID id = mailbox.id().value();
            wanted.add(id);
            String password = directory.imapPassword(mailbox);
            int fingerprint = Objects.hash(mailbox.imapHost(), mailbox.imapPort(), mailbox.imapSecurity(),
                    mailbox.imapUser(), mailbox.imapFolder(), mailbox.afterImport(), mailbox.moveToFolder(), password);
            IdleWatcher current = watchers.get(id);
            if (current != null && current.fingerprint() == fingerprint) {
                continue;
            }
            if (current != null) {
                current.stop(Duration.ofSeconds(5));
            }
            watchers.put(id, new IdleWatcher(mailbox, password, fingerprint, poller, email.connectTimeout(), settings)
                    .start());
        }
        watchers.keySet().removeIf(id -> {
            if (wanted.contains(id)) {
                return false;
            }
            watchers.get(id).stop(Duration.ofSeconds(5));
            return true;
        });
    }

    /** Whether the mailbox is watched right now, so polling it would only repeat what IDLE does. */
    public boolean watching(Mailbox.MailboxId mailbox) {
        return state(mailbox).filter(state -> state == IdleWatcher.State.WATCHING).isPresent();
    }

    /** Where the mailbox's IDLE connection stands (for Admin → Email), or empty when it has none. */
    Optional<IdleWatcher.State> state(Mailbox.MailboxId mailbox) {
        return Optional.ofNullable(watchers.get(mailbox.value())).map(IdleWatcher::state);
    }

    /** How many times the mailbox's IDLE connection was made; a reconnect counts. */
    int connections(Mailbox.MailboxId mailbox) {
        return Optional.ofNullable(watchers.get(mailbox.value())).map(IdleWatcher::connections).orElse(0);
    }

    int idles(Mailbox.MailboxId mailbox) {
        return Optional.ofNullable(watchers.get(mailbox.value())).map(IdleWatcher::idles).orElse(0);
    }

    Optional<IdleWatcher> watcher(Mailbox.MailboxId mailbox) {
        return Optional.ofNullable(watchers.get(mailbox.value()));
    }
}
