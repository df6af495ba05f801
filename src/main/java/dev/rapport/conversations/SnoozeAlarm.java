package dev.rapport.conversations;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Wakes snoozed conversations when their time comes, so they return to the queue. */
@Component
class SnoozeAlarm {

    private final Desk desk;

    SnoozeAlarm(Desk desk) {
        this.desk = desk;
    }

    @Scheduled(fixedDelayString = "${rapport.conversations.snooze-check-interval:30s}", initialDelay = 10_000)
    void wakeDue() {
        desk.wakeDue();
    }
}
