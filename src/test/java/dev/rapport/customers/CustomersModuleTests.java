package dev.rapport.customers;

import dev.rapport.agents.Passwords;
import dev.rapport.agents.Role;
import dev.rapport.agents.Roster;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.agents.Team;
import dev.rapport.conversations.Channel;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.Desk;
import dev.rapport.conversations.Message;
import dev.rapport.conversations.NewConversation;
import dev.rapport.conversations.Requester;
import dev.rapport.shared.ControllableClock;
import dev.rapport.shared.EmailAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
class CustomersModuleTests {

    @Autowired CustomerDirectory directory;
    @Autowired CustomerCards cards;
    @Autowired CustomerPrivacy privacy;
    @Autowired CustomerSearch search;
    @Autowired CustomerAttributes attributes;
    @Autowired dev.rapport.conversations.AttachmentStore attachments;
    @Autowired Desk desk;
    @Autowired Roster roster;
    @Autowired Passwords passwords;
    @Autowired ControllableClock clock;

    private SignedInAgent maria;
    private SignedInAgent admin;
    private String tag;

    @BeforeEach
    void setUp() {
        clock.freezeAt(Instant.parse("2026-11-23T09:00:00Z"));
        maria = agent("Maria", Role.AGENT, Set.of());
        admin = agent("Ada", Role.ADMIN, Set.of());
        tag = UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void resume() {
        clock.resume();
    }

    @Test
    void everyConversationFromOneAddressBelongsToOneCustomerWhateverTheLetterCase() {
        Conversation first = start("Paul Martin", "paul-" + tag + "@example.com", Channel.WEB_FORM);
        Conversation second = start("Paul", "PAUL-" + tag + "@Example.com", Channel.EMAIL);

        assertThat(first.customerId()).isPresent();
        assertThat(second.customerId()).isEqualTo(first.customerId());
        Customer paul = directory.lookup(IdentityKind.EMAIL, "Paul-" + tag + "@EXAMPLE.com").orElseThrow();
        assertThat(paul.id().value()).isEqualTo(first.customerId().get());
        assertThat(paul.name()).isEqualTo("Paul Martin");
    }

    @Test
    void phoneNumbersInAnyFormatAreOneIdentityAndNonsenseIsRefused() {
        Customer paul = directory.create(new NewCustomer("Paul " + tag, null, List.of(),
                List.of("+1 (415) 555-" + digits(4)), List.of(), null), maria);
        String e164 = paul.identities(IdentityKind.PHONE).getFirst().value();
        assertThat(e164).matches("\\+1415555\\d{4}");

        String local = "(415) 555-" + e164.substring(8);
        assertThat(directory.lookup(IdentityKind.PHONE, local)).map(Customer::number).contains(paul.number());
        assertThat(directory.lookup(IdentityKind.PHONE, "+1.415.555." + e164.substring(8)))
                .map(Customer::number).contains(paul.number());
        assertThat(search.search(local, null, 10).rows()).extracting(CustomerSearch.Row::number)
                .containsExactly(paul.number());

        assertThatThrownBy(() -> directory.addIdentity(paul.number(), IdentityKind.PHONE, "12"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a phone number");
        assertThatThrownBy(() -> directory.addIdentity(paul.number(), IdentityKind.PHONE, "call me maybe"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a phone number");
    }

    @Test
    void anIdentityOfAnotherCustomerIsRefusedNamingThatCustomer() {
        Customer ana = directory.create(new NewCustomer("Ana", null, List.of("ana-" + tag + "@example.com"),
                List.of(), List.of(), null), maria);
        Customer other = directory.create(new NewCustomer("Another Ana", null, List.of(), List.of(), List.of(),
                null), maria);

        assertThatThrownBy(() -> directory.addIdentity(other.number(), IdentityKind.EMAIL,
                "ANA-" + tag + "@example.com"))
                .isInstanceOfSatisfying(IdentityTaken.class,
                        taken -> assertThat(taken.ownerNumber()).isEqualTo(ana.number()));
        assertThat(directory.require(other.number()).identities()).isEmpty();
    }

    @Test
    void aKnownCustomersNewConversationGoesToTheAgentWhoHelpedThemWithTheReasonShown() {
        String email = "paul-" + tag + "@example.com";
        for (int i = 0; i < 2; i++) {
            Conversation earlier = start("Paul Martin", email, Channel.EMAIL);
            desk.reply(earlier.id(), maria, "Happy to help, Paul.", null, null);
            clock.advance(Duration.ofDays(3));
        }
        Customer paul = directory.lookup(IdentityKind.EMAIL, email).orElseThrow();
        directory.update(paul.number(), new CustomerProfile(paul.name(), "Paulie", null, null, null, null, null,
                Set.of()));

        Conversation next = start("Paul Martin", email, Channel.WEB_FORM);

        assertThat(next.assignee()).contains(maria.id());
        assertThat(next.routingNote()).contains("Routed to Maria, who has helped Paulie twice");
        assertThat(desk.greetingName(next)).contains("Paulie");
    }

    @Test
    void aTeamCanSwitchContinuityRoutingOff() {
        Team billing = roster.createTeam("Billing " + tag, null);
        roster.routeByContinuity(billing.id(), false);
        String email = "zoe-" + tag + "@example.com";
        Conversation earlier = start("Zoe", email, Channel.EMAIL);
        desk.reply(earlier.id(), maria, "Done.", null, null);

        Conversation next = desk.start(new NewConversation("Invoice", new Requester("Zoe", EmailAddress.of(email)),
                Channel.EMAIL, "Another question", billing.id()));

        assertThat(next.assignee()).isEmpty();
        assertThat(next.routingNote()).isEmpty();
    }

    @Test
    void theCardAsksToLearnOneThingAfterTheThirdConversationUntilDismissedOrAnswered() {
        String email = "kim-" + tag + "@example.com";
        start("Kim", email, Channel.EMAIL);
        start("Kim", email, Channel.CHAT);
        Customer kim = directory.lookup(IdentityKind.EMAIL, email).orElseThrow();
        assertThat(cards.cardOf(kim, maria).askForPassion()).isFalse();

        start("Kim", email, Channel.PHONE);
        assertThat(cards.cardOf(kim, maria).askForPassion()).isTrue();
        assertThat(cards.cardOf(kim, maria).conversations()).isEqualTo(3);
        assertThat(cards.cardOf(kim, maria).recent()).hasSize(3);

        cards.dismissPrompt(kim, maria.id());
        assertThat(cards.cardOf(kim, maria).askForPassion()).isFalse();
        assertThat(cards.cardOf(kim, admin).askForPassion()).isTrue();

        Customer learned = directory.learnPassion(kim.number(), "Restores old Vespas", admin);
        assertThat(cards.cardOf(learned, admin).askForPassion()).isFalse();
        assertThat(learned.passions()).singleElement().satisfies(p -> {
            assertThat(p.learnedByName()).isEqualTo("Ada");
            assertThat(p.learnedAt()).isEqualTo(clock.instant());
        });
    }

    @Test
    void onlyTheAuthorChangesANotesWordsAndPinnedNotesComeFirst() {
        Customer lee = directory.create(new NewCustomer("Lee", null, List.of(), List.of(), List.of(), null), maria);
        directory.addNote(lee.number(), "Prefers a call after 5 pm", false, maria);
        clock.advance(Duration.ofMinutes(1));
        Customer withNotes = directory.addNote(lee.number(), "Lost her dog last month; be gentle", true, admin);

        assertThat(withNotes.notes()).extracting(CustomerNote::body)
                .containsExactly("Lost her dog last month; be gentle", "Prefers a call after 5 pm");
        UUID mariasNote = withNotes.notes().get(1).id();

        assertThatThrownBy(() -> directory.editNote(lee.number(), mariasNote, "Changed by Ada", null, admin))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("author");
        Customer edited = directory.editNote(lee.number(), mariasNote, "Prefers a call after 6 pm", true, maria);
        assertThat(edited.notes()).filteredOn(n -> n.id().equals(mariasNote)).singleElement().satisfies(n -> {
            assertThat(n.body()).isEqualTo("Prefers a call after 6 pm");
            assertThat(n.pinned()).isTrue();
            assertThat(n.editedAt()).isNotNull();
        });
    }

    @Test
    void mergingMovesIdentitiesNotesPassionsAndConversationsAndIsAudited() {
        Conversation fromWork = start("Paul Martin", "paul.work-" + tag + "@example.com", Channel.EMAIL);
        Conversation fromHome = start("Paul", "paul.home-" + tag + "@example.com", Channel.WEB_FORM);
        Customer work = directory.lookup(IdentityKind.EMAIL, "paul.work-" + tag + "@example.com").orElseThrow();
        Customer home = directory.lookup(IdentityKind.EMAIL, "paul.home-" + tag + "@example.com").orElseThrow();
        directory.learnPassion(home.number(), "Hot Wheels, collects since his sons were little", maria);
        directory.addNote(home.number(), "Call him Paul, never Mr Martin", true, maria);

        Customer kept = directory.merge(home.number(), work.number(), maria);

        assertThat(kept.identities()).extracting(CustomerIdentity::value)
                .containsExactlyInAnyOrder("paul.work-" + tag + "@example.com", "paul.home-" + tag + "@example.com");
        assertThat(kept.passions()).extracting(Passion::text).containsExactly(
                "Hot Wheels, collects since his sons were little");
        assertThat(kept.notes()).hasSize(1);
        assertThat(desk.find(fromHome.id()).orElseThrow().customerId()).contains(kept.id().value());
        assertThat(desk.find(fromWork.id()).orElseThrow().customerId()).contains(kept.id().value());
        assertThat(directory.require(home.number()).mergedInto()).contains(kept.id());
        assertThat(directory.auditTrail(kept.id())).singleElement()
                .satisfies(entry -> assertThat(entry.detail()).contains("1 conversation moved"));
        Conversation again = start("Paul", "paul.home-" + tag + "@example.com", Channel.EMAIL);
        assertThat(again.customerId()).contains(kept.id().value());
    }

    @Test
    void exportHoldsEverythingAndEraseForgetsThePersonAndTheirFilesButKeepsTheConversations() throws Exception {
        String email = "eve-" + tag + "@example.com";
        clock.advance(Duration.ofMinutes(1));
        byte[] photo = "a photo of Eve's receipt".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Conversation conversation = desk.start(new NewConversation("Receipt", new Requester("Eve Example",
                EmailAddress.of(email)), Channel.WEB_FORM, "Here is my receipt.", null),
                List.of(new dev.rapport.conversations.NewAttachment("receipt.png", "image/png", photo.length,
                        () -> new java.io.ByteArrayInputStream(photo))));
        var attachment = desk.attachments(conversation.id()).values().iterator().next().getFirst();
        try (var stored = attachments.open(attachment)) {
            assertThat(stored).hasBinaryContent(photo);
        }
        Customer eve = directory.lookup(IdentityKind.EMAIL, email).orElseThrow();
        directory.learnPassion(eve.number(), "Sourdough", maria);

        assertThatThrownBy(() -> privacy.export(eve.number(), maria))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        Map<String, Object> exported = privacy.export(eve.number(), admin);
        assertThat(exported).containsEntry("name", "Eve Example");
        assertThat(exported.get("identities").toString()).contains(email);
        assertThat(exported.get("passions").toString()).contains("Sourdough");
        assertThat(exported.get("conversations").toString()).contains(String.valueOf(conversation.number()));

        Customer erased = privacy.erase(eve.number(), admin);

        assertThat(erased.isErased()).isTrue();
        assertThat(erased.name()).isEqualTo("Erased customer #" + eve.number());
        assertThat(erased.identities()).isEmpty();
        assertThat(erased.passions()).isEmpty();
        assertThat(directory.lookup(IdentityKind.EMAIL, email)).isEmpty();
        Conversation kept = desk.find(conversation.id()).orElseThrow();
        assertThat(kept.requester().email()).isNull();
        assertThat(kept.requester().name()).isEqualTo(erased.name());
        assertThat(desk.messages(conversation.id())).filteredOn(m -> m.kind() == Message.Kind.INBOUND)
                .allSatisfy(m -> assertThat(m.body()).doesNotContain("Eve"));
        assertThat(directory.auditTrail(erased.id())).extracting(AuditEntry::action)
                .containsExactlyInAnyOrder("EXPORTED", "ERASED");
        assertThat(desk.attachments(conversation.id())).isEmpty();
        assertThatThrownBy(() -> attachments.open(attachment)).isInstanceOf(java.io.IOException.class);
    }

    @Test
    void searchFindsByNameEmailStartOrganisationAndNumber() {
        Customer paul = directory.create(new NewCustomer("Paul Zanzibar" + tag, null,
                List.of("pz-" + tag + "@example.com"), List.of(), List.of(), "Zanzi Tools " + tag), maria);

        assertThat(search.search("zanzibar" + tag, null, 10).rows()).extracting(CustomerSearch.Row::number)
                .containsExactly(paul.number());
        assertThat(search.search("PZ-" + tag + "@exa", null, 10).rows()).extracting(CustomerSearch.Row::number)
                .containsExactly(paul.number());
        assertThat(search.search("zanzi tools " + tag, null, 10).rows()).extracting(CustomerSearch.Row::number)
                .containsExactly(paul.number());
        assertThat(search.search("#" + paul.number(), null, 10).rows()).extracting(CustomerSearch.Row::number)
                .containsExactly(paul.number());
        assertThat(search.search("100%_" + tag, null, 10).rows()).isEmpty();
    }

    private Conversation start(String name, String email, Channel channel) {
        clock.advance(Duration.ofMinutes(1));
        return desk.start(new NewConversation("Hello from " + name, new Requester(name, EmailAddress.of(email)),
                channel, "Hi, it's " + name + " again.", null));
    }

    private SignedInAgent agent(String name, Role role, Set<Team.TeamId> teams) {
        var invited = roster.invite(name, EmailAddress.of(name.toLowerCase() + "-" + UUID.randomUUID()
                + "@example.com"), role, teams);
        return SignedInAgent.of(passwords.acceptInvitation(invited.invitationToken(), "a long enough password"));
    }

    private static String digits(int count) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < count; i++) {
            digits.append((int) (Math.random() * 10));
        }
        return digits.toString();
    }

    @Test
    void attributesTheAdminDefinesTakeOnlyValuesThatFitAndRetiringKeepsThem() {
        AttributeDefinition type = attributes.define("Customer type " + tag, "choice", "dealer\nend user");
        AttributeDefinition since = attributes.define("Dealer since " + tag, "DATE", "");
        AttributeDefinition fleet = attributes.define("Fleet size " + tag, "number", "");
        assertThat(type.key()).isEqualTo("customer_type_" + tag.replace('-', '_'));
        assertThatThrownBy(() -> attributes.define("Customer TYPE " + tag, "text", ""))
                .hasMessageContaining("already an attribute");
        assertThatThrownBy(() -> attributes.define("Colour " + tag, "choice", " \n "))
                .hasMessageContaining("choices");

        Customer lee = directory.create(new NewCustomer("Lee " + tag, null, List.of(), List.of(), List.of(), null,
                Map.of(type.key(), "Dealer")), maria);
        assertThat(lee.attributes()).containsEntry(type.key(), "dealer");

        assertThatThrownBy(() -> directory.describe(lee.number(), Map.of(since.key(), "31/02/2026",
                fleet.key(), "many", "nonsense_" + tag, "x")))
                .isInstanceOfSatisfying(InvalidAttributes.class, e -> assertThat(e.problems())
                        .containsOnlyKeys(since.key(), fleet.key(), "nonsense_" + tag)
                        .containsEntry(fleet.key(), "Fleet size " + tag + ": \"many\" is not a number."));
        Map<String, String> values = new java.util.HashMap<>();
        values.put(since.key(), "2019-04-01");
        values.put(fleet.key(), "1,200.50");
        values.put(type.key(), "");
        Customer described = directory.describe(lee.number(), values);
        assertThat(described.attributes()).containsOnly(Map.entry(since.key(), "2019-04-01"),
                Map.entry(fleet.key(), "1200.5"));
        assertThat(cards.cardOf(described, maria).attributes())
                .containsExactly(new CustomerCard.Attribute("Dealer since " + tag, "2019-04-01"),
                        new CustomerCard.Attribute("Fleet size " + tag, "1200.5"));

        attributes.retire(fleet.id());
        assertThat(attributes.current()).extracting(AttributeDefinition::key).doesNotContain(fleet.key());
        assertThatThrownBy(() -> directory.describe(lee.number(), Map.of(fleet.key(), "3")))
                .isInstanceOf(InvalidAttributes.class);
        assertThat(directory.require(lee.number()).attributes()).containsEntry(fleet.key(), "1200.5");
        assertThat(cards.cardOf(directory.require(lee.number()), maria).attributes())
                .extracting(CustomerCard.Attribute::label).containsExactly("Dealer since " + tag);
    }
}
