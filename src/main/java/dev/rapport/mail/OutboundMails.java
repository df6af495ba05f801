package dev.rapport.mail;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

interface OutboundMails extends ListCrudRepository<OutboundMail, UUID> {

    @Query("select * from outbound_mail where status = 'QUEUED' and next_attempt_at <= :now order by next_attempt_at limit 50")
    List<OutboundMail> findDue(Instant now);

    @Query("select * from outbound_mail where message_id = :messageId")
    List<OutboundMail> findByMessageId(String messageId);

    @Query("select * from outbound_mail where reference = :reference order by created_at desc limit 1")
    Optional<OutboundMail> findLatestByReference(String reference);
}
