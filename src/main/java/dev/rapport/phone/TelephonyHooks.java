package dev.rapport.phone;

import org.springframework.data.repository.ListCrudRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

interface TelephonyHooks extends ListCrudRepository<TelephonyHook, UUID> {

    Optional<TelephonyHook> findByTokenHash(String tokenHash);

    List<TelephonyHook> findAllByOrderByCreatedAt();
}
