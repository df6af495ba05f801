package dev.rapport.promises;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

interface Promises extends ListCrudRepository<Promise, UUID> {

    /**
     * Pending promises whose deadline has passed: the work's (until it is done) or the contact's. A promise done in time
     * waits only on its contact deadline, so it is not read again on every check.
     */
    @Query("select id from promise where (state in ('OPEN', 'RENEGOTIATED') and (due_at < :now or contact_at < :now)) "
            + "or (state = 'DONE' and contact_at < :now) order by due_at limit :limit")
    List<UUID> overdue(Instant now, int limit);

    /** Promises with a reminder due. */
    @Query("select id from promise where next_reminder_at <= :now order by next_reminder_at limit :limit")
    List<UUID> remindersDue(Instant now, int limit);

    String WAITING = "(state in ('OPEN', 'RENEGOTIATED', 'DONE') or (state = 'BROKEN' and resolution is null))";

    /** Promises still waiting for something that the agent does or tells the customer about. */
    @Query("select id from promise where (owner = :agent or contact_by = :agent) and " + WAITING)
    List<UUID> waitingOn(UUID agent);

    /** Promises still waiting that are a team's, with nobody in particular named. */
    @Query("select id from promise where owner is null and owner_team in (:teams) and " + WAITING)
    List<UUID> waitingOnTeams(java.util.Collection<UUID> teams);

    /** Broken promises nobody has followed up, owned by these agents or teams. */
    @Query("select id from promise where state = 'BROKEN' and resolution is null "
            + "and (owner in (:agents) or owner_team in (:teams)) order by broken_at desc limit 200")
    List<UUID> brokenOf(java.util.Collection<UUID> agents, java.util.Collection<UUID> teams);

    /** Every broken promise nobody has followed up. */
    @Query("select id from promise where state = 'BROKEN' and resolution is null order by broken_at desc limit 200")
    List<UUID> allBroken();

    List<Promise> findByConversationOrderByDueAt(UUID conversation);

    List<Promise> findByCustomerOrderByDueAtDesc(UUID customer);
}
