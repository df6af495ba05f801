package dev.rapport.demo;

import dev.rapport.agents.Agent;
import dev.rapport.business.BusinessCalendar;
import dev.rapport.owed.MoneyOwed;
import dev.rapport.owed.OwedKind;
import dev.rapport.owed.OwedLedger;
import dev.rapport.promises.Promise;
import dev.rapport.promises.PromiseLedger;
import java.time.LocalTime;
import java.util.Optional;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.agents.Team;
import dev.rapport.conversations.Channel;
import dev.rapport.conversations.Conversation;
import dev.rapport.customers.ContactChannel;
import dev.rapport.customers.Customer;
import dev.rapport.customers.CustomerDirectory;
import dev.rapport.customers.CustomerProfile;
import dev.rapport.customers.IdentityKind;
import dev.rapport.conversations.Desk;
import dev.rapport.conversations.NewConversation;
import dev.rapport.conversations.Priority;
import dev.rapport.conversations.Requester;
import dev.rapport.conversations.Status;
import dev.rapport.shared.EmailAddress;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

/** The sample shop's conversations: customers writing, calling and walking in, some answered, some waiting. */
@Component
class SampleConversations {

    private final Desk desk;
    private final CustomerDirectory customers;
    private final PromiseLedger promises;
    private final OwedLedger owed;
    private final java.time.Clock clock;
    private final BusinessCalendar calendar;
    private final SampleAuthority authority;

    SampleConversations(Desk desk, CustomerDirectory customers, PromiseLedger promises, OwedLedger owed,
                        BusinessCalendar calendar, java.time.Clock clock, SampleAuthority authority) {
        this.authority = authority;
        this.owed = owed;
        this.clock = clock;
        this.desk = desk;
        this.customers = customers;
        this.promises = promises;
        this.calendar = calendar;
    }

    int fill(Map<String, Team.TeamId> teams, Map<String, Agent> agents, Agent admin) {
        SignedInAgent maria = SignedInAgent.of(agents.get("Maria"));
        SignedInAgent sam = SignedInAgent.of(agents.get("Sam"));
        SignedInAgent priya = SignedInAgent.of(agents.get("Priya"));

        Conversation engine = desk.start(new NewConversation("The train set arrived without its engine",
                customer("Ana Souza", "ana.souza@example.com"), Channel.WEB_FORM, """
                Hello,

                I ordered the Harbour Express train set (order 10482) for my grandson's birthday on Saturday. The box \
                arrived today but there is no engine inside, only the carriages and the track. He has been talking \
                about this train for weeks. Can you help before Saturday?

                Ana""", teams.get("Support")));
        desk.summarise(engine.id(), maria, "The engine, before Saturday — it is a birthday present", null);
        desk.retag(engine.id(), maria, Set.of("missing-part", "birthday"), null);

        Conversation refund = desk.start(new NewConversation("Refund for the returned kite",
                customer("Tom Becker", "tom.becker@example.com"), Channel.EMAIL, """
                Hi, I sent the stunt kite back two weeks ago (return label RL-2231) and have not seen the refund yet. \
                Could you check?

                Thanks, Tom""", teams.get("Billing")));
        desk.reply(refund.id(), priya, "Hello Tom, thank you for your patience. I can see your kite arrived back "
                + "with us on the 12th. I have asked our billing colleague Jonas to release the refund today and I "
                + "will write to you as soon as it has left our bank.", Status.WAITING_ON_US, null);
        desk.note(refund.id(), priya, "@jonas can you release the refund for RL-2231 today? Tom has waited two weeks.");

        Conversation call = desk.log(new NewConversation("Is the red fire truck back in stock?",
                customer("Mr. Okafor", null), Channel.PHONE,
                "Asked whether the large red fire truck is back in stock; wants one for his nephew.", null),
                sam, "Told him it arrives Friday and reserved one under his name.", true);
        desk.changePriority(call.id(), sam, Priority.NORMAL, null);

        desk.log(new NewConversation("Gift wrapping for a teacher",
                customer("Lena Fischer", "lena.f@example.com"), Channel.WALK_IN,
                "Came in to ask if we can gift-wrap three puzzles and write a card for her daughter's teacher.", null),
                maria, "Wrapped them on the spot; she will pick them up tomorrow.", false);

        Conversation wholesale = desk.start(new NewConversation("Wholesale prices for our kindergarten",
                customer("Sunflower Kindergarten", "office@sunflower-kita.example"), Channel.EMAIL, """
                Dear Harbour Lane team,

                we would like to buy 40 wooden puzzles and 20 sets of building blocks for our kindergarten. \
                Do you offer a discount for schools and kindergartens?

                Kind regards, Petra""", teams.get("Support")));
        desk.changePriority(wholesale.id(), maria, Priority.HIGH, null);

        desk.start(new NewConversation("Batteries included?", customer("Kai Wong", "kai.wong@example.com"),
                Channel.API, "Does the remote-control boat come with batteries, or should I buy them?", null));

        rememberPeople(maria, priya);
        promise(engine, maria, "send a replacement engine by express post", agents.get("Maria"), null,
                calendar.next(Optional.of(teams.get("Support")), LocalTime.of(10, 0)));
        promise(refund, priya, "release Tom's refund for the returned kite", agents.get("Jonas"), priya,
                calendar.endOfToday(Optional.of(teams.get("Billing"))));
        java.time.Instant returned = clock.instant().minus(java.time.Duration.ofDays(12));
        owed.record(new MoneyOwed.Terms(null, refund.id().value(), dev.rapport.shared.Money.of("89.90", "EUR"),
                OwedKind.REFUND, "Stunt kite returned unused (return label RL-2231)", null,
                teams.get("Billing").value(), returned.plus(java.time.Duration.ofDays(10)), returned, "RL-2231"),
                priya);
        authority.fill(admin, agents.get("Sam"), engine);
        return 6 + returningCustomer(maria, teams);
    }

