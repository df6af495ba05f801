package dev.rapport.demo;

import dev.rapport.agents.Agent;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.agents.Team;
import dev.rapport.conversations.Channel;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.Desk;
import dev.rapport.conversations.NewConversation;
import dev.rapport.conversations.Priority;
import dev.rapport.conversations.Requester;
import dev.rapport.conversations.Status;
import dev.rapport.shared.EmailAddress;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Set;

/** The sample shop's conversations: customers writing, calling and walking in, some answered, some waiting. */
@Component
class SampleConversations {

    private final Desk desk;

    SampleConversations(Desk desk) {
        this.desk = desk;
    }

    int fill(Map<String, Team.TeamId> teams, Map<String, Agent> agents) {
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
        return 6;
    }

    private static Requester customer(String name, String email) {
        return new Requester(name, email == null ? null : EmailAddress.of(email));
    }
}
