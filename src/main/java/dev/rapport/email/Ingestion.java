package dev.rapport.email;

import dev.rapport.agents.Team;
import dev.rapport.conversations.AttachmentStore;
import dev.rapport.conversations.Channel;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.Desk;
import dev.rapport.conversations.Message;
import dev.rapport.conversations.NewAttachment;
import dev.rapport.conversations.NewConversation;
import dev.rapport.conversations.Requester;
import dev.rapport.mail.Outbox;
import dev.rapport.shared.EmailAddress;
import dev.rapport.shared.SecretTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns raw mail into conversations in two steps that each commit on their own: {@link #store} keeps the raw bytes
 * (once per Message-ID, or per content hash when there is none), {@link #process} reads, screens and threads them in
 * one transaction with the conversation they land in. A crash between the steps leaves a stored message that the
 * next run processes; a message fetched twice is stored once. Nothing is ever dropped: mail that cannot be read
 * becomes a conversation that says so, with the original downloadable.
 */
@Component
public class Ingestion {

    /** Where a stored message stands. */
    public enum State { STORED, PARSED, UNREADABLE, IGNORED }

    public record Stored(UUID id, boolean isNew) {
    }

    private static final Logger log = LoggerFactory.getLogger(Ingestion.class);
    private static final Pattern TOKEN = Pattern.compile("\\[#(\\d{1,12})]");
    private static final Pattern RAW_FROM = Pattern.compile("(?im)^From:[^\\r\\n]*?([\\w.+'-]+@[\\w-]+(\\.[\\w-]+)+)");
    private static final Pattern RAW_SUBJECT = Pattern.compile("(?im)^Subject:[ \\t]*([^\\r\\n]{0,200})");

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final MailboxDirectory directory;
    private final EmailThreads threads;
    private final Desk desk;
    private final AttachmentStore attachmentStore;
    private final Outbox outbox;
    private final Acknowledgements acknowledgements;
    private final Checkpoint checkpoint;
    private final Clock clock;

    Ingestion(JdbcClient jdbc, TransactionTemplate transactions, MailboxDirectory directory, EmailThreads threads,
              Desk desk, AttachmentStore attachmentStore, Outbox outbox, Acknowledgements acknowledgements,
              org.springframework.beans.factory.ObjectProvider<Checkpoint> checkpoint, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.directory = directory;
        this.threads = threads;
        this.desk = desk;
        this.attachmentStore = attachmentStore;
        this.outbox = outbox;
        this.acknowledgements = acknowledgements;
        this.checkpoint = checkpoint.getIfAvailable(() -> step -> { });
        this.clock = clock;
    }

    /** Stores and processes a message in one go (the webhook); idempotent. */
    public Stored accept(Mailbox.MailboxId mailbox, byte[] raw) {
        Stored stored = store(mailbox, raw);
        process(stored.id(), stored.isNew() ? new Row(mailbox.value(), raw) : null);
        return stored;
    }

    /**
     * Keeps the raw message, committed before anything else happens to it (one statement, committed on its own
     * outside a transaction); a message already kept is found.
     */
    public Stored store(Mailbox.MailboxId mailbox, byte[] raw) {
        String key = keyOf(raw);
        UUID id = UUID.randomUUID();
        int inserted = jdbc.sql("""
                        insert into inbound_email (id, mailbox_id, message_key, message_id, raw, size_bytes, status,
                                                   received_at)
                        values (?, ?, ?, ?, ?, ?, 'STORED', ?)
                        on conflict do nothing""")
                .params(id, mailbox.value(), key, messageIdOf(raw), raw, (long) raw.length,
                        Timestamp.from(clock.instant())).update();
        if (inserted == 1) {
            return new Stored(id, true);
        }
        return new Stored(find(mailbox, key).orElseThrow(() -> new IllegalStateException(
                "Inbound email " + key + " was neither stored nor found")), false);
    }

    /** Processes every stored message not processed yet (after a crash), oldest first; returns how many it did. */
    public int processPending() {
        List<UUID> pending = jdbc.sql("select id from inbound_email where status = 'STORED' order by received_at, id")
                .query(UUID.class).list();
        int processed = 0;
        for (UUID id : pending) {
            try {
                process(id);
                processed++;
            } catch (RuntimeException e) {
                log.warn("Could not process stored email {} yet; it stays stored and is tried again: {}", id,
                        e.getMessage());
            }
        }
        return processed;
    }

    /** Reads, screens and threads a stored message once; a second call does nothing. */
    public void process(UUID id) {
        process(id, null);
    }

    /** A stored message's mailbox and bytes. */
    private record Row(UUID mailbox, byte[] raw) {
    }

    /**
     * Processes the message in one transaction that ends by marking it processed, but only if it is still waiting:
     * whoever processed it at the same moment and committed first wins, and this transaction is rolled back whole
     * (the same mail arriving by the webhook and by IMAP at once makes one conversation, not two).
     *
     * @param known the message's mailbox and bytes when the caller has them in hand (else they are read back)
     */
    private void process(UUID id, Row known) {
        try {
            transactions.executeWithoutResult(status -> {
                Row row = known != null ? known : jdbc.sql("""
                                select mailbox_id, raw from inbound_email where id = ? and status = 'STORED'""")
                        .param(id).query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getBytes(2)))
                        .optional().orElseThrow(AlreadyProcessed::new);
                checkpoint.reached(Checkpoint.Step.PROCESSING);
                Mailbox mailbox = directory.forIngestion(new Mailbox.MailboxId(row.mailbox())).orElseThrow();
                ParsedEmail email;
                try {
                    email = EmailParser.parse(row.raw());
                } catch (EmailParser.UnreadableEmail e) {
                    unreadable(id, mailbox, row.raw(), e.getMessage());
                    return;
                }
                handle(id, mailbox, email);
            });
        } catch (AlreadyProcessed done) {
            log.debug("Inbound email {} was processed by someone else at the same time", id);
        }
    }

    /** The message was no longer waiting when its result was to be written: everything done for it is undone. */
    private static final class AlreadyProcessed extends RuntimeException {
        AlreadyProcessed() {
            super(null, null, false, false);
        }
    }

    private void handle(UUID id, Mailbox mailbox, ParsedEmail email) {
        MailKind kind = MailKind.of(email, directory::isOurs);
        EmailThreads.Known known = threads.lookUp(email.messageId(), email.references());
        if (kind != MailKind.BOUNCE && known.ourOutbound()) {
            kind = MailKind.OWN;
        }
        String sender = email.from() == null ? null : email.from().address();
        switch (kind) {
            case OWN -> finish(id, State.IGNORED, kind, email, "Rapport's own mail came back; not imported again.",
                    null, null);
            case BOUNCE -> {
                ParsedEmail.Bounce bounce = email.bounce();
                String reason = bounce == null ? "The receiving server sent the mail back." : bounce.reason();
                boolean matched = bounce != null && bounce.originalMessageId() != null
                        && outbox.bounced(bounce.originalMessageId(), "Bounced: " + reason);
                finish(id, State.IGNORED, kind, email, matched ? "Bounce for " + bounce.originalMessageId() + ": "
                        + reason : "A bounce for mail Rapport did not send: " + reason, null, null);
                log.info("Bounce {} from {}: {}", matched ? "applied" : "not matched", sender, reason);
            }
            default -> {
                Landed landed = land(mailbox, email, kind, known);
                finish(id, State.PARSED, kind, email, landed.note(), landed.conversation(), landed.message());
            }
        }
    }

    private record Landed(UUID conversation, UUID message, String note) {
    }

    private Landed land(Mailbox mailbox, ParsedEmail email, MailKind kind, EmailThreads.Known known) {
        String sender = email.from() == null ? null : email.from().address();
        String name = email.from() == null ? null : email.from().name();
        List<String> skipped = new ArrayList<>();
        List<NewAttachment> files = files(email, skipped);
        String body = body(email, skipped);
        Optional<Conversation> candidate = candidate(email, known);
        if (candidate.isPresent() && sender != null && takesPart(candidate.get(), sender)) {
            Conversation conversation = candidate.get();
            Message message = desk.receive(conversation, name == null ? sender : name, body, Channel.EMAIL, files);
            UUID conversationId = conversation.id().value();
            if (threads.emailConversation(conversationId).isEmpty()) {
                threads.open(conversationId, mailbox.id().value(), ThreadIndex.start(conversationId,
                        clock.instant()), null);
                threads.join(conversationId, sender, name, EmailThreads.Role.CUSTOMER);
            }
            joinCopies(conversationId, email);
            threads.remember(email.messageId(), conversationId, false);
            return new Landed(conversationId, message.id().value(), "Threaded into #" + conversation.number());
        }
        Requester requester = new Requester(name, address(sender));
        String subject = email.subject() == null || email.subject().isBlank() ? null : clip(email.subject(), 300);
        Desk.Started started = desk.startWithMessage(new NewConversation(subject, requester, Channel.EMAIL, body,
                team(mailbox)), files);
        Conversation conversation = started.conversation();
        UUID conversationId = conversation.id().value();
        Long linkedFrom = candidate.map(Conversation::number).orElse(null);
        String threadIndex = ThreadIndex.root(email.threadIndex()).filter(root ->
                threads.conversationOfThreadIndex(root).isEmpty())
                .orElseGet(() -> ThreadIndex.start(conversationId, clock.instant()));
        threads.open(conversationId, mailbox.id().value(), threadIndex, linkedFrom);
        if (sender != null) {
            threads.join(conversationId, sender, name, EmailThreads.Role.CUSTOMER);
        }
        joinCopies(conversationId, email);
        threads.remember(email.messageId(), conversationId, false);
        Message first = started.first();
        if (kind == MailKind.CUSTOMER && mailbox.acknowledge() && sender != null) {
            acknowledgements.acknowledge(mailbox, conversation, email);
        }
        return new Landed(conversationId, first.id().value(), linkedFrom == null ? "New conversation #"
                + conversation.number() : "New conversation #" + conversation.number() + ", linked to #" + linkedFrom
                + " (the sender does not take part in it)");
    }

    /** The conversation this mail answers, by our Message-IDs, Outlook's thread, or the [#1042] token. */
    private Optional<Conversation> candidate(ParsedEmail email, EmailThreads.Known known) {
        Optional<UUID> byHeaders = known.answers();
        if (byHeaders.isEmpty()) {
            byHeaders = ThreadIndex.root(email.threadIndex()).flatMap(threads::conversationOfThreadIndex);
        }
        Optional<Conversation> found = byHeaders.flatMap(id -> desk.find(new Conversation.ConversationId(id)));
        if (found.isEmpty() && email.subject() != null) {
            Matcher matcher = TOKEN.matcher(email.subject());
            if (matcher.find()) {
                found = desk.findByNumber(Long.parseLong(matcher.group(1)));
            }
        }
        for (int hops = 0; found.isPresent() && found.get().isMerged() && hops < 10; hops++) {
            found = desk.findByNumber(found.get().mergedInto().getAsLong());
        }
        return found;
    }

    /** Only the customer and people copied on the conversation may add to it. */
    private boolean takesPart(Conversation conversation, String sender) {
        EmailAddress customer = conversation.requester().email();
        return (customer != null && customer.value().equalsIgnoreCase(sender))
                || threads.takesPart(conversation.id().value(), sender);
    }

    private void joinCopies(UUID conversation, ParsedEmail email) {
        List<ParsedEmail.Address> copied = new ArrayList<>(email.cc());
        copied.addAll(email.to());
        for (ParsedEmail.Address person : copied) {
            if (!directory.isOurs(person.address()) && address(person.address()) != null
                    && !(email.from() != null && email.from().address().equals(person.address()))) {
                threads.join(conversation, person.address(), person.name(), EmailThreads.Role.CC);
            }
        }
    }

    private List<NewAttachment> files(ParsedEmail email, List<String> skipped) {
        List<NewAttachment> files = new ArrayList<>();
        for (ParsedEmail.Part part : email.files()) {
            NewAttachment file = new NewAttachment(part.fileName(), part.contentType(), part.content().length,
                    () -> new ByteArrayInputStream(part.content()));
            Optional<String> problem = attachmentStore.problemWith(file);
            if (problem.isPresent()) {
                skipped.add(problem.get());
            } else {
                files.add(file);
            }
        }
        return files;
    }

    private static String body(ParsedEmail email, List<String> skipped) {
        StringBuilder body = new StringBuilder(email.text() == null ? "" : email.text());
        if (body.toString().isBlank()) {
            body.setLength(0);
            body.append(email.files().isEmpty() ? "(The email had no text.)" : "(The email had no text, only files.)");
        }
        for (String problem : skipped) {
            body.append("\n\n[Not attached: ").append(problem)
                    .append(" The original email, with the file, can be downloaded from the Email panel.]");
        }
        return body.length() > 200_000 ? body.substring(0, 200_000) + "\n[…cut; the original email has it all]"
                : body.toString();
    }

    private void unreadable(UUID id, Mailbox mailbox, byte[] raw, String reason) {
        String head = new String(raw, 0, Math.min(raw.length, 16_384), StandardCharsets.ISO_8859_1);
        Matcher from = RAW_FROM.matcher(head);
        Matcher subject = RAW_SUBJECT.matcher(head);
        String sender = from.find() ? from.group(1).toLowerCase() : null;
        String title = "Could not read this email" + (subject.find() && !subject.group(1).isBlank()
                ? ": " + EmailParser.decode(subject.group(1)) : "");
        Desk.Started started = desk.startWithMessage(new NewConversation(clip(title, 300), new Requester(sender,
                address(sender)), Channel.EMAIL, "Rapport could not read this email (" + reason + "). Nothing is "
                + "lost: the original message can be downloaded from the Email panel beside this conversation.",
                team(mailbox)), List.of());
        Conversation conversation = started.conversation();
        threads.open(conversation.id().value(), mailbox.id().value(),
                ThreadIndex.start(conversation.id().value(), clock.instant()), null);
        if (sender != null && address(sender) != null) {
            threads.join(conversation.id().value(), sender, null, EmailThreads.Role.CUSTOMER);
        }
        int marked = jdbc.sql("update inbound_email set status = 'UNREADABLE', reason = ?, sender = ?, subject = ?, "
                        + "conversation_id = ?, message_ref = ?, processed_at = ? where id = ? and status = 'STORED'")
                .params(clip(reason, 1000), sender == null ? null : clip(sender, 254), clip(title, 1000),
                        conversation.id().value(), started.first().id().value(), Timestamp.from(clock.instant()), id)
                .update();
        if (marked == 0) {
            throw new AlreadyProcessed();
        }
        log.warn("Could not read inbound email {} (mailbox {}): {}", id, mailbox.address(), reason);
    }

    private void finish(UUID id, State state, MailKind kind, ParsedEmail email, String note, UUID conversation,
                        UUID message) {
        String sender = email.from() == null ? null : clip(email.from().address(), 254);
        int marked = jdbc.sql("update inbound_email set status = ?, kind = ?, sender = ?, subject = ?, reason = ?, "
                        + "unsafe_html = ?, conversation_id = ?, message_ref = ?, processed_at = ? "
                        + "where id = ? and status = 'STORED'")
                .params(state.name(), kind.name(), sender, email.subject() == null ? null : clip(email.subject(), 1000),
                        note == null ? null : clip(note, 1000), email.unsafeHtml() == null ? null
                                : clip(email.unsafeHtml(), 1_000_000), conversation, message, Timestamp.from(clock.instant()),
                        id)
                .update();
        if (marked == 0) {
            throw new AlreadyProcessed();
        }
    }

    private Optional<UUID> find(Mailbox.MailboxId mailbox, String key) {
        return jdbc.sql("select id from inbound_email where mailbox_id = ? and message_key = ?")
                .params(mailbox.value(), key).query(UUID.class).optional();
    }

    /** The Message-ID when there is a usable one, else a hash of the whole message. */
    static String keyOf(byte[] raw) {
        String messageId = messageIdOf(raw);
        if (messageId != null && messageId.length() <= 290) {
            return "id:" + messageId;
        }
        if (messageId != null) {
            return "idh:" + SecretTokens.sha256(messageId);
        }
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static final Pattern RAW_MESSAGE_ID = Pattern.compile("(?im)^Message-ID:[ \\t]*(?:\\r?\\n[ \\t]+)?(<[^<>\\s]+>)");

    /** The Message-ID read straight from the header block, without parsing the rest (which may be broken). */
    static String messageIdOf(byte[] raw) {
        String head = new String(raw, 0, headerEnd(raw), StandardCharsets.ISO_8859_1);
        Matcher matcher = RAW_MESSAGE_ID.matcher(head);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static int headerEnd(byte[] raw) {
        for (int i = 0; i < raw.length - 1 && i < 262_144; i++) {
            if (raw[i] == '\n' && (raw[i + 1] == '\n' || (raw[i + 1] == '\r' && i + 2 < raw.length
                    && raw[i + 2] == '\n'))) {
                return i + 1;
            }
        }
        return Math.min(raw.length, 262_144);
    }

    private static Team.TeamId team(Mailbox mailbox) {
        return mailbox.team().map(Team.TeamId::new).orElse(null);
    }

    private static EmailAddress address(String value) {
        if (value == null) {
            return null;
        }
        try {
            return EmailAddress.of(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String clip(String value, int length) {
        return value.length() > length ? value.substring(0, length) : value;
    }
}
