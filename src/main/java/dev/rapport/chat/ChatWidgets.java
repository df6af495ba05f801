package dev.rapport.chat;

import org.springframework.data.repository.ListCrudRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

interface ChatWidgets extends ListCrudRepository<ChatWidget, UUID> {

    Optional<ChatWidget> findByPublicKey(String publicKey);

    List<ChatWidget> findAllByOrderByCreatedAt();
}
