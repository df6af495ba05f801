package dev.rapport.customers;

import dev.rapport.agents.Agent;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A customer, remembered as a person: what they like to be called, every way they reach us, what they care about and
 * what we learned about them. Identities, passions and notes live inside the aggregate, so a merge or an erasure
 * changes them all at once.
 */
public class Customer {

    public record CustomerId(UUID value) {
        @Override
        public String toString() {
            return value.toString();
        }
    }

    private final @Id UUID id;
    private final long number;
    private String name;
    private String preferredName;
    private String pronunciation;
    private String language;
    private String timeZone;
    private UUID organisation;
    private String segment;
    private BigDecimal lifetimeSpend;
    private BigDecimal spendLast30Days;
    private UUID theirPerson;
    private String doNotContact;
    private final Instant createdAt;
    private Instant updatedAt;
    private Instant erasedAt;
    private UUID mergedInto;
    @MappedCollection
    private Set<CustomerIdentity> identities;
    @MappedCollection
    private Set<Passion> passions;
    @MappedCollection
    private Set<CustomerNote> notes;
    @MappedCollection
    private Set<CustomerAttribute> attributes;
    private @Version Long version;

    @PersistenceCreator
    Customer(UUID id, long number, String name, String preferredName, String pronunciation, String language,
             String timeZone, UUID organisation, String segment, BigDecimal lifetimeSpend,
             BigDecimal spendLast30Days, UUID theirPerson, String doNotContact, Instant createdAt, Instant updatedAt,
             Instant erasedAt, UUID mergedInto, Set<CustomerIdentity> identities, Set<Passion> passions,
             Set<CustomerNote> notes, Set<CustomerAttribute> attributes, Long version) {
        this.id = id;
        this.number = number;
        this.name = name;
        this.preferredName = preferredName;
        this.pronunciation = pronunciation;
        this.language = language;
        this.timeZone = timeZone;
        this.organisation = organisation;
        this.segment = segment;
        this.lifetimeSpend = lifetimeSpend;
        this.spendLast30Days = spendLast30Days;
        this.theirPerson = theirPerson;
        this.doNotContact = doNotContact == null ? "" : doNotContact;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.erasedAt = erasedAt;
        this.mergedInto = mergedInto;
        this.identities = identities == null ? new HashSet<>() : new HashSet<>(identities);
        this.passions = passions == null ? new HashSet<>() : new HashSet<>(passions);
        this.notes = notes == null ? new HashSet<>() : new HashSet<>(notes);
        this.attributes = attributes == null ? new HashSet<>() : new HashSet<>(attributes);
        this.version = version;
    }

    static Customer create(long number, String name, Instant now) {
        return new Customer(UUID.randomUUID(), number, requireName(name), null, null, null, null, null, null, null,
                null, null, "", now, now, null, null, Set.of(), Set.of(), Set.of(), Set.of(), null);
    }

    void rename(CustomerProfile profile, Instant now) {
        this.name = requireName(profile.name());
        this.preferredName = blankToNull(profile.preferredName());
        this.pronunciation = blankToNull(profile.pronunciation());
        this.language = blankToNull(profile.language());
        this.timeZone = blankToNull(profile.timeZone());
        this.segment = blankToNull(profile.segment());
        this.doNotContact = profile.doNotContact().stream().map(Enum::name).sorted()
                .collect(Collectors.joining(","));
        touch(now);
    }

    void joinOrganisation(Organisation.OrganisationId organisation, Instant now) {
        this.organisation = organisation == null ? null : organisation.value();
        touch(now);
    }

    void value(BigDecimal lifetime, BigDecimal last30Days, Instant now) {
        if ((lifetime != null && lifetime.signum() < 0) || (last30Days != null && last30Days.signum() < 0)) {
            throw new IllegalArgumentException("Spend cannot be negative.");
        }
        this.lifetimeSpend = lifetime;
        this.spendLast30Days = last30Days;
        touch(now);
    }

    void chooseTheirPerson(Agent.AgentId agent, Instant now) {
        this.theirPerson = agent == null ? null : agent.value();
        touch(now);
    }

    void addIdentity(CustomerIdentity identity, Instant now) {
        identities.add(identity);
        touch(now);
    }

    boolean removeIdentity(CustomerIdentity identity, Instant now) {
        boolean removed = identities.remove(identity);
        touch(now);
        return removed;
    }

    Passion learn(String text, Agent.AgentId by, String byName, Instant now) {
        Passion passion = Passion.of(text, by, byName, now);
        passions.add(passion);
        touch(now);
        return passion;
    }

    boolean forget(UUID passion, Instant now) {
        touch(now);
        return passions.removeIf(p -> p.id().equals(passion));
    }

    CustomerNote note(String body, boolean pinned, Agent.AgentId author, String authorName, Instant now) {
        CustomerNote note = CustomerNote.of(body, pinned, author, authorName, now);
        notes.add(note);
        touch(now);
        return note;
    }

