package dev.rapport.owed;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Looks for money owed past its due date every quarter of an hour (configurable) and reminds whoever is responsible
 * and their lead. The day of the last reminder is stored on the entry, so each is reminded once a day across
 * restarts and instances.
 */
@Component
class OverdueWatch {

    private final OwedLedger ledger;

    OverdueWatch(OwedLedger ledger) {
        this.ledger = ledger;
    }

    @Scheduled(fixedDelayString = "${rapport.owed.overdue-check-interval:15m}", initialDelay = 20_000)
    void check() {
        ledger.remindOverdue();
    }
}