    /** A promise already made to a customer, so My promises and the cards have something to show. */
    private void promise(Conversation conversation, SignedInAgent madeBy, String what, Agent owner,
                         SignedInAgent contact, java.time.Instant due) {
        promises.make(new Promise.Terms(conversation.id().value(), null, what, owner.id().value(), null,
                contact == null ? null : contact.id().value(), due, null), madeBy);
    }

    /** What the team has learned about some of the customers over time. */
    private void rememberPeople(SignedInAgent maria, SignedInAgent priya) {
        Customer ana = customers.lookup(IdentityKind.EMAIL, "ana.souza@example.com").orElseThrow();
        customers.update(ana.number(), new CustomerProfile(ana.name(), "Ana", "AH-nah", "pt", "Europe/Lisbon",
                "end user", null, Set.of()));
        customers.addIdentity(ana.number(), IdentityKind.PHONE, "+351 912 345 678");
        customers.learnPassion(ana.number(), "Model railways: builds a layout in the attic with her grandson Leo",
                maria);
        customers.addNote(ana.number(), "Leo turns 7 on Saturday; the train set is his big present.", true, maria);

        Customer tom = customers.lookup(IdentityKind.EMAIL, "tom.becker@example.com").orElseThrow();
        customers.learnPassion(tom.number(), "Flies stunt kites on the beach at Sankt Peter-Ording most Sundays",
                priya);
        customers.setValue(tom.number(), new BigDecimal("486.40"), new BigDecimal("89.90"));

        Customer kita = customers.lookup(IdentityKind.EMAIL, "office@sunflower-kita.example").orElseThrow();
        customers.update(kita.number(), new CustomerProfile("Petra Lange", "Petra", null, "de", "Europe/Berlin",
                "dealer", "Sunflower Kindergarten", Set.of(ContactChannel.PHONE)));
        customers.addNote(kita.number(), "Orders for the whole kindergarten twice a year; prefers email, "
                + "never calls during group time.", false, maria);
    }

    /**
     * Paul has written twice before and Maria helped both times: his third conversation is routed to her, and his
     * card asks her to learn one thing about him.
     */
    private int returningCustomer(SignedInAgent maria, Map<String, Team.TeamId> teams) {
        Requester paul = customer("Paul Martin", "paul.martin@example.com");
        Conversation first = desk.start(new NewConversation("Wheels for the vintage roadster",
                paul, Channel.EMAIL, "Do you sell spare wheels for the 1:18 vintage roadster?", teams.get("Support")));
        desk.reply(first.id(), maria, "Hi Paul, we do: I have put a set aside for you.", Status.SOLVED, null);
        Conversation second = desk.start(new NewConversation("Display case", paul, Channel.CHAT,
                "Is the wall display case big enough for 1:64 cars?", teams.get("Support")));
        desk.reply(second.id(), maria, "It holds 48 of them, Paul.", Status.SOLVED, null);
        desk.start(new NewConversation("A gift for my son", paul, Channel.WEB_FORM,
                "My son starts collecting too. What would you suggest as a first set?", teams.get("Support")));
        return 3;
    }

    private static Requester customer(String name, String email) {
        return new Requester(name, email == null ? null : EmailAddress.of(email));
    }
}
