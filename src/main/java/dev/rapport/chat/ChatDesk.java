package dev.rapport.chat;

import dev.rapport.agents.Agent;
import dev.rapport.agents.Roster;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.business.BusinessCalendar;
import dev.rapport.conversations.Attachment;
import dev.rapport.conversations.Channel;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.Desk;
import dev.rapport.conversations.Message;
import dev.rapport.conversations.NewAttachment;
import dev.rapport.conversations.NewConversation;
import dev.rapport.conversations.Requester;
import dev.rapport.mail.MailToSend;
import dev.rapport.mail.Outbox;
import dev.rapport.shared.EmailAddress;
import dev.rapport.shared.SecretTokens;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What visitors do in a chat, whatever transport carries it: say hello (recognised by their token, resuming after the
 * last line they have), write (stored under the id their browser gave the message before it is acknowledged; the same
 * id again is the same message), type, read, leave a message when nobody is online, and ask for the transcript.
 */
@Service
public class ChatDesk {

    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");
    private static final int HISTORY = 200;

    /** What a visitor learns on (re)connecting. {@code token} is set only when it is new to them. */
    public record Welcome(Visitor visitor, String token, List<ChatLine> lines, boolean online) {
    }

    /** A website's signed claim of who the visitor is. */
    public record Identity(String id, String email, String name, String signature) {
    }

    /** A stored visitor line; {@code duplicate} when it had been stored before under the same client id. */
    public record Said(ChatLine line, boolean duplicate) {
    }

    private final Desk desk;
    private final Visitors visitors;
    private final ChatLines lines;
    private final ChatAvailability availability;
    private final ChatFanOut fanOut;
    private final VisitorLimiter limiter;
    private final ChatSettings settings;
    private final BusinessCalendar calendar;
    private final Outbox outbox;
    private final Roster roster;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final ChatFileSettings fileSettings;
    /**
     * Starting a conversation holds two database connections at once (the customers module recognises the customer
     * in a transaction of its own), so many chats starting together could take the whole pool and wait for each other.
     * At most {@code rapport.chat.concurrent-starts} start at a time; messages in open chats are not limited.
     */
    private final java.util.concurrent.Semaphore starting;

    ChatDesk(Desk desk, Visitors visitors, ChatLines lines, ChatAvailability availability, ChatFanOut fanOut,
             VisitorLimiter limiter, ChatSettings settings, BusinessCalendar calendar, Outbox outbox, Roster roster,
             Clock clock, PlatformTransactionManager transactionManager, ChatFileSettings fileSettings) {
        this.desk = desk;
        this.visitors = visitors;
        this.lines = lines;
        this.availability = availability;
        this.fanOut = fanOut;
        this.limiter = limiter;
        this.settings = settings;
        this.calendar = calendar;
        this.outbox = outbox;
        this.roster = roster;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.fileSettings = fileSettings;
        this.starting = new java.util.concurrent.Semaphore(settings.concurrentStarts());
    }

    /**
     * A visitor (re)connects. An unknown or missing token makes a new visitor with a new token. A signed identity
     * (checked against the widget's secret) names the visitor; an unsigned one is ignored.
     *
     * @param afterSeq the last line the widget has, 0 for none: it receives what came after (at most 200 lines)
     */
    public Welcome hello(ChatWidget widget, String token, long afterSeq, String page, Identity identity) {
        return transactions.execute(status -> {
            Instant now = clock.instant();
            Optional<Visitor> known = visitors.byToken(widget.id(), token);
            String newToken = null;
            Visitor visitor;
            if (known.isPresent()) {
                visitor = known.get();
            } else {
                newToken = SecretTokens.generate("cv_");
                visitor = visitors.create(widget.id(), newToken, now);
            }
            String cleanPage = page == null || page.isBlank() ? null : truncate(page.strip(), 1000);
            visitors.seen(visitor.id(), cleanPage, now);
            if (identity != null && IdentitySignature.verifies(widget.secret(), identity.id(), identity.email(),
                    identity.signature())) {
                visitors.verified(visitor.id(), blankToNull(identity.id()), blankToNull(identity.name()),
                        blankToNull(identity.email()));
            }
            visitor = visitors.find(visitor.id()).orElseThrow();
            UUID conversation = visitor.conversation();
            if (cleanPage != null && conversation != null) {
                afterCommit(() -> fanOut.publish(ChatFanOut.conversation(conversation),
                        ChatJson.event("page", "url", cleanPage)));
            }
            return new Welcome(visitor, newToken, lines.after(visitor.id(), Math.max(0, afterSeq), HISTORY),
                    isOnline(widget));
        });
    }

