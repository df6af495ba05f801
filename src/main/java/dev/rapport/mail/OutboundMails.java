package dev.rapport.mail;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

interface OutboundMails extends ListCrudRepository<OutboundMail, UUID> {

    @Query("select * from outbound_mail where status = 'QUEUED' and next_attempt_at <= :now order by next_attempt_at limit 50")
    List<OutboundMail> findDue(Instant now);
}
