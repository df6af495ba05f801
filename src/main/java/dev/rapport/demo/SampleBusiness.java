package dev.rapport.demo;

import dev.rapport.agents.Role;
import dev.rapport.agents.Roster;
import dev.rapport.agents.Team;
import dev.rapport.business.BusinessProfile;
import dev.rapport.business.BusinessSetUp;
import dev.rapport.shared.EmailAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Set;

/**
 * Fills a just-set-up Rapport with the people of "Harbour Lane Toys", a small shop with a support desk, a billing
 * person and a warehouse teammate, and a morning's worth of conversations on several channels. Setup happens only on an empty database, so the sample never mixes with real data.
 * Sample agents get no password: an admin sends them an invitation link from the agents page if they want to try a
 * second account.
 */
@Component
class SampleBusiness {

    private static final Logger log = LoggerFactory.getLogger(SampleBusiness.class);

    record SampleAgent(String name, String email, Role role, List<String> teams) {
    }

    static final List<SampleAgent> AGENTS = List.of(
            new SampleAgent("Maria Lopez", "maria@harbourlane.example", Role.LEAD, List.of("Support")),
            new SampleAgent("Sam Okafor", "sam@harbourlane.example", Role.AGENT, List.of("Support")),
            new SampleAgent("Priya Raman", "priya@harbourlane.example", Role.AGENT, List.of("Support", "Billing")),
            new SampleAgent("Jonas Berg", "jonas@harbourlane.example", Role.TEAMMATE, List.of("Billing")),
            new SampleAgent("Lena Fischer", "lena@harbourlane.example", Role.TEAMMATE, List.of("Warehouse")));

    private final DemoSettings settings;
    private final Roster roster;
    private final BusinessProfile business;
    private final SampleConversations conversations;
    private final SampleCalls phone;
    private final SampleEscalation escalation;

    SampleBusiness(DemoSettings settings, Roster roster, BusinessProfile business,
                   SampleConversations conversations, SampleCalls phone, SampleEscalation escalation) {
        this.phone = phone;
        this.escalation = escalation;
        this.settings = settings;
        this.roster = roster;
        this.business = business;
        this.conversations = conversations;
    }

    /** Runs before automated setup (an application runner), so it sees the database as it was found. */
    @EventListener(ApplicationStartedEvent.class)
    void explainWhenSkipped() {
        if (settings.demo() && business.isSetUp()) {
            log.info("Sample data skipped: this database already has data (rapport.demo only fills a fresh one).");
        } else if (settings.demo()) {
            log.info("Sample data will be added when Rapport is set up.");
        }
    }

    /** Runs in the setup's own transaction, so the sample lands with the business or not at all. */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    @Transactional(propagation = Propagation.MANDATORY)
    void fill(BusinessSetUp setUp) {
        if (!settings.demo()) {
            return;
        }
        var teams = new java.util.HashMap<String, Team.TeamId>();
        teams.put("Support", roster.createTeam("Support", "Answers customers on every channel.").id());
        teams.put("Billing", roster.createTeam("Billing", "Refunds, credits and invoices.").id());
        teams.put("Warehouse", roster.createTeam("Warehouse", "Shipping, returns and stock questions.").id());
        var agents = new java.util.HashMap<String, dev.rapport.agents.Agent>();
        for (SampleAgent agent : AGENTS) {
            Set<Team.TeamId> memberOf = Set.copyOf(agent.teams().stream().map(teams::get).toList());
            agents.put(agent.name().split(" ")[0],
                    roster.invite(agent.name(), EmailAddress.of(agent.email()), agent.role(), memberOf).agent());
        }
        int started = conversations.fill(teams, agents, roster.findAgent(setUp.firstAdmin()).orElseThrow());
        int calls = phone.fill(teams.get("Support"), agents.get("Maria"));
        escalation.fill(teams, agents, roster.findAgent(setUp.firstAdmin()).orElseThrow());
        log.info("Sample data added: {} teams, {} agents, {} conversations and {} calls.", teams.size(), AGENTS.size(),
                started, calls);
    }
}
