package dev.rapport.email;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.search.FlagTerm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Fetches every active mailbox over IMAP on a schedule, except those {@link ImapIdle} watches right now (which it
 * fetches through {@link #poll} the moment mail arrives); one fetch per mailbox at a time. For each message: store the raw
 * bytes, process them, and only then mark it read or move it on the server, so a crash at any point means the
 * message is fetched again and found already stored, never lost and never doubled. Messages are read with PEEK, so
 * fetching alone does not mark them read.
 */
@Component
public class ImapPoller {

    private static final Logger log = LoggerFactory.getLogger(ImapPoller.class);

    private final MailboxDirectory directory;
    private final Ingestion ingestion;
    private final EmailSettings settings;
    private final Checkpoint checkpoint;
    private final ReentrantLock polling = new ReentrantLock();
    private final Map<Mailbox.MailboxId, ReentrantLock> fetching = new ConcurrentHashMap<>();
    private final ObjectProvider<ImapIdle> idle;

    ImapPoller(MailboxDirectory directory, Ingestion ingestion, EmailSettings settings,
               ObjectProvider<Checkpoint> checkpoint, ObjectProvider<ImapIdle> idle) {
        this.idle = idle;
        this.directory = directory;
        this.ingestion = ingestion;
        this.settings = settings;
        this.checkpoint = checkpoint.getIfAvailable(() -> step -> { });
    }

    @Scheduled(fixedDelayString = "${rapport.email.poll-interval:60s}", initialDelayString = "${rapport.email.poll-interval:60s}")
    void scheduled() {
        pollAll();
    }

    /** Polls every active mailbox once (and first finishes anything stored but not processed); returns messages seen. */
    public int pollAll() {
        if (!polling.tryLock()) {
            return 0;
        }
        try {
            ingestion.processPending();
            int seen = 0;
            for (Mailbox mailbox : directory.all()) {
                if (mailbox.active() && mailbox.fetches() && !watched(mailbox)) {
                    seen += poll(mailbox);
                }
            }
            return seen;
        } finally {
            polling.unlock();
        }
    }

    private boolean watched(Mailbox mailbox) {
        ImapIdle watcher = idle.getIfAvailable();
        return watcher != null && watcher.watching(mailbox.id());
    }

    /** Fetches one mailbox now, after any fetch of it already under way (IDLE and the schedule never overlap). */
    int poll(Mailbox mailbox) {
        ReentrantLock lock = fetching.computeIfAbsent(mailbox.id(), id -> new ReentrantLock());
        lock.lock();
        try {
            return fetch(mailbox);
        } finally {
            lock.unlock();
        }
    }

    private int fetch(Mailbox mailbox) {
        int seen = 0;
        String error = null;
        try (Store store = MailSessions.imap(mailbox, settings.connectTimeout())
                .getStore(MailSessions.imapProtocol(mailbox))) {
            store.connect(mailbox.imapHost(), mailbox.imapPort(), mailbox.imapUser(), directory.imapPassword(mailbox));
            Folder folder = store.getFolder(mailbox.imapFolder());
            folder.open(Folder.READ_WRITE);
            try {
                Message[] messages = mailbox.afterImport() == Mailbox.AfterImport.MARK_READ
                        ? folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))
                        : folder.getMessages();
                messages = Arrays.copyOf(messages, Math.min(messages.length, settings.fetchBatch()));
                for (Message message : messages) {
                    if (message.isExpunged()) {
                        continue;
                    }
                    Ingestion.Stored stored = ingestion.store(mailbox.id(), raw(message));
                    checkpoint.reached(Checkpoint.Step.STORED);
                    ingestion.process(stored.id());
                    checkpoint.reached(Checkpoint.Step.PROCESSED);
                    acknowledge(mailbox, folder, message);
                    checkpoint.reached(Checkpoint.Step.ACKNOWLEDGED);
                    seen++;
                }
            } finally {
                if (folder.isOpen()) {
                    folder.close(mailbox.afterImport() == Mailbox.AfterImport.MOVE);
                }
            }
        } catch (MessagingException | IOException | RuntimeException e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
            log.warn("Could not fetch mail for {}: {}", mailbox.address(), error);
        } finally {
            directory.polled(mailbox.id(), error);
        }
        return seen;
    }

    private static void acknowledge(Mailbox mailbox, Folder folder, Message message) throws MessagingException {
        if (mailbox.afterImport() == Mailbox.AfterImport.MARK_READ) {
            message.setFlag(Flags.Flag.SEEN, true);
            return;
        }
        Folder target = folder.getStore().getFolder(mailbox.moveToFolder());
        if (!target.exists()) {
            target.create(Folder.HOLDS_MESSAGES);
        }
        folder.copyMessages(new Message[]{message}, target);
        message.setFlag(Flags.Flag.DELETED, true);
    }

    private static byte[] raw(Message message) throws MessagingException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16_384);
        message.writeTo(out);
        return out.toByteArray();
    }
}
