package dev.rapport.owed;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

interface OwedEntries extends ListCrudRepository<MoneyOwed, UUID> {

    /** Owed entries past their due date not yet reminded of on {@code today}: what the daily check looks at. */
    @Query("select id from money_owed where state = 'OWED' and due_at < :now "
            + "and (reminded_on is null or reminded_on < :today) order by due_at limit :limit")
    List<UUID> overdueNotRemindedOn(Instant now, LocalDate today, int limit);

    /** Still owed, that an agent or one of their teams is responsible for, oldest first. */
    @Query("select * from money_owed where state = 'OWED' and (responsible_agent = :agent "
            + "or responsible_team in (:teams)) order by owed_since, id limit 500")
    List<MoneyOwed> owedBy(UUID agent, Collection<UUID> teams);

    List<MoneyOwed> findByConversationOrderByOwedSince(UUID conversation);

    List<MoneyOwed> findByCustomerOrderByOwedSince(UUID customer);
}