    /** True when the widget's team takes chats now: within office hours (if the widget follows them), someone online. */
    public boolean isOnline(ChatWidget widget) {
        if (widget.officeHours() && !calendar.isOpenNow(widget.team())) {
            return false;
        }
        return availability.anyoneOnline(widget.team());
    }

    /**
     * The visitor writes. The line is stored (and the conversation started or continued) before this returns; a
     * client id seen before returns the stored line without storing anything.
     *
     * @throws ChatRefused when the text is empty or too long, the visitor writes too fast, or a required pre-chat
     *                     field is missing
     */
    public Said say(ChatWidget widget, UUID visitorId, String clientId, String text, String name, String email) {
        if (clientId == null || !CLIENT_ID.matcher(clientId).matches()) {
            throw new ChatRefused("bad-id", "This message has no valid id.");
        }
        Optional<ChatLine> before = lines.byClientId(visitorId, clientId);
        if (before.isPresent()) {
            return new Said(before.get(), true);
        }
        if (text == null || text.isBlank()) {
            throw new ChatRefused("empty", "Write a message first.");
        }
        if (text.length() > settings.maxMessageLength()) {
            throw new ChatRefused("too-long", "Please keep a message under " + settings.maxMessageLength()
                    + " characters; send the rest in another message.");
        }
        if (!limiter.allowsMessage(visitorId)) {
            throw new ChatRefused("too-fast", "You are writing faster than we can read. Please wait a moment.");
        }
        return stored(widget, visitorId, clientId, text.strip(), text.strip(), name, email, List.of());
    }

    /**
     * Stores a visitor's line (with its files, if any) in its conversation, starting one when the visitor has none
     * open; a line stored meanwhile under the same client id is returned as the duplicate it is.
     *
     * @param lineBody    what the chat line says (the caption of a file, possibly empty)
     * @param messageBody what the conversation's message says (never empty)
     */
    Said stored(ChatWidget widget, UUID visitorId, String clientId, String lineBody, String messageBody, String name,
                String email, List<NewAttachment> files) {
        boolean starts = visitors.find(visitorId).flatMap(Visitor::currentConversation)
                .flatMap(id -> desk.find(new Conversation.ConversationId(id))).filter(Conversation::isOpen).isEmpty();
        if (starts) {
            starting.acquireUninterruptibly();
        }
        try {
            return transactions.execute(status -> store(widget, visitorId, clientId, lineBody, messageBody, name,
                    email, files));
        } catch (DuplicateKeyException resentMeanwhile) {
            return new Said(lines.byClientId(visitorId, clientId).orElseThrow(), true);
        } finally {
            if (starts) {
                starting.release();
            }
        }
    }

    private Said store(ChatWidget widget, UUID visitorId, String clientId, String text, String messageBody,
                       String name, String email, List<NewAttachment> files) {
        Instant now = clock.instant();
        Visitor visitor = visitors.find(visitorId).orElseThrow(() -> new ChatRefused("unknown", "Please reconnect."));
        Optional<Conversation> open = visitor.currentConversation()
                .flatMap(id -> desk.find(new Conversation.ConversationId(id))).filter(Conversation::isOpen);
        Conversation conversation;
        Message message;
        if (open.isPresent()) {
            conversation = open.get();
            message = desk.receive(conversation.id(), displayName(visitor), messageBody, Channel.CHAT, files);
        } else {
            if (!visitor.isVerified()) {
                String typedName = blankToNull(name);
                String typedEmail = blankToNull(email);
                require(widget.nameField(), typedName == null ? visitor.name() : typedName, "name-required",
                        "Tell us your name, so we know whom we are talking to.");
                require(widget.emailField(), typedEmail == null ? visitor.email() : typedEmail, "email-required",
                        "Tell us your email address, so we can answer even if you leave.");
                if (typedEmail != null && !looksLikeEmail(typedEmail)) {
                    throw new ChatRefused("email-invalid", "Enter an email address like ana@example.com.");
                }
                visitors.told(visitorId, typedName == null ? null : truncate(typedName, 200),
                        typedEmail == null ? null : truncate(typedEmail, 254));
                visitor = visitors.find(visitorId).orElseThrow();
            }
            conversation = desk.start(new NewConversation(null, requester(visitor), Channel.CHAT, messageBody,
                    widget.team().orElse(null)), files);
            visitors.chatsIn(visitorId, conversation.id().value());
            message = desk.messages(conversation.id()).getFirst();
            route(widget, conversation);
        }
        ChatLine line = lines.add(visitorId, conversation.id().value(), clientId, message.id().value(),
                ChatLine.Author.VISITOR, displayName(visitor), text, now);
        String json = ChatJson.write(ChatJson.line(line, files.isEmpty() ? List.of() : filesOf(line)));
        // a message in an open chat assigns nobody; routing a new chat may have given it to someone
        Conversation current = open.isPresent() ? conversation : desk.find(conversation.id()).orElse(conversation);
        String cue = open.isPresent() ? ChatCues.visitorWrote(current, displayName(visitor), messageBody)
                : ChatCues.newChat(current, displayName(visitor), messageBody);
        afterCommit(() -> {
            fanOut.publish(ChatFanOut.visitor(visitorId), json);
            fanOut.publish(ChatFanOut.conversation(line.conversation()), json);
            fanOut.publish(ChatCues.TOPIC, cue);
        });
        return new Said(line, false);
    }