    /** Only the note's author may change its words; anyone may pin or unpin it. */
    void editNote(UUID noteId, String body, Boolean pinned, Agent.AgentId editor, Instant now) {
        CustomerNote note = notes.stream().filter(n -> n.id().equals(noteId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("That note is gone."));
        if (body != null && !body.equals(note.body()) && !editor.value().equals(note.author())) {
            throw new NotTheAuthor();
        }
        notes.remove(note);
        notes.add(note.edited(body == null ? note.body() : body, pinned == null ? note.pinned() : pinned, now));
        touch(now);
    }

    /**
     * Sets checked attribute values ({@link CustomerAttributes#check}); a null value clears that attribute.
     */
    void describe(Map<String, String> checked, Instant now) {
        checked.forEach((key, content) -> {
            attributes.removeIf(attribute -> attribute.attribute().equals(key));
            if (content != null) {
                attributes.add(new CustomerAttribute(key, content));
            }
        });
        touch(now);
    }

    /** Takes over everything the other customer has: identities, passions and notes. */
    void absorb(Customer other, Instant now) {
        identities.addAll(other.identities);
        other.identities.clear();
        passions.addAll(other.passions);
        other.passions.clear();
        notes.addAll(other.notes);
        other.notes.clear();
        Set<String> known = attributes().keySet();
        other.attributes.stream().filter(attribute -> !known.contains(attribute.attribute()))
                .forEach(attributes::add);
        other.attributes.clear();
        if (preferredName == null) {
            preferredName = other.preferredName;
        }
        if (organisation == null) {
            organisation = other.organisation;
        }
        other.mergedInto = id;
        other.touch(now);
        touch(now);
    }

    /** Forgets who the customer is, keeping only the number, so that statistics stay whole. */
    void erase(Instant now) {
        name = "Erased customer #" + number;
        preferredName = null;
        pronunciation = null;
        language = null;
        timeZone = null;
        organisation = null;
        segment = null;
        lifetimeSpend = null;
        spendLast30Days = null;
        theirPerson = null;
        identities.clear();
        passions.clear();
        notes.clear();
        attributes.clear();
        erasedAt = now;
        touch(now);
    }

    private void touch(Instant now) {
        updatedAt = now;
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A customer needs a name.");
        }
        String stripped = name.strip();
        if (stripped.length() > 200) {
            throw new IllegalArgumentException("The name is longer than 200 characters.");
        }
        return stripped;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** An agent tried to change the words of someone else's note. */
    static class NotTheAuthor extends IllegalStateException {
        NotTheAuthor() {
            super("Only the note's author can change its words.");
        }
    }

    public CustomerId id() {
        return new CustomerId(id);
    }

    public long number() {
        return number;
    }

    public String name() {
        return name;
    }

    /** What they like to be called: the preferred name, or the first word of their name. */
    public String callThem() {
        if (preferredName != null) {
            return preferredName;
        }
        return erasedAt != null ? name : name.split("\\s+")[0];
    }

    public String preferredName() {
        return preferredName;
    }

    public String pronunciation() {
        return pronunciation;
    }

    public String language() {
        return language;
    }

    public String timeZone() {
        return timeZone;
    }

    public Optional<Organisation.OrganisationId> organisation() {
        return Optional.ofNullable(organisation).map(Organisation.OrganisationId::new);
    }

    public String segment() {
        return segment;
    }

    public BigDecimal lifetimeSpend() {
        return lifetimeSpend;
    }

    public BigDecimal spendLast30Days() {
        return spendLast30Days;
    }

    public Optional<Agent.AgentId> theirPersonByHand() {
        return Optional.ofNullable(theirPerson).map(Agent.AgentId::new);
    }

    public Set<ContactChannel> doNotContact() {
        if (doNotContact.isBlank()) {
            return Collections.unmodifiableSet(EnumSet.noneOf(ContactChannel.class));
        }
        return Collections.unmodifiableSet(Arrays.stream(doNotContact.split(",")).map(ContactChannel::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ContactChannel.class))));
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public boolean isErased() {
        return erasedAt != null;
    }

    public Optional<CustomerId> mergedInto() {
        return Optional.ofNullable(mergedInto).map(CustomerId::new);
    }

    public List<CustomerIdentity> identities() {
        return identities.stream().sorted(Comparator.comparing(CustomerIdentity::kind)
                .thenComparing(CustomerIdentity::value)).toList();
    }

    public List<CustomerIdentity> identities(IdentityKind kind) {
        return identities().stream().filter(identity -> identity.kind() == kind).toList();
    }

    /** Newest first. */
    public List<Passion> passions() {
        return passions.stream().sorted(Comparator.comparing(Passion::learnedAt).reversed()
                .thenComparing(Passion::id)).toList();
    }

    /** Pinned notes on top, then newest first. */
    public List<CustomerNote> notes() {
        return notes.stream().sorted(Comparator.comparing(CustomerNote::pinned).reversed()
                .thenComparing(Comparator.comparing(CustomerNote::createdAt).reversed())
                .thenComparing(CustomerNote::id)).toList();
    }

    /** Attribute values by attribute key, in key order. */
    public Map<String, String> attributes() {
        Map<String, String> values = new TreeMap<>();
        attributes.forEach(attribute -> values.put(attribute.attribute(), attribute.content()));
        return Collections.unmodifiableMap(values);
    }

    public List<CustomerNote> pinnedNotes() {
        return notes().stream().filter(CustomerNote::pinned).toList();
    }

    /** The version as stored, or null before the customer was ever stored. */
    Long storedVersion() {
        return version;
    }

    /** Written in plain SQL ({@link CustomerRows}) at this version. */
    void stored(long version) {
        this.version = version;
    }
}
