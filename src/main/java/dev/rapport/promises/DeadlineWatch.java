package dev.rapport.promises;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Looks at the clock every half minute and breaks the promises whose deadlines passed. The deadlines live in the
 * database, so a restart loses none; a promise breaks once however often or on how many instances this runs.
 */
@Component
class DeadlineWatch {

    private final PromiseLedger ledger;

    DeadlineWatch(PromiseLedger ledger) {
        this.ledger = ledger;
    }

    @Scheduled(fixedDelayString = "${rapport.promises.deadline-check-interval:30s}", initialDelay = 10_000)
    void check() {
        ledger.breakOverdue();
    }
}
