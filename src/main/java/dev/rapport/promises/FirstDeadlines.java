package dev.rapport.promises;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Remembers the deadline each promise was first made with, which a renegotiation overwrites on the promise: the
 * report counts a promise in the period it first fell due. Written in the transaction that makes the promise, so the
 * report never misses one and never waits for it.
 */
@Component
class FirstDeadlines {

    private final JdbcClient jdbc;

    FirstDeadlines(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(PromiseMade made) {
        jdbc.sql("insert into promise_first_deadline (promise, due_at) values (?, ?)")
                .params(made.promise(), OffsetDateTime.ofInstant(made.dueAt(), ZoneOffset.UTC))
                .update();
    }
}
