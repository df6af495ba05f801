package dev.rapport.promises;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Looks at the clock every half minute (configurable): breaks the promises whose deadlines passed and sends the
 * reminders that are due. Deadlines and reminders live in the database, so a restart loses none; each fires once
 * however often or on how many instances this runs.
 */
@Component
class DeadlineWatch {

    private final PromiseLedger ledger;

    DeadlineWatch(PromiseLedger ledger) {
        this.ledger = ledger;
    }

    @Scheduled(fixedDelayString = "${rapport.promises.deadline-check-interval:30s}", initialDelay = 10_000)
    void check() {
        ledger.sendReminders();
        ledger.breakOverdue();
    }
}
