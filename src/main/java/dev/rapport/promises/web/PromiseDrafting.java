package dev.rapport.promises.web;

import dev.rapport.agents.Agent;
import dev.rapport.agents.Roster;
import dev.rapport.agents.Team;
import dev.rapport.business.Business;
import dev.rapport.business.BusinessProfile;
import dev.rapport.conversations.Conversation;
import dev.rapport.promises.Promise;
import dev.rapport.promises.PromiseRejected;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

/** Turns a typed promise into the ledger's terms and into the sentence the customer reads. */
@Component
class PromiseDrafting {

    private final Roster roster;
    private final BusinessProfile business;
    private final Clock clock;

    PromiseDrafting(Roster roster, BusinessProfile business, Clock clock) {
        this.roster = roster;
        this.business = business;
        this.clock = clock;
    }

    ZoneId zone() {
        return business.current().map(Business::timeZone).orElse(ZoneOffset.UTC);
    }

    PromiseDraft read(Map<String, String> form, UUID me) {
        return PromiseDraft.from(form, zone(), me);
    }

    Promise.Terms terms(PromiseDraft draft, Conversation conversation) {
        return new Promise.Terms(conversation.id().value(), conversation.customerId().orElse(null), draft.what(),
                draft.ownerAgent(), draft.ownerTeam(), draft.contactBy(), draft.dueAt(), draft.contactAt());
    }

    String sentence(PromiseDraft draft, Conversation conversation, UUID me) {
        PromiseSentence.Party doer = draft.ownerTeam() != null ? team(draft.ownerTeam())
                : agent(draft.ownerAgent(), "owner");
        PromiseSentence.Party contact = agent(draft.contactBy(), "contactBy");
        return PromiseSentence.of(draft.what(), doer, contact, draft.dueAt(), draft.contactAt(),
                conversation.channel(), me, zone(), clock.instant());
    }

    private PromiseSentence.Party agent(UUID id, String field) {
        Agent agent = roster.findAgent(new Agent.AgentId(id))
                .orElseThrow(() -> new PromiseRejected(field, "There is no such agent."));
        return new PromiseSentence.Party(id, agent.name(), false);
    }

    private PromiseSentence.Party team(UUID id) {
        Team team = roster.findTeam(new Team.TeamId(id))
                .orElseThrow(() -> new PromiseRejected("owner", "There is no such team."));
        return new PromiseSentence.Party(id, team.name(), true);
    }
}
