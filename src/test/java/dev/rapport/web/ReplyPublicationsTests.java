package dev.rapport.web;

import dev.rapport.agents.Passwords;
import dev.rapport.agents.Role;
import dev.rapport.agents.Roster;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.business.BusinessProfile;
import dev.rapport.conversations.Channel;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.Desk;
import dev.rapport.conversations.NewConversation;
import dev.rapport.conversations.Requester;
import dev.rapport.conversations.Status;
import dev.rapport.shared.EmailAddress;
import dev.rapport.support.RapportWebTest;
import dev.rapport.support.TestBusiness;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reply is stored in the event publication registry only for the channel that delivers it (and the listeners every
 * reply has): chat, email and web-form delivery do not each write, mark and delete a publication for every reply of
 * the other channels. Seen inside the reply's transaction, before the listeners run.
 */
@RapportWebTest
class ReplyPublicationsTests {

    @Autowired Desk desk;
    @Autowired Roster roster;
    @Autowired Passwords passwords;
    @Autowired BusinessProfile profile;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;

    @Test
    void eachChannelsDeliveryIsStoredOnlyForItsOwnReplies() {
        TestBusiness.ensureSetUp(profile);
        SignedInAgent maria = SignedInAgent.of(roster.findAgentByEmail(EmailAddress.of(
                TestBusiness.agentWithPassword(roster, passwords, Role.AGENT))).orElseThrow());

        assertThat(deliveriesStoredForAReplyOn(Channel.CHAT, maria))
                .containsEntry("ChatDelivery", 1L).containsEntry("EmailDelivery", 0L).containsEntry("ReplyDelivery", 0L);
        assertThat(deliveriesStoredForAReplyOn(Channel.EMAIL, maria))
                .containsEntry("ChatDelivery", 0L).containsEntry("EmailDelivery", 1L).containsEntry("ReplyDelivery", 0L);
        assertThat(deliveriesStoredForAReplyOn(Channel.WEB_FORM, maria))
                .containsEntry("ChatDelivery", 0L).containsEntry("EmailDelivery", 0L).containsEntry("ReplyDelivery", 1L);
    }

    private Map<String, Long> deliveriesStoredForAReplyOn(Channel channel, SignedInAgent agent) {
        Conversation conversation = desk.start(new NewConversation("Order", new Requester("Ana",
                EmailAddress.of("ana-" + UUID.randomUUID() + "@example.com")), channel, "Where is it?", null));
        return transactions.execute(status -> {
            Map<String, Long> before = stored();
            desk.reply(conversation.id(), agent, "On its way.", Status.OPEN, null);
            Map<String, Long> added = new TreeMap<>();
            stored().forEach((listener, count) -> added.put(listener, count - before.get(listener)));
            status.setRollbackOnly();
            return added;
        });
    }

    private Map<String, Long> stored() {
        Map<String, Long> counts = new TreeMap<>();
        for (String listener : new String[] {"ChatDelivery", "EmailDelivery", "ReplyDelivery"}) {
            counts.put(listener, jdbc.sql("select count(*) from event_publication where listener_id like ? "
                    + "and event_type like '%ReplyPosted'").param("%." + listener + ".on(%").query(Long.class).single());
        }
        return counts;
    }
}
