package dev.rapport.conversations;

import dev.rapport.agents.Agent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * A customer's conversations, for the customer card and page, the organisation page, "their person", merging and
 * erasing customers. Conversations point at customers by id; this is the only way other modules read them by customer.
 */
@Service
@Transactional(readOnly = true)
public class CustomerConversations {

    /** One conversation in a customer's history. */
    public record Summary(UUID id, long number, String subject, Channel channel, Status status, UUID customerId,
                          Instant createdAt, Instant updatedAt) {
    }

    /** An agent who replied in a customer's conversations, and in how many. */
    public record Helper(Agent.AgentId agent, int conversations) {
    }

    private static final String COLUMNS = "c.id, c.number, c.subject, c.channel, c.status, c.customer_id, "
            + "c.created_at, c.updated_at";

    private final JdbcClient jdbc;
    private final Timeline timeline;
    private final Clock clock;
    private final AttachmentStore attachments;

    CustomerConversations(JdbcClient jdbc, Timeline timeline, Clock clock, AttachmentStore attachments) {
        this.attachments = attachments;
        this.jdbc = jdbc;
        this.timeline = timeline;
        this.clock = clock;
    }

    /** Newest first; {@code beforeNumber} continues after the last one shown (keyset), null for the first page. */
    public List<Summary> of(Collection<UUID> customers, Long beforeNumber, int size) {
        if (customers.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>(customers);
        String keyset = "";
        if (beforeNumber != null) {
            keyset = " and c.number < ?";
            params.add(beforeNumber);
        }
        return jdbc.sql("select " + COLUMNS + " from conversation c where c.merged_into is null and c.customer_id in ("
                        + placeholders(customers.size()) + ")" + keyset + " order by c.number desc limit "
                        + Math.max(1, Math.min(size, 100)))
                .params(params)
                .query((rs, i) -> new Summary(rs.getObject(1, UUID.class), rs.getLong(2), rs.getString(3),
                        Channel.valueOf(rs.getString(4)), Status.valueOf(rs.getString(5)),
                        rs.getObject(6, UUID.class), rs.getTimestamp(7).toInstant(), rs.getTimestamp(8).toInstant()))
                .list();
    }

    public long count(UUID customer) {
        return jdbc.sql("select count(*) from conversation where customer_id = ? and merged_into is null")
                .param(customer).query(Long.class).single();
    }

    /** Agents who replied to the customer since the given time, most conversations first. */
    public List<Helper> helpers(UUID customer, Instant since) {
        return jdbc.sql("""
                        select m.author_agent, count(distinct m.conversation) helped
                        from message m join conversation c on c.id = m.conversation
                        where c.customer_id = ? and m.kind = 'REPLY' and m.created_at >= ? and m.author_agent is not null
                        group by m.author_agent order by helped desc, m.author_agent""")
                .params(customer, Timestamp.from(since))
                .query((rs, i) -> new Helper(new Agent.AgentId(rs.getObject(1, UUID.class)), rs.getInt(2)))
                .list();
    }

    /** Two customers became one: the first one's conversations now belong to the second. */
    @Transactional
    public int moveToCustomer(UUID from, UUID to) {
        return jdbc.sql("update conversation set customer_id = ? where customer_id = ?").params(to, from).update();
    }

    /**
     * The customer asked to be forgotten: their name and address leave every conversation and their own messages
     * are blanked; statuses, times and our replies stay, so the statistics stay whole.
     */
    @Transactional
    public int forgetCustomer(UUID customer, String nameNow, String by) {
        List<UUID> ids = jdbc.sql("select id from conversation where customer_id = ?").param(customer)
                .query(UUID.class).list();
        for (UUID id : ids) {
            List<String> files = jdbc.sql("select a.storage_key from attachment a join message m on m.id = a.message "
                    + "where m.conversation = ? and m.kind = 'INBOUND'").param(id).query(String.class).list();
            jdbc.sql("delete from attachment where message in (select m.id from message m where m.conversation = ? "
                    + "and m.kind = 'INBOUND')").param(id).update();
            attachments.discardAfterCommit(files);
            jdbc.sql("update message set author_name = ?, body = ? where conversation = ? and kind = 'INBOUND'")
                    .params(nameNow, "[Erased at the customer's request]", id).update();
            timeline.record(new Conversation.ConversationId(id), "erased", Actor.system(by),
                    "erased the customer's personal data", clock.instant());
        }
        jdbc.sql("update conversation set requester_name = ?, requester_email = null where customer_id = ?")
                .params(nameNow, customer).update();
        return ids.size();
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}