    /**
     * A new chat that continuity routing did not give to the customer's person goes to the team's online agent with
     * room and the fewest open chats; with nobody available it waits in the team's inbox.
     */
    private void route(ChatWidget widget, Conversation conversation) {
        Conversation fresh = desk.find(conversation.id()).orElseThrow();
        if (fresh.assignee().isPresent()) {
            return;
        }
        availability.pick(widget.team()).flatMap(state -> roster.findAgent(state.agent())).ifPresent(agent -> {
            desk.assign(fresh.id(), SignedInAgent.of(agent), agent.id(), null);
            desk.record(fresh.id(), agent.id(), "Rapport", "Chat offered to " + agent.name()
                    + ", online for chat with room for it.");
        });
    }

    /** The visitor starts or stops typing: shown to agents on the conversation. */
    public void typing(Visitor visitor, boolean on) {
        if (visitor.conversation() != null) {
            fanOut.publish(ChatFanOut.conversation(visitor.conversation()), ChatJson.event("typing", "on", on));
        }
    }

    /** The visitor has read up to a line: shown to agents. */
    public void read(Visitor visitor, long seq) {
        if (visitor.conversation() != null) {
            fanOut.publish(ChatFanOut.conversation(visitor.conversation()), ChatJson.event("read", "seq", seq));
        }
    }

    /** The visitor's widget connected or went away: shown to agents. */
    public void connected(Visitor visitor, boolean on) {
        if (visitor.conversation() != null) {
            fanOut.publish(ChatFanOut.conversation(visitor.conversation()), ChatJson.event("connected", "on", on));
        }
    }

    /**
     * Nobody is online: the visitor leaves their email address and message, which becomes a conversation answered by
     * email (as a web-form conversation), acknowledged by email at once.
     */
    public Conversation leaveMessage(ChatWidget widget, String name, String email, String text) {
        if (email == null || !looksLikeEmail(email.strip())) {
            throw new ChatRefused("email-invalid", "Enter your email address, like ana@example.com, so we can answer.");
        }
        if (text == null || text.isBlank()) {
            throw new ChatRefused("empty", "Write your message first.");
        }
        if (text.length() > settings.maxMessageLength() * 5) {
            throw new ChatRefused("too-long", "Please keep your message under "
                    + settings.maxMessageLength() * 5 + " characters.");
        }
        return transactions.execute(status -> {
            Requester requester = new Requester(blankToNull(name), EmailAddress.of(email.strip()));
            Conversation conversation = desk.start(new NewConversation(null, requester, Channel.WEB_FORM,
                    text.strip(), widget.team().orElse(null)));
            outbox.queue(new MailToSend(requester.email(), requester.name(),
                    "We received your message [#" + conversation.number() + "]",
                    """
                    Hello %s,

                    thank you for your message. Nobody could chat just then, so we will answer you by email; you do \
                    not need to write again. Your reference is #%d.

                    What you wrote:

                    %s
                    """.formatted(requester.name(), conversation.number(), text.strip()),
                    "chat-offline:" + conversation.id()));
            return conversation;
        });
    }

