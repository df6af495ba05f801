package dev.rapport.conversations;

import org.springframework.data.repository.ListCrudRepository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

interface Attachments extends ListCrudRepository<Attachment, UUID> {

    List<Attachment> findByMessageIn(Collection<UUID> messages);
}
