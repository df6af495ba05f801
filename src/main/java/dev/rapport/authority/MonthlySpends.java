package dev.rapport.authority;

import org.springframework.data.repository.ListCrudRepository;

import java.util.Optional;
import java.util.UUID;

interface MonthlySpends extends ListCrudRepository<MonthlySpend, UUID> {

    Optional<MonthlySpend> findByAgentAndBudgetMonthAndCurrency(UUID agent, String budgetMonth, String currency);
}