    /**
     * Emails the visitor the transcript of their current chat.
     *
     * @throws ChatRefused without an email address, or without a chat yet
     */
    public void sendTranscript(Visitor visitor, String typedEmail) {
        String email = blankToNull(typedEmail) == null ? visitor.email() : typedEmail.strip();
        if (email == null || !looksLikeEmail(email)) {
            throw new ChatRefused("email-invalid", "Enter your email address, like ana@example.com.");
        }
        if (visitor.conversation() == null) {
            throw new ChatRefused("no-chat", "There is nothing to send yet.");
        }
        List<ChatLine> transcript = lines.ofConversation(visitor.conversation());
        Map<Message.MessageId, List<Attachment>> files = filesOf(transcript);
        java.time.format.DateTimeFormatter at = java.time.format.DateTimeFormatter
                .ofPattern("d MMM yyyy, HH:mm", java.util.Locale.ENGLISH).withZone(calendar.zone());
        StringBuilder body = new StringBuilder("Here is our chat, as you asked.\n\n");
        for (ChatLine line : transcript) {
            body.append(line.authorName()).append(" (").append(at.format(line.createdAt())).append("):\n");
            if (!line.body().isEmpty()) {
                body.append(line.body()).append("\n");
            }
            for (Attachment file : line.message() == null ? List.<Attachment>of()
                    : files.getOrDefault(new Message.MessageId(line.message()), List.of())) {
                body.append("[Attached: ").append(file.fileName()).append(", ").append(file.sizeLabel())
                        .append("]\n");
            }
            body.append("\n");
        }
        long number = desk.find(new Conversation.ConversationId(visitor.conversation()))
                .map(Conversation::number).orElse(0L);
        transactions.executeWithoutResult(status -> outbox.queue(new MailToSend(EmailAddress.of(email),
                visitor.name(), "Your chat with us [#" + number + "]", body.toString(),
                "chat-transcript:" + visitor.conversation() + ":" + transcript.size())));
    }

    /** The lines as the widget sees them, with the files attached to each. */
    public List<Map<String, Object>> linesJson(List<ChatLine> shown) {
        Map<Message.MessageId, List<Attachment>> files = filesOf(shown);
        return shown.stream().map(line -> ChatJson.line(line, line.message() == null ? List.of()
                : files.getOrDefault(new Message.MessageId(line.message()), List.of()))).toList();
    }

    /** What a visitor may send as a file, for the widget to say so before uploading. */
    public ChatFileSettings fileSettings() {
        return fileSettings;
    }

    List<Attachment> filesOf(ChatLine line) {
        return line.message() == null ? List.of()
                : filesOf(List.of(line)).getOrDefault(new Message.MessageId(line.message()), List.of());
    }

    private Map<Message.MessageId, List<Attachment>> filesOf(List<ChatLine> shown) {
        return desk.attachmentsOf(shown.stream().map(ChatLine::message).filter(java.util.Objects::nonNull)
                .map(Message.MessageId::new).toList());
    }

    public Optional<Visitor> visitor(UUID id) {
        return visitors.find(id);
    }

    /** The reference number of the conversation a line is in, which the visitor may quote. */
    public long numberOf(ChatLine line) {
        return desk.find(new Conversation.ConversationId(line.conversation())).map(Conversation::number).orElse(0L);
    }

    /** The visitor a widget's token belongs to. */
    public Optional<Visitor> visitor(ChatWidget widget, String token) {
        return visitors.byToken(widget.id(), token);
    }

    /** The name of the agent who has the visitor's current chat, if someone has it. */
    public Optional<String> helperOf(Visitor visitor) {
        return visitor.currentConversation().flatMap(id -> desk.find(new Conversation.ConversationId(id)))
                .filter(Conversation::isOpen).flatMap(Conversation::assignee).flatMap(roster::findAgent)
                .map(Agent::name);
    }

    /** The visitors chatting in a conversation (one, or more after a merge). */
    public List<Visitor> visitorsOf(Conversation.ConversationId conversation) {
        return visitors.ofConversation(conversation.value());
    }

    private static Requester requester(Visitor visitor) {
        EmailAddress signed = visitor.isVerified() && visitor.email() != null && looksLikeEmail(visitor.email())
                ? EmailAddress.of(visitor.email()) : null;
        return new Requester(visitor.name() == null ? "Website visitor" : visitor.name(), signed);
    }

    static String displayName(Visitor visitor) {
        return visitor.name() == null ? "Website visitor" : visitor.name();
    }

    private static void require(ChatWidget.Field field, String value, String code, String message) {
        if (field == ChatWidget.Field.REQUIRED && (value == null || value.isBlank())) {
            throw new ChatRefused(code, message);
        }
    }

    private static boolean looksLikeEmail(String email) {
        try {
            EmailAddress.of(email);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String truncate(String value, int max) {
        return value.length() > max ? value.substring(0, max) : value;
    }

    static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }
}
