package dev.rapport.email;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One mailbox's IDLE connection, on a virtual thread of its own: connect, fetch what arrived meanwhile, then wait in
 * IDLE and fetch (through the poller, the same store-first path) each time the server says something changed. Before
 * each IDLE a NOOP asks whether mail came while the last fetch ran (it is fetched at once, not at the next event). A
 * second virtual thread re-issues IDLE every {@code renew-every} with a NOOP, which also fetches once more. A dropped
 * connection is reconnected after 1 s, 2 s, 4 s ... up to {@code max-backoff}; a server without IDLE is left to the
 * poller.
 */
final class IdleWatcher {

    enum State { CONNECTING, WATCHING, BACKING_OFF, UNSUPPORTED, STOPPED }

    private static final Logger log = LoggerFactory.getLogger(IdleWatcher.class);

    private final Mailbox mailbox;
    private final String password;
    private final int fingerprint;
    private final ImapPoller poller;
    private final Duration connectTimeout;
    private final IdleSettings settings;
    private volatile boolean running = true;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile State state = State.CONNECTING;
    private volatile Store store;
    private volatile IMAPFolder folder;
    private volatile int connections;
    private volatile int idles;
    private Thread watcher;
    private Thread renewer;

    IdleWatcher(Mailbox mailbox, String password, int fingerprint, ImapPoller poller, Duration connectTimeout,
                IdleSettings settings) {
        this.mailbox = mailbox;
        this.password = password;
        this.fingerprint = fingerprint;
        this.poller = poller;
        this.connectTimeout = connectTimeout;
        this.settings = settings;
    }

    IdleWatcher start() {
        watcher = Thread.ofVirtual().name("rapport-imap-idle-" + mailbox.address()).start(this::watch);
        renewer = Thread.ofVirtual().name("rapport-imap-idle-renew-" + mailbox.address()).start(this::renew);
        return this;
    }

    State state() {
        return state;
    }

    int fingerprint() {
        return fingerprint;
    }

    /** How many times the connection was made, the first included. */
    int connections() {
        return connections;
    }

    /** How many times it has gone into IDLE (counted just before each IDLE command is sent). */
    int idles() {
        return idles;
    }

    /** Lets go of the connection and ends both threads, waiting at most {@code wait} for them. */
    boolean stop(Duration wait) {
        running = false;
        stopped.countDown();
        closeQuietly();
        try {
            return watcher.join(wait) & renewer.join(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    boolean alive() {
        return watcher.isAlive() || renewer.isAlive();
    }

    private void watch() {
        int failures = 0;
        while (running) {
            try {
                watchOnce();
                if (state == State.UNSUPPORTED) {
                    break;
                }
            } catch (MessagingException | RuntimeException e) {
                if (!running) {
                    break;
                }
                failures = state == State.WATCHING ? 1 : failures + 1;
                state = State.BACKING_OFF;
                Duration wait = backoff(failures, settings.maxBackoff());
                if (failures == 1) {
                    log.warn("IDLE connection for {} dropped ({}: {}); reconnecting, polling meanwhile",
                            mailbox.address(), e.getClass().getSimpleName(), e.getMessage());
                } else {
                    log.debug("IDLE reconnect {} for {} failed; next in {}", failures, mailbox.address(), wait);
                }
                closeQuietly();
                if (!sleep(wait)) {
                    break;
                }
            } finally {
                if (!running || state == State.UNSUPPORTED) {
                    closeQuietly();
                }
            }
        }
        if (state != State.UNSUPPORTED) {
            state = State.STOPPED;
        }
    }

    private void watchOnce() throws MessagingException {
        Store connecting = MailSessions.imap(mailbox, connectTimeout, settings.renewEvery().plusMinutes(1))
                .getStore(MailSessions.imapProtocol(mailbox));
        store = connecting;
        connecting.connect(mailbox.imapHost(), mailbox.imapPort(), mailbox.imapUser(), password);
        if (!(connecting instanceof IMAPStore imap) || !imap.hasCapability("IDLE")) {
            state = State.UNSUPPORTED;
            log.info("The IMAP server of {} does not support IDLE; it is polled instead", mailbox.address());
            return;
        }
        IMAPFolder watched = (IMAPFolder) connecting.getFolder(mailbox.imapFolder());
        watched.open(Folder.READ_ONLY);
        folder = watched;
        connections++;
        state = State.WATCHING;
        log.debug("Watching {} with IDLE", mailbox.address());
        int known = count(watched);
        poller.poll(mailbox);
        while (running && watched.isOpen()) {
            int now = count(watched);
            if (now == known) {
                idles++;
                watched.idle(true);
                now = watched.isOpen() ? count(watched) : now;
            }
            known = now;
            if (running && watched.isOpen()) {
                poller.poll(mailbox);
            }
        }
        if (running) {
            throw new MessagingException("The server closed the folder");
        }
    }

    /** The folder's message count as the server has it now (a NOOP brings any news first). */
    private static int count(IMAPFolder folder) throws MessagingException {
        folder.doCommand(protocol -> {
            protocol.noop();
            return null;
        });
        return folder.getMessageCount();
    }

    /** Every renew-every: a NOOP ends the current IDLE (the watcher fetches and idles again) and proves the line. */
    private void renew() {
        while (running && state != State.UNSUPPORTED && sleep(settings.renewEvery())) {
            IMAPFolder watched = folder;
            if (state == State.WATCHING && watched != null && watched.isOpen()) {
                try {
                    watched.doCommand(protocol -> {
                        protocol.simpleCommand("NOOP", null);
                        return null;
                    });
                } catch (MessagingException | RuntimeException e) {
                    closeQuietly();
                }
            }
        }
    }

    static Duration backoff(int failures, Duration max) {
        long seconds = 1L << Math.min(Math.max(failures - 1, 0), 20);
        return Duration.ofSeconds(Math.min(seconds, Math.max(1, max.toSeconds())));
    }

    /** Waits, or less when stopped (no interrupts: one could break a fetch under way); false when stopped. */
    private boolean sleep(Duration wait) {
        try {
            return !stopped.await(wait.toMillis(), TimeUnit.MILLISECONDS) && running;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void closeQuietly() {
        Store open = store;
        folder = null;
        if (open != null) {
            try {
                open.close();
            } catch (MessagingException | RuntimeException e) {
                log.debug("Closing the IDLE connection for {}: {}", mailbox.address(), e.getMessage());
            }
        }
    }
}
