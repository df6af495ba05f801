package dev.rapport.business;

import org.springframework.data.repository.ListCrudRepository;

import java.util.UUID;

interface TeamHoursOverrides extends ListCrudRepository<TeamHoursOverride, UUID> {
}
