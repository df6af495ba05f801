package dev.rapport.conversations;

import dev.rapport.agents.Agent;
import dev.rapport.agents.Team;
import dev.rapport.shared.EmailAddress;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;

import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A conversation with one customer about one matter, on any channel. It knows since when the customer has been
 * waiting for us ({@link #waitingSince()}), which orders the inbox: the longest-waiting customer comes first. Messages
 * are their own aggregate, so a long conversation is never loaded whole to change its status.
 */
public class Conversation {

    public record ConversationId(UUID value) {
        @Override
        public String toString() {
            return value.toString();
        }
    }

    /** Where conversations that nobody waits on sort in the queue: after every waiting one. */
    static final Instant NOT_WAITING = Instant.parse("9999-01-01T00:00:00Z");

    private final @Id UUID id;
    private final long number;
    private String subject;
    private UUID customerId;
    private String requesterName;
    private String requesterEmail;
    private final Channel channel;
    private Status status;
    private boolean isOpen;
    private Priority priority;
    private UUID assignee;
    private UUID team;
    private String summary;
    private final Instant createdAt;
    private Instant updatedAt;
    private Instant firstResponseAt;
    private Instant lastCustomerMessageAt;
    private Instant solvedAt;
    private Instant waitingSince;
    private Instant queueRank;
    private Long mergedInto;
    private Instant snoozedUntil;
    private String routingNote;
    private Set<ConversationTag> tags;
    private Set<ConversationFollower> followers;
    private @Version Long version;

    @PersistenceCreator
    Conversation(UUID id, long number, String subject, UUID customerId, String requesterName, String requesterEmail,
                 Channel channel, Status status, boolean isOpen, Priority priority, UUID assignee, UUID team,
                 String summary, Instant createdAt, Instant updatedAt, Instant firstResponseAt,
                 Instant lastCustomerMessageAt, Instant solvedAt, Instant waitingSince, Instant queueRank,
                 Long mergedInto, Instant snoozedUntil, String routingNote, Set<ConversationTag> tags,
                 Set<ConversationFollower> followers, Long version) {
        this.id = id;
        this.number = number;
        this.subject = subject;
        this.customerId = customerId;
        this.requesterName = requesterName;
        this.requesterEmail = requesterEmail;
        this.channel = channel;
        this.status = status;
        this.isOpen = isOpen;
        this.priority = priority;
        this.assignee = assignee;
        this.team = team;
        this.summary = summary;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.firstResponseAt = firstResponseAt;
        this.lastCustomerMessageAt = lastCustomerMessageAt;
        this.solvedAt = solvedAt;
        this.waitingSince = waitingSince;
        this.queueRank = queueRank;
        this.mergedInto = mergedInto;
        this.snoozedUntil = snoozedUntil;
        this.routingNote = routingNote;
        this.tags = tags == null ? new HashSet<>() : new HashSet<>(tags);
        this.followers = followers == null ? new HashSet<>() : new HashSet<>(followers);
        this.version = version;
    }

    static Conversation start(long number, String subject, Requester requester, UUID customerId, Channel channel,
                              Team.TeamId team, Instant now) {
        return new Conversation(UUID.randomUUID(), number, subject.strip(), customerId, requester.name(),
                requester.email() == null ? null : requester.email().value(), channel, Status.NEW, true,
                Priority.NORMAL, null, team == null ? null : team.value(), null, now, now, null, null, null, null,
                NOT_WAITING, null, null, null, Set.of(), Set.of(), null);
    }

    /** The customer wrote: they wait for us from now on, unless they were already waiting. A snooze ends. */
    void customerWrote(Instant at) {
        lastCustomerMessageAt = at;
        snoozedUntil = null;
        if (waitingSince == null) {
            waitingSince = at;
        }
        if (status == Status.SOLVED || status == Status.CLOSED || status == Status.WAITING_ON_CUSTOMER) {
            setStatus(Status.OPEN, at);
        }
        touch(at);
    }

    /** We replied: the customer no longer waits; the ball is in their court unless the agent says otherwise. */
    void weReplied(Instant at, Status next) {
        if (firstResponseAt == null) {
            firstResponseAt = at;
        }
        waitingSince = null;
        setStatus(next == null ? Status.WAITING_ON_CUSTOMER : next, at);
        touch(at);
    }

    void setStatus(Status next, Instant at) {
        this.status = next;
        this.isOpen = next.isOpen();
        if (next == Status.SOLVED) {
            solvedAt = at;
            waitingSince = null;
        } else if (next.isOpen()) {
            solvedAt = null;
        }
        touch(at);
    }

    void assign(Agent.AgentId agent, Instant at) {
        this.assignee = agent == null ? null : agent.value();
        if (agent != null && status == Status.NEW) {
            this.status = Status.OPEN;
        }
        touch(at);
    }

    void moveToTeam(Team.TeamId team, Instant at) {
        this.team = team == null ? null : team.value();
        touch(at);
    }

    void prioritise(Priority priority, Instant at) {
        this.priority = priority;
        touch(at);
    }

    void summarise(String summary, Instant at) {
        this.summary = summary == null || summary.isBlank() ? null : summary.strip();
        touch(at);
    }

    /** Adds and removes tags; returns the tags that really changed, for the timeline. */
    TagChange retag(Set<String> wanted, Instant at) {
        Set<String> normalised = wanted.stream().map(Conversation::normaliseTag).filter(tag -> !tag.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> current = tags();
        Set<String> added = new TreeSet<>(normalised);
        added.removeAll(current);
        Set<String> removed = new TreeSet<>(current);
        removed.removeAll(normalised);
        tags = normalised.stream().map(ConversationTag::new).collect(Collectors.toSet());
        touch(at);
        return new TagChange(added, removed);
    }

    record TagChange(Set<String> added, Set<String> removed) {
        boolean isEmpty() {
            return added.isEmpty() && removed.isEmpty();
        }
    }

    /** Takes in another conversation of the same customer: its tags, and its wait if the customer waited longer. */
    void absorb(Conversation other, Instant at) {
        other.tags.forEach(tags::add);
        if (other.waitingSince != null && (waitingSince == null || other.waitingSince.isBefore(waitingSince))) {
            waitingSince = other.waitingSince;
            if (!isOpen) {
                setStatus(Status.OPEN, at);
            }
        }
        touch(at);
    }

    /** Closed because its messages now live in another conversation. */
    void mergedInto(long number, Instant at) {
        mergedInto = number;
        waitingSince = null;
        setStatus(Status.CLOSED, at);
    }

    /** Out of the queue until the given time; a new customer message wakes it earlier. */
    void snooze(Instant until, Instant at) {
        snoozedUntil = until;
        touch(at);
    }

    void wake(Instant at) {
        snoozedUntil = null;
        touch(at);
    }

    /** Something happened that does not change the conversation's state (a note); it still counts as activity. */
    void touched(Instant at) {
        touch(at);
    }

    void follow(Agent.AgentId agent) {
        followers.add(new ConversationFollower(agent.value()));
    }

    void unfollow(Agent.AgentId agent) {
        followers.remove(new ConversationFollower(agent.value()));
    }

    static String normaliseTag(String tag) {
        return tag == null ? "" : tag.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", "-")
                .replaceAll("[^\\p{L}\\p{N}_-]", "");
    }

    private void touch(Instant at) {
        updatedAt = at;
        queueRank = waitingSince != null && isOpen ? waitingSince : NOT_WAITING;
    }

    public ConversationId id() {
        return new ConversationId(id);
    }

    public long number() {
        return number;
    }

    public String subject() {
        return subject;
    }

    /** Offered to the customer's person on arrival: why ("Routed to Maria, who has helped Paul 6 times"). */
    void routedTo(Agent.AgentId agent, String why, Instant at) {
        assign(agent, at);
        routingNote = why;
    }

    public Optional<String> routingNote() {
        return Optional.ofNullable(routingNote);
    }

    public Optional<UUID> customerId() {
        return Optional.ofNullable(customerId);
    }

    public Requester requester() {
        return new Requester(requesterName, requesterEmail == null ? null : EmailAddress.of(requesterEmail));
    }

    public Channel channel() {
        return channel;
    }

    public Status status() {
        return status;
    }

    public boolean isOpen() {
        return isOpen;
    }

    public Priority priority() {
        return priority;
    }

    public Optional<Agent.AgentId> assignee() {
        return Optional.ofNullable(assignee).map(Agent.AgentId::new);
    }

    public Optional<Team.TeamId> team() {
        return Optional.ofNullable(team).map(Team.TeamId::new);
    }

    public String summary() {
        return summary;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant firstResponseAt() {
        return firstResponseAt;
    }

    public Instant lastCustomerMessageAt() {
        return lastCustomerMessageAt;
    }

    public Instant solvedAt() {
        return solvedAt;
    }

    /** Since when the customer has been waiting for us, or null when they are not. */
    public Instant waitingSince() {
        return waitingSince;
    }

    public java.util.OptionalLong mergedInto() {
        return mergedInto == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(mergedInto);
    }

    public Instant snoozedUntil() {
        return snoozedUntil;
    }

    public boolean isMerged() {
        return mergedInto != null;
    }

    public Set<String> tags() {
        return tags.stream().map(ConversationTag::tag).collect(Collectors.toCollection(TreeSet::new));
    }

    public Set<Agent.AgentId> followers() {
        return Collections.unmodifiableSet(followers.stream().map(f -> new Agent.AgentId(f.agent()))
                .collect(Collectors.toSet()));
    }

    public long version() {
        return version == null ? 0 : version;
    }

    /** The version as stored, or null before the conversation was ever stored. */
    Long storedVersion() {
        return version;
    }

    /** Written in plain SQL ({@link ConversationRows}) at this version. */
    void stored(long version) {
        this.version = version;
    }

    /** Where it sorts in the queue: since when the customer waits, or after every waiting conversation. */
    Instant queueRank() {
        return queueRank;
    }
}
