package dev.rapport.promises;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

interface Promises extends ListCrudRepository<Promise, UUID> {

    /** Pending promises whose work or contact deadline has passed: the ones a deadline check may break. */
    @Query("select id from promise where state in ('OPEN', 'RENEGOTIATED', 'DONE') "
            + "and (due_at < :now or contact_at < :now) order by due_at limit :limit")
    List<UUID> overdue(Instant now, int limit);

    /** Promises with a reminder due. */
    @Query("select id from promise where next_reminder_at <= :now order by next_reminder_at limit :limit")
    List<UUID> remindersDue(Instant now, int limit);

    List<Promise> findByConversationOrderByDueAt(UUID conversation);

    List<Promise> findByCustomerOrderByDueAtDesc(UUID customer);
}
