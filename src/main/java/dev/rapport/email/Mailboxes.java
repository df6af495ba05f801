package dev.rapport.email;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

interface Mailboxes extends ListCrudRepository<Mailbox, UUID> {

    @Query("select * from mailbox order by address")
    List<Mailbox> findAllByAddress();

    @Query("select * from mailbox where webhook_token_hash = :hash")
    Optional<Mailbox> findByWebhookTokenHash(String hash);
}
