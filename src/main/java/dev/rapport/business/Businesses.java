package dev.rapport.business;

import org.springframework.data.repository.CrudRepository;

interface Businesses extends CrudRepository<Business, Integer> {
}
