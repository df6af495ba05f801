package dev.rapport.conversations;

import dev.rapport.agents.Agent;
import dev.rapport.agents.Role;
import dev.rapport.agents.Roster;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.agents.Team;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where conversations are worked: started by channels, answered and noted by agents, assigned, moved through their
 * statuses. Every change lands on the conversation's timeline and is announced as an event. Changes made from a
 * stale page are refused instead of silently overwriting someone else's.
 */
@Service
@Transactional
public class Desk {

    private final Conversations conversations;
    private final Attachments attachments;
    private final AttachmentStore attachmentStore;
    private final Messages messages;
    private final Timeline timeline;
    private final Roster roster;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final CustomerRecognition recognition;
    private final ContinuityRouting continuity;
    private final ObjectProvider<ConversationAddOn> addOns;
    private final ObjectProvider<ConversationAccess> accesses;
    private final ConversationRows rows;
    private final MessageRows messageRows;

    Desk(ConversationRows rows, MessageRows messageRows, Conversations conversations, Messages messages,
         Timeline timeline, Roster roster, JdbcClient jdbc,
         ApplicationEventPublisher events, Clock clock, Attachments attachments, AttachmentStore attachmentStore,
         ObjectProvider<CustomerRecognition> recognition, ContinuityRouting continuity,
         ObjectProvider<ConversationAddOn> addOns, ObjectProvider<ConversationAccess> accesses) {
        this.rows = rows;
        this.messageRows = messageRows;
        this.addOns = addOns;
        this.accesses = accesses;
        this.recognition = recognition.getIfAvailable(() -> CustomerRecognition.NOBODY);
        this.continuity = continuity;
        this.attachments = attachments;
        this.attachmentStore = attachmentStore;
        this.conversations = conversations;
        this.messages = messages;
        this.timeline = timeline;
        this.roster = roster;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** What the conversation's customer likes to be called, for the greeting the composer offers. */
    @Transactional(readOnly = true)
    public Optional<String> greetingName(Conversation conversation) {
        return conversation.customerId().flatMap(recognition::greetingName);
    }

    /** Starts a conversation with the customer's first message, kept whole. */
    public Conversation start(NewConversation request) {
        return start(request, List.of());
    }

    /**
     * Starts a conversation whose first message carries files.
     *
     * @throws IllegalArgumentException naming the file that cannot be attached, before anything is stored
     */
    public Conversation start(NewConversation request, List<NewAttachment> files) {
        return startWithMessage(request, files).conversation();
    }

    /** A conversation just started, with the customer's first message in it. */
    public record Started(Conversation conversation, Message first) {
    }

    /**
     * Starts a conversation as {@link #start(NewConversation, List)} does and hands back its first message too, for a
     * channel that keeps a reference to it (the email channel, one query fewer per message).
     */
    public Started startWithMessage(NewConversation request, List<NewAttachment> files) {
        files.forEach(file -> attachmentStore.problemWith(file).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        }));
        Instant now = clock.instant();
        long number = jdbc.sql("select nextval('conversation_number')").query(Long.class).single();
        CustomerRecognition.Recognised known = recognition.recognise(request.requester());
        Conversation conversation = Conversation.start(number, request.subject(), request.requester(),
                known.customerId(), request.channel(), request.team(), now);
        conversation.customerWrote(now);
        Optional<ContinuityRouting.Offer> offer = continuity.offer(known, request.team());
        if (offer.isPresent()) {
            conversation.routedTo(offer.get().agent(), offer.get().why(), now);
        }
        conversation = rows.insert(conversation);
        Message first = messageRows.insert(Message.inbound(conversation.id(), request.requester().name(),
                request.firstMessage(), request.channel(), now));
        for (NewAttachment file : files) {
            attachments.save(Attachment.of(first.id(), AttachmentStore.safeName(file.fileName()),
                    file.contentType() == null ? "application/octet-stream" : file.contentType(), file.size(),
                    attachmentStore.store(file), now));
        }
        timeline.record(conversation.id(), "created", Actor.system(request.requester().name()),
                "started the conversation by " + request.channel().label().toLowerCase(), now);
        if (offer.isPresent()) {
            timeline.record(conversation.id(), "assigned", Actor.system("Rapport"), offer.get().why(), now);
        }
        events.publishEvent(new ConversationStarted(conversation.id(), number, request.channel()));
        events.publishEvent(new MessageReceived(conversation.id(), first.id(), number,
                !conversation.followers().isEmpty()));
        events.publishEvent(new ConversationChanged(conversation.id(), number, "created"));
        return new Started(conversation, first);
    }

    /**
     * Logs a phone call or a walk-in that an agent handled: it becomes a conversation with what the customer said,
     * the agent's note on the outcome, and either solved or assigned to the agent for the follow-up.
     */
    public Conversation log(NewConversation interaction, SignedInAgent agent, String outcomeNote, boolean solved) {
        Conversation conversation = start(interaction);
        if (outcomeNote != null && !outcomeNote.isBlank()) {
            note(conversation.id(), agent, outcomeNote);
        }
        conversation = assign(conversation.id(), agent, agent.id(), null);
        return solved ? changeStatus(conversation.id(), agent, Status.SOLVED, null)
                : changeStatus(conversation.id(), agent, Status.OPEN, null);
    }

    /** The customer wrote again in an existing conversation; they now wait for us. */
    public Message receive(Conversation.ConversationId id, String from, String body, Channel channel) {
        return receive(id, from, body, channel, List.of());
    }

    /**
     * The customer wrote again with files (an email's attachments).
     *
     * @throws IllegalArgumentException naming the file that cannot be attached, before anything is stored
     */
    public Message receive(Conversation.ConversationId id, String from, String body, Channel channel,
                           List<NewAttachment> files) {
        return receive(require(id), from, body, channel, files);
    }

    /**
     * The customer wrote again in a conversation the caller has just read (the email channel, which reads it to
     * thread the mail), so it is not read twice. Nobody's change is overwritten: if someone changed the conversation
     * in between, it is read again and the customer's message applied to what they left.
     *
     * @throws IllegalArgumentException naming the file that cannot be attached, before anything is stored
     */
    public Message receive(Conversation conversation, String from, String body, Channel channel,
                           List<NewAttachment> files) {
        files.forEach(file -> attachmentStore.problemWith(file).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        }));
        Instant now = clock.instant();
        Conversation.ConversationId id = conversation.id();
        boolean wasOpen = conversation.isOpen();
        conversation.customerWrote(now);
        for (int attempt = 1; !rows.updateState(conversation); attempt++) {
            if (attempt == 5) {
                throw new org.springframework.dao.OptimisticLockingFailureException("Conversation "
                        + conversation.number() + " kept changing while a customer's message was added to it");
            }
            conversation = require(id);
            wasOpen = conversation.isOpen();
            conversation.customerWrote(now);
        }
        Message message = messageRows.insert(Message.inbound(id, from, body, channel, now));
        for (NewAttachment file : files) {
            attachments.save(Attachment.of(message.id(), AttachmentStore.safeName(file.fileName()),
                    file.contentType() == null ? "application/octet-stream" : file.contentType(), file.size(),
                    attachmentStore.store(file), now));
        }
        events.publishEvent(new MessageReceived(id, message.id(), conversation.number(),
                !conversation.followers().isEmpty()));
        events.publishEvent(new ConversationChanged(id, conversation.number(), "message"));
        if (!wasOpen && conversation.isOpen()) {
            events.publishEvent(new ConversationChanged(id, conversation.number(), "reopened"));
        }
        return message;
    }

    /**
     * Sends a reply to the customer through the conversation's channel.
     *
     * @param next the status afterwards; by default the ball is in the customer's court
     */
    public Message reply(Conversation.ConversationId id, SignedInAgent agent, String body, Status next,
                         Long expectedVersion) {
        return reply(id, agent, body, next, expectedVersion, Map.of());
    }

    /**
     * Sends a reply with what the composer's add-ons contributed ({@code form}: their fields); an add-on's failure
     * sends nothing.
     */
    public Message reply(Conversation.ConversationId id, SignedInAgent agent, String body, Status next,
                         Long expectedVersion, Map<String, String> form) {
        return reply(id, agent, body, next, expectedVersion, form, List.of());
    }

    /**
     * Sends a reply carrying files; the channel sends them with it (by email as attachments).
     *
     * @throws IllegalArgumentException naming the file or limit that stops it, before anything is stored or sent
     */
    public Message reply(Conversation.ConversationId id, SignedInAgent agent, String body, Status next,
                         Long expectedVersion, Map<String, String> form, List<NewAttachment> files) {
        requireCanWriteToCustomers(agent);
        requireAttachable(files);
        Instant now = clock.instant();
        Conversation conversation = requireFresh(id, expectedVersion, agent);
        String text = amended(conversation, agent, true, body == null ? "" : body, form);
        Status before = conversation.status();
        conversation.weReplied(now, next);
        if (conversation.assignee().isEmpty()) {
            conversation.assign(agent.id(), now);
            timeline.record(id, "assigned", Actor.of(agent), "took the conversation", now);
        }
        conversations.save(conversation);
        Message reply = messages.save(Message.reply(id, agent.id(), agent.name(), text, conversation.channel(), now));
        attach(reply, files, now);
        addOns.orderedStream().forEach(addOn -> addOn.posted(conversation, reply, agent, form));
        if (before != conversation.status()) {
            timeline.record(id, "status", Actor.of(agent), "set status to " + conversation.status().label(), now);
        }
        events.publishEvent(new ReplyPosted(id, reply.id(), conversation.number(), conversation.channel()));
        events.publishEvent(new ConversationChanged(id, conversation.number(), "reply"));
        return reply;
    }

    /**
     * Adds an internal note that a channel writes rather than an agent (the phone channel logging a call we made):
     * visible to agents only, never sent to the customer, and it changes nobody's waiting time. Not a
     * {@link NotePosted}: nobody wrote it in the composer.
     *
     * @param agent the agent it is about (who made the call), or null
     */
    public Message record(Conversation.ConversationId id, Agent.AgentId agent, String author, String body) {
        Instant now = clock.instant();
        Conversation conversation = require(id);
        Message note = messages.save(Message.note(id, agent, author, requireText(body), now));
        conversation.touched(now);
        conversations.save(conversation);
        events.publishEvent(new ConversationChanged(id, conversation.number(), "note"));
        return note;
    }

    /** Adds an internal note: visible to agents only, never sent to the customer. */
    public Message note(Conversation.ConversationId id, SignedInAgent agent, String body) {
        return note(id, agent, body, Map.of());
    }

    /** Adds an internal note with what the composer's add-ons contributed; an add-on's failure adds nothing. */
    public Message note(Conversation.ConversationId id, SignedInAgent agent, String body, Map<String, String> form) {
        return note(id, agent, body, form, List.of());
    }

    /**
     * Adds an internal note carrying files, for agents only.
     *
     * @throws IllegalArgumentException naming the file or limit that stops it, before anything is stored
     */
    public Message note(Conversation.ConversationId id, SignedInAgent agent, String body, Map<String, String> form,
                        List<NewAttachment> files) {
        Instant now = clock.instant();
        Conversation conversation = requireVisible(id, agent);
        requireAttachable(files);
        String text = amended(conversation, agent, false, body == null ? "" : body, form);
        Message note = messages.save(Message.note(id, agent.id(), agent.name(), text, now));
        attach(note, files, now);
        addOns.orderedStream().forEach(addOn -> addOn.posted(conversation, note, agent, form));
        conversation.touched(now);
        conversations.save(conversation);
        String excerpt = note.body().length() > 140 ? note.body().substring(0, 137) + "…" : note.body();
        for (Agent.AgentId mentioned : Mentions.in(note.body(), roster.agents())) {
            if (!mentioned.equals(agent.id())) {
                events.publishEvent(new AgentMentioned(mentioned, id, conversation.number(), agent.name(), excerpt));
            }
        }
        events.publishEvent(new NotePosted(id, note.id(), conversation.number()));
        events.publishEvent(new ConversationChanged(id, conversation.number(), "note"));
        return note;
    }

    /** Applies several changes in one transaction, each on the timeline; refused as a whole when stale. */
    public Conversation update(Conversation.ConversationId id, SignedInAgent actor, ConversationUpdate update,
                               Long expectedVersion) {
        requireFresh(id, expectedVersion, actor);
        Conversation conversation = require(id);
        if (update.assignee() != null) {
            conversation = assign(id, actor, update.assignee().orElse(null), null);
        }
        if (update.team() != null) {
            conversation = moveToTeam(id, actor, update.team().orElse(null), null);
        }
        if (update.priority() != null) {
            conversation = changePriority(id, actor, update.priority(), null);
        }
        if (update.tags() != null) {
            conversation = retag(id, actor, update.tags(), null);
        }
        if (update.summary() != null && !update.summary().strip().equals(
                conversation.summary() == null ? "" : conversation.summary())) {
            conversation = summarise(id, actor, update.summary(), null);
        }
        if (update.status() != null) {
            conversation = changeStatus(id, actor, update.status(), null);
        }
        return conversation;
    }

    public Conversation assign(Conversation.ConversationId id, SignedInAgent actor, Agent.AgentId assignee,
                               Long expectedVersion) {
        Instant now = clock.instant();
        Conversation conversation = requireFresh(id, expectedVersion, actor);
        if (conversation.assignee().equals(Optional.ofNullable(assignee))) {
            return conversation;
        }
        String detail;
        if (assignee == null) {
            detail = "unassigned the conversation";
        } else {
            Agent agent = roster.findAgent(assignee).filter(Agent::isActive)
                    .orElseThrow(() -> new IllegalArgumentException("No such active agent."));
            detail = assignee.equals(actor.id()) ? "took the conversation" : "assigned it to " + agent.name();
        }
        conversation.assign(assignee, now);
        timeline.record(id, "assigned", Actor.of(actor), detail, now);
        return saved(conversation, "assigned");
    }

    public Conversation changeStatus(Conversation.ConversationId id, SignedInAgent actor, Status status,
                                     Long expectedVersion) {
        Instant now = clock.instant();
        Conversation conversation = requireFresh(id, expectedVersion, actor);
        if (conversation.status() == status) {
            return conversation;
        }
        conversation.setStatus(status, now);
        timeline.record(id, "status", Actor.of(actor), "set status to " + status.label(), now);
        return saved(conversation, "status");
    }

    public Conversation changePriority(Conversation.ConversationId id, SignedInAgent actor, Priority priority,
                                       Long expectedVersion) {
        Instant now = clock.instant();
        Conversation conversation = requireFresh(id, expectedVersion, actor);
        if (conversation.priority() == priority) {
            return conversation;
        }
        conversation.prioritise(priority, now);
        timeline.record(id, "priority", Actor.of(actor), "set priority to " + priority.label(), now);
        return saved(conversation, "priority");
    }

    public Conversation moveToTeam(Conversation.ConversationId id, SignedInAgent actor, Team.TeamId team,
                                   Long expectedVersion) {
        Instant now = clock.instant();
        Conversation conversation = requireFresh(id, expectedVersion, actor);
        if (conversation.team().equals(Optional.ofNullable(team))) {
            return conversation;
        }
        String name = team == null ? "no team"
                : roster.findTeam(team).map(Team::name).orElseThrow(() -> new IllegalArgumentException("No such team."));
        conversation.moveToTeam(team, now);
        timeline.record(id, "team", Actor.of(actor), "moved it to " + name, now);
        return saved(conversation, "team");
    }

    public Conversation retag(Conversation.ConversationId id, SignedInAgent actor, Set<String> tags,
                              Long expectedVersion) {
        Instant now = clock.instant();
        Conversation conversation = requireFresh(id, expectedVersion, actor);
        Conversation.TagChange change = conversation.retag(tags, now);
        if (change.isEmpty()) {
            return conversation;
        }
        StringBuilder detail = new StringBuilder();
        if (!change.added().isEmpty()) {
            detail.append("tagged ").append(String.join(", ", change.added()));
        }
        if (!change.removed().isEmpty()) {
            detail.append(detail.isEmpty() ? "" : "; ").append("removed ").append(String.join(", ", change.removed()));
        }
        timeline.record(id, "tags", Actor.of(actor), detail.toString(), now);
        return saved(conversation, "tags");
    }

    /** Records in one line what the customer really needs; it travels with the conversation. */
    public Conversation summarise(Conversation.ConversationId id, SignedInAgent actor, String summary,
                                  Long expectedVersion) {
        Instant now = clock.instant();
        Conversation conversation = requireFresh(id, expectedVersion, actor);
        conversation.summarise(summary, now);
        timeline.record(id, "summary", Actor.of(actor),
                summary == null || summary.isBlank() ? "cleared what they really need" : "noted what they really need",
                now);
        return saved(conversation, "summary");
    }

    /**
     * Applies one action to up to {@link BulkAction#MAX_CONVERSATIONS} conversations in one transaction: all or none.
     *
     * @return how many conversations actually changed
     */
    public int bulk(List<Long> numbers, SignedInAgent actor, BulkAction action) {
        if (numbers.isEmpty()) {
            throw new IllegalArgumentException("Select at least one conversation.");
        }
        if (numbers.size() > BulkAction.MAX_CONVERSATIONS) {
            throw new IllegalArgumentException("Select at most " + BulkAction.MAX_CONVERSATIONS + " conversations.");
        }
        int changed = 0;
        for (long number : numbers) {
            Conversation conversation = conversations.findByNumber(number).orElseThrow(() -> new NotFound(number));
            requireCanSee(conversation, actor);
            long before = conversation.version();
            Conversation after = switch (action) {
                case BulkAction.Solve solve -> changeStatus(conversation.id(), actor, Status.SOLVED, null);
                case BulkAction.Assign assign -> assign(conversation.id(), actor, assign.agent(), null);
                case BulkAction.Tag tag -> {
                    Set<String> tags = new java.util.HashSet<>(conversation.tags());
                    tags.add(tag.tag());
                    yield retag(conversation.id(), actor, tags, null);
                }
            };
            if (after.version() != before) {
                changed++;
            }
        }
        return changed;
    }

    /**
     * Merges one conversation into another of the same customer: its messages move over and keep their order, the
     * merged one is closed and points at the other (its page redirects there).
     */
    public Conversation merge(long sourceNumber, long targetNumber, SignedInAgent actor) {
        if (sourceNumber == targetNumber) {
            throw new IllegalArgumentException("A conversation cannot be merged into itself.");
        }
        Instant now = clock.instant();
        Conversation source = visibleTo(sourceNumber, actor);
        Conversation target = visibleTo(targetNumber, actor);
        requireOnItsTeam(source, actor);
        requireOnItsTeam(target, actor);
        if (source.isMerged() || target.isMerged()) {
            throw new IllegalArgumentException("One of them was already merged.");
        }
        if (source.requester().email() == null || !source.requester().email().equals(target.requester().email())) {
            throw new IllegalArgumentException("Only conversations with the same customer can be merged: #"
                    + targetNumber + " is with " + target.requester().name() + ".");
        }
        jdbc.sql("update message set conversation = ? where conversation = ?")
                .params(target.id().value(), source.id().value()).update();
        target.absorb(source, now);
        source.mergedInto(targetNumber, now);
        conversations.save(source);
        Conversation merged = conversations.save(target);
        timeline.record(target.id(), "merged", Actor.of(actor), "merged #" + sourceNumber + " into this conversation", now);
        timeline.record(source.id(), "merged", Actor.of(actor), "merged this conversation into #" + targetNumber, now);
        events.publishEvent(new ConversationChanged(source.id(), sourceNumber, "merged"));
        events.publishEvent(new ConversationChanged(target.id(), targetNumber, "merged"));
        return merged;
    }

    /** Moves one of the customer's messages out into a conversation of its own, for a separate matter. */
    public Conversation split(Message.MessageId messageId, SignedInAgent actor) {
        Instant now = clock.instant();
        Message message = messages.findById(messageId.value())
                .orElseThrow(() -> new IllegalArgumentException("There is no such message."));
        Conversation from = requireVisible(message.conversation(), actor);
        requireOnItsTeam(from, actor);
        if (message.kind() != Message.Kind.INBOUND) {
            throw new IllegalArgumentException("Only the customer's own messages can be split out.");
        }
        if (messages.findByConversationOrderByCreatedAtAscIdAsc(from.id().value()).size() < 2) {
            throw new IllegalArgumentException("This is the conversation's only message.");
        }
        long number = jdbc.sql("select nextval('conversation_number')").query(Long.class).single();
        String firstLine = message.body().strip().lines().findFirst().orElse("");
        Conversation split = Conversation.start(number, firstLine.length() > 80 ? firstLine.substring(0, 77) + "…"
                : firstLine.isBlank() ? "Split from #" + from.number() : firstLine, from.requester(),
                from.customerId().orElse(null),
                message.channel() == null ? from.channel() : message.channel(),
                from.team().orElse(null), now);
        split.customerWrote(message.createdAt());
        split = conversations.save(split);
        jdbc.sql("update message set conversation = ? where id = ?").params(split.id().value(), messageId.value())
                .update();
        timeline.record(split.id(), "split", Actor.of(actor), "split this out of #" + from.number(), now);
        timeline.record(from.id(), "split", Actor.of(actor), "split a message out into #" + number, now);
        events.publishEvent(new ConversationStarted(split.id(), number, split.channel()));
        events.publishEvent(new ConversationChanged(split.id(), number, "split"));
        events.publishEvent(new ConversationChanged(from.id(), from.number(), "split"));
        return split;
    }

    /** Takes the conversation out of the queue until the given time. */
    public Conversation snooze(Conversation.ConversationId id, SignedInAgent actor, Instant until,
                               Long expectedVersion) {
        Instant now = clock.instant();
        if (!until.isAfter(now)) {
            throw new IllegalArgumentException("Choose a time in the future.");
        }
        Conversation conversation = requireFresh(id, expectedVersion, actor);
        conversation.snooze(until, now);
        timeline.record(id, "snoozed", Actor.of(actor), "snoozed it until " + until, now);
        return saved(conversation, "snoozed");
    }

    /** Brings back every snoozed conversation whose time has come; returns how many. */
    public int wakeDue() {
        Instant now = clock.instant();
        List<java.util.UUID> due = jdbc.sql("select id from conversation where snoozed_until <= ?")
                .param(java.sql.Timestamp.from(now)).query(java.util.UUID.class).list();
        for (java.util.UUID id : due) {
            Conversation conversation = conversations.findById(id).orElseThrow();
            conversation.wake(now);
            timeline.record(conversation.id(), "woke", Actor.system("Rapport"), "brought it back after the snooze", now);
            saved(conversation, "woke");
        }
        return due.size();
    }

    public void follow(Conversation.ConversationId id, SignedInAgent agent, boolean follow) {
        Conversation conversation = requireVisible(id, agent);
        if (follow) {
            conversation.follow(agent.id());
        } else {
            conversation.unfollow(agent.id());
        }
        conversations.save(conversation);
    }

    /** The channel delivered a reply. */
    public void markDelivered(Message.MessageId id) {
        messages.findById(id.value()).ifPresent(message -> {
            message.delivered();
            messages.save(message);
        });
    }

    /** The channel is trying a failed reply again (an agent asked it to). */
    public void markQueued(Message.MessageId id) {
        messages.findById(id.value()).ifPresent(message -> {
            message.requeued();
            messages.save(message);
        });
    }

    /** The channel gave up delivering a reply; the reason is shown to agents. */
    public void markFailed(Message.MessageId id, String reason) {
        messages.findById(id.value()).ifPresent(message -> {
            message.failed(reason);
            messages.save(message);
        });
    }

    @Transactional(readOnly = true)
    public Optional<Conversation> find(Conversation.ConversationId id) {
        return rows.find(id.value());
    }

    /** Every open conversation of the channel, in one query (not merged ones: they are closed). */
    @Transactional(readOnly = true)
    public List<OpenConversation> openOn(Channel channel) {
        return jdbc.sql("select id, number, status, assignee from conversation where is_open = true and channel = ?")
                .param(channel.name())
                .query((rs, row) -> new OpenConversation(
                        new Conversation.ConversationId(rs.getObject("id", java.util.UUID.class)), rs.getLong("number"),
                        Status.valueOf(rs.getString("status")),
                        Optional.ofNullable(rs.getObject("assignee", java.util.UUID.class)).map(Agent.AgentId::new)))
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<Conversation> findByNumber(long number) {
        return rows.findByNumber(number);
    }

    /** A conversation the agent may see, or an explanation why not. */
    @Transactional(readOnly = true)
    public Conversation visibleTo(long number, SignedInAgent agent) {
        Conversation conversation = rows.findByNumber(number).orElseThrow(() -> new NotFound(number));
        requireCanSee(conversation, agent);
        return conversation;
    }

    @Transactional(readOnly = true)
    public Optional<Message> message(Message.MessageId id) {
        return messages.findById(id.value());
    }

    @Transactional(readOnly = true)
    public List<Message> messages(Conversation.ConversationId id) {
        return messages.findByConversationOrderByCreatedAtAscIdAsc(id.value());
    }

    /** The files attached to the conversation's messages, by message. */
    @Transactional(readOnly = true)
    public java.util.Map<Message.MessageId, List<Attachment>> attachments(Conversation.ConversationId id) {
        List<java.util.UUID> ids = messages(id).stream().map(m -> m.id().value()).toList();
        return ids.isEmpty() ? java.util.Map.of() : attachments.findByMessageIn(ids).stream()
                .collect(java.util.stream.Collectors.groupingBy(Attachment::message));
    }

    /** The files a message carries, for the channel that sends it; in the order they were attached. */
    @Transactional(readOnly = true)
    public List<Attachment> attachmentsOf(Message.MessageId message) {
        return attachments.findByMessageIn(List.of(message.value())).stream()
                .sorted(java.util.Comparator.comparing(Attachment::createdAt).thenComparing(Attachment::fileName))
                .toList();
    }

    /** An attachment by id, for a channel sending the message it belongs to (agents use {@link #attachment}). */
    @Transactional(readOnly = true)
    public Optional<Attachment> findAttachment(java.util.UUID id) {
        return attachments.findById(id);
    }

    /**
     * The files attached to these messages, by message: for a channel that shows a customer the files of the messages
     * it delivered to them (and checks itself that they are that customer's).
     */
    @Transactional(readOnly = true)
    public java.util.Map<Message.MessageId, List<Attachment>> attachmentsOf(
            java.util.Collection<Message.MessageId> messages) {
        List<java.util.UUID> ids = messages.stream().map(Message.MessageId::value).distinct().toList();
        return ids.isEmpty() ? java.util.Map.of() : attachments.findByMessageIn(ids).stream()
                .collect(java.util.stream.Collectors.groupingBy(Attachment::message));
    }

    /** An attachment, if the agent may see the conversation it belongs to. */
    @Transactional(readOnly = true)
    public Attachment attachment(java.util.UUID id, SignedInAgent agent) {
        Attachment attachment = attachments.findById(id).orElseThrow(() -> new NotFound(id));
        Message message = messages.findById(attachment.message().value()).orElseThrow(() -> new NotFound(id));
        requireVisible(message.conversation(), agent);
        return attachment;
    }

    @Transactional(readOnly = true)
    public List<Activity> timeline(Conversation.ConversationId id) {
        return timeline.of(id);
    }

    /**
     * Whether the agent may see the conversation: everyone but teammates sees all; teammates see their teams' and
     * those another module opened to them ({@link ConversationAccess}: what they were asked about).
     */
    public boolean canSee(Conversation conversation, SignedInAgent agent) {
        if (agent.role() != Role.TEAMMATE) {
            return true;
        }
        Set<Team.TeamId> teams = roster.findAgent(agent.id()).map(Agent::teams).orElse(Set.of());
        return conversation.team().map(teams::contains).orElse(false)
                || accesses.orderedStream().anyMatch(access -> access.opensTo(conversation, agent.id(), teams));
    }

    /**
     * Whether the agent may change the conversation (owner, status, team, tags, merge, split) rather than only see it
     * and add notes: everyone but teammates, and teammates on the conversation's own team.
     */
    public boolean mayManage(Conversation conversation, SignedInAgent agent) {
        if (agent.role() != Role.TEAMMATE) {
            return true;
        }
        Set<Team.TeamId> teams = roster.findAgent(agent.id()).map(Agent::teams).orElse(Set.of());
        return conversation.team().map(teams::contains).orElse(false);
    }

    /**
     * Puts something another module did on the conversation's timeline ("escalated it to the Billing team"), as the
     * agent who did it, and tells whoever is looking at the conversation.
     */
    public void addToTimeline(Conversation.ConversationId id, SignedInAgent actor, String kind, String detail) {
        Conversation conversation = requireVisible(id, actor);
        timeline.record(id, kind, Actor.of(actor), detail, clock.instant());
        events.publishEvent(new ConversationChanged(id, conversation.number(), kind));
    }

    private Conversation saved(Conversation conversation, String what) {
        Conversation saved = conversations.save(conversation);
        events.publishEvent(new ConversationChanged(saved.id(), saved.number(), what));
        return saved;
    }

    private Conversation require(Conversation.ConversationId id) {
        return rows.find(id.value()).orElseThrow(() -> new NotFound(id));
    }

    private Conversation requireVisible(Conversation.ConversationId id, SignedInAgent agent) {
        Conversation conversation = require(id);
        requireCanSee(conversation, agent);
        return conversation;
    }

    private void requireCanSee(Conversation conversation, SignedInAgent agent) {
        if (!canSee(conversation, agent)) {
            throw new NotAllowed("This conversation belongs to a team you are not on.");
        }
    }

    private Conversation requireFresh(Conversation.ConversationId id, Long expectedVersion, SignedInAgent agent) {
        Conversation conversation = requireVisible(id, agent);
        requireOnItsTeam(conversation, agent);
        if (expectedVersion != null && expectedVersion != conversation.version()) {
            throw new Stale(conversation.number());
        }
        return conversation;
    }

    /**
     * A teammate brought in from another department helps with notes; the conversation, its owner, status and tags
     * stay with the team it belongs to.
     */
    private void requireOnItsTeam(Conversation conversation, SignedInAgent agent) {
        if (!mayManage(conversation, agent)) {
            throw new NotAllowed("You were brought in to help; the conversation stays with its owner. Add a note instead.");
        }
    }

    private static void requireCanWriteToCustomers(SignedInAgent agent) {
        if (agent.role() == Role.TEAMMATE) {
            throw new NotAllowed("Teammates from other departments do not write to customers; add a note instead.");
        }
    }

    private String amended(Conversation conversation, SignedInAgent agent, boolean reply, String body,
                           Map<String, String> form) {
        String text = body;
        for (ConversationAddOn addOn : addOns.orderedStream().toList()) {
            text = addOn.amend(conversation, agent, reply, text, form);
        }
        return requireText(text);
    }

    /** What the add-ons say is still open on the conversation, for whoever is about to solve it. */
    @Transactional(readOnly = true)
    public List<String> openWhenSolving(Conversation conversation, SignedInAgent viewer) {
        return addOns.orderedStream().flatMap(addOn -> addOn.openWhenSolving(conversation, viewer).stream()).toList();
    }

    /** The add-ons' panels for the composer and the sidebar, as fragment addresses. */
    @Transactional(readOnly = true)
    public Panels panels(Conversation conversation, SignedInAgent agent) {
        List<ConversationAddOn> all = addOns.orderedStream().toList();
        return new Panels(all.stream().flatMap(a -> a.composerPanel(conversation, agent).stream()).toList(),
                all.stream().flatMap(a -> a.sidebarPanel(conversation, agent).stream()).toList());
    }

    /** Fragment addresses other modules add to the conversation page. */
    public record Panels(List<String> composer, List<String> sidebar) {
    }

    /** Refuses files an agent may not send: too many, too large together, or one that cannot be attached. */
    private void requireAttachable(List<NewAttachment> files) {
        attachmentStore.problemWith(files).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
    }

    private void attach(Message message, List<NewAttachment> files, Instant now) {
        for (NewAttachment file : files) {
            attachments.save(Attachment.of(message.id(), AttachmentStore.safeName(file.fileName()),
                    ContentTypes.of(file), file.size(), attachmentStore.store(file), now));
        }
    }

    private static String requireText(String body) {
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("Write something first.");
        }
        if (body.length() > 100_000) {
            throw new IllegalArgumentException("A message can be at most 100,000 characters.");
        }
        return body.strip();
    }

    /** No such conversation. */
    public static class NotFound extends RuntimeException {
        NotFound(Object id) {
            super("There is no conversation " + (id instanceof Long number ? "#" + number : id) + ".");
        }
    }

    /** The agent may not see or change this conversation. */
    public static class NotAllowed extends RuntimeException {
        NotAllowed(String message) {
            super(message);
        }
    }

    /** Someone else changed the conversation since the page was loaded. */
    public static class Stale extends RuntimeException {
        Stale(long number) {
            super("Someone else changed conversation #" + number + " while you were looking at it. "
                    + "Reload to see their change, then try again.");
        }
    }
}
