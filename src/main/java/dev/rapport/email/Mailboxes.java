package dev.rapport.email;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

interface Mailboxes extends ListCrudRepository<Mailbox, UUID> {

    @Query("select * from mailbox order by address")
    List<Mailbox> findAllByAddress();

    @Query("select * from mailbox where webhook_token_hash = :hash")
    Optional<Mailbox> findByWebhookTokenHash(String hash);

    /** Records a fetch without a new version: fetching (every IDLE event) never makes an admin's edit stale. */
    @Modifying
    @Query("update mailbox set last_polled_at = :at, last_poll_error = :error where id = :id")
    void polled(UUID id, Instant at, String error);
}
