package dev.rapport.demo;

import dev.rapport.agents.Role;
import dev.rapport.agents.Roster;
import dev.rapport.agents.Team;
import dev.rapport.business.BusinessProfile;
import dev.rapport.business.SetupRequest;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.conversations.Channel;
import dev.rapport.conversations.Inbox;
import dev.rapport.conversations.InboxFilter;
import dev.rapport.conversations.InboxItem;
import dev.rapport.conversations.InboxView;
import dev.rapport.shared.EmailAddress;
import org.junit.jupiter.api.Test;
import dev.rapport.customers.Customer;
import dev.rapport.customers.CustomerCards;
import dev.rapport.customers.CustomerDirectory;
import dev.rapport.customers.IdentityKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(properties = "rapport.demo=true")
class SampleBusinessTests {

    @Autowired BusinessProfile profile;
    @Autowired Roster roster;
    @Autowired Inbox inbox;
    @Autowired CustomerDirectory customers;
    @Autowired CustomerCards cards;
    @Autowired dev.rapport.promises.PromiseLedger promises;
    @Autowired dev.rapport.owed.OwedLedger owed;
    @Autowired dev.rapport.phone.TodaysCalls calls;
    @Autowired dev.rapport.authority.Approvals approvals;
    @Autowired dev.rapport.escalation.PathBook escalationPaths;

    @Test
    void fillsAFreshlySetUpRapportWithASmallBusiness() {
        assertThat(roster.teams()).as("nothing before setup").isEmpty();

        profile.setUp(new SetupRequest("Harbour Lane Toys", "Europe/London", "Ada Admin", "ada@harbourlane.example",
                "a long enough password"));

        assertThat(roster.teams()).extracting(Team::name).containsExactly("Billing", "Support", "Warehouse");
        assertThat(roster.agents()).hasSize(1 + SampleBusiness.AGENTS.size())
                .anySatisfy(agent -> assertThat(agent.role()).isEqualTo(Role.TEAMMATE))
                .anySatisfy(agent -> assertThat(agent.role()).isEqualTo(Role.LEAD))
                .filteredOn(agent -> agent.role() != Role.ADMIN)
                .allSatisfy(agent -> assertThat(agent.hasPassword()).as("no default passwords").isFalse());
        SignedInAgent admin = SignedInAgent.of(roster.findAgentByEmail(EmailAddress.of("ada@harbourlane.example"))
                .orElseThrow());
        var open = inbox.page(InboxView.ALL_OPEN, InboxFilter.none(), admin, null, 50).items();
        assertThat(open).extracting(InboxItem::channel).contains(Channel.WEB_FORM, Channel.EMAIL, Channel.WALK_IN);
        assertThat(inbox.page(InboxView.SOLVED, InboxFilter.none(), admin, null, 50).items())
                .extracting(InboxItem::channel).contains(Channel.PHONE);

        Customer ana = customers.lookup(IdentityKind.EMAIL, "ana.souza@example.com").orElseThrow();
        assertThat(ana.callThem()).isEqualTo("Ana");
        assertThat(ana.passions()).isNotEmpty();
        assertThat(ana.pinnedNotes()).isNotEmpty();
        assertThat(promises.forCustomer(ana.id().value())).extracting(dev.rapport.promises.Promise::what)
                .hasSize(3).anyMatch(what -> what.contains("replacement engine"))
                .anyMatch(what -> what.startsWith("Call back Ana by "));
        assertThat(calls.list()).first().satisfies(call -> {
            assertThat(call.isMissed()).isTrue();
            assertThat(call.customer()).contains(ana.id().value());
        });
        Customer paul = customers.lookup(IdentityKind.EMAIL, "paul.martin@example.com").orElseThrow();
        assertThat(open).filteredOn(item -> item.subject().equals("A gift for my son")).singleElement()
                .satisfies(item -> assertThat(item.assignee()).isNotNull());
        assertThat(cards.cardOf(paul, admin).askForPassion()).isTrue();
        Customer tom = customers.lookup(IdentityKind.EMAIL, "tom.becker@example.com").orElseThrow();
        assertThat(owed.forCustomer(tom.id().value())).singleElement().satisfies(refund -> {
            assertThat(refund.amount()).hasToString("€89.90");
            assertThat(refund.isOverdue(java.time.Instant.now())).as("overdue, so Billing is reminded").isTrue();
        });
        dev.rapport.agents.SignedInAgent maria = dev.rapport.agents.SignedInAgent.of(roster.agents().stream()
                .filter(agent -> agent.name().equals("Maria Lopez")).findFirst().orElseThrow());
        assertThat(approvals.waitingFor(maria)).singleElement().satisfies(request -> {
            assertThat(request.what()).isEqualTo("a €60.00 goodwill credit");
            assertThat(request.requesterName()).isEqualTo("Sam Okafor");
        });
        assertThat(promises.forCustomer(ana.id().value())).extracting(dev.rapport.promises.Promise::what)
                .anySatisfy(what -> assertThat(what).startsWith("I've taken a €60.00 goodwill credit to Maria Lopez"));
        assertThat(escalationPaths.all()).extracting(escalationPaths::describe)
                .containsExactly("Billing team → Maria Lopez (Support)", "Warehouse team → Maria Lopez (Support)");
    }
}
