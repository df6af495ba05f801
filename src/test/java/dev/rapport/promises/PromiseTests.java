package dev.rapport.promises;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every way a promise can go, with the clock given by hand. */
class PromiseTests {

    private static final Instant MONDAY = Instant.parse("2026-11-23T09:00:00Z");
    private static final Instant FRIDAY_5PM = Instant.parse("2026-11-27T17:00:00Z");
    private static final Instant FRIDAY_6PM = Instant.parse("2026-11-27T18:00:00Z");

    private Promise promise() {
        return Promise.make("Send the replacement engine", "Maria", MONDAY, FRIDAY_5PM, FRIDAY_6PM);
    }

    @Test
    void doneByTheDeadlineAndTheCustomerToldInTimeIsKept() {
        Promise promise = promise();
        promise.markDone("Maria", FRIDAY_5PM.minus(Duration.ofHours(2)));
        assertThat(promise.state()).isEqualTo(PromiseState.DONE);
        promise.customerContacted("Maria", FRIDAY_5PM.minus(Duration.ofHours(1)));
        assertThat(promise.state()).isEqualTo(PromiseState.KEPT);
        assertThat(promise.checkDeadlines(FRIDAY_6PM.plusSeconds(1))).isFalse();
        assertThat(promise.state()).isEqualTo(PromiseState.KEPT);
        assertThat(promise.history()).extracting(PromiseChange::state)
                .containsExactly(PromiseState.OPEN, PromiseState.DONE, PromiseState.KEPT);
    }

    @Test
    void contactingTheCustomerBeforeTheWorkIsDoneDoesNotKeepIt() {
        Promise promise = promise();
        promise.customerContacted("Maria", MONDAY.plus(Duration.ofHours(1)));
        assertThat(promise.state()).isEqualTo(PromiseState.OPEN);
        promise.markDone("Maria", MONDAY.plus(Duration.ofDays(1)));
        assertThat(promise.state()).isEqualTo(PromiseState.DONE);
        assertThat(promise.checkDeadlines(FRIDAY_6PM.plusSeconds(1))).isTrue();
        assertThat(promise.state()).isEqualTo(PromiseState.BROKEN);
        assertThat(promise.history().getLast().note()).contains("not told");
    }

    @Test
    void doneButNeverContactedBreaksAtTheContactDeadline() {
        Promise promise = promise();
        promise.markDone("Maria", MONDAY.plus(Duration.ofDays(2)));
        assertThat(promise.checkDeadlines(FRIDAY_6PM)).isFalse();
        assertThat(promise.checkDeadlines(FRIDAY_6PM.plusSeconds(1))).isTrue();
        assertThat(promise.state()).isEqualTo(PromiseState.BROKEN);
        assertThat(promise.needsFollowUp()).isTrue();
    }

    @Test
    void workNotDoneByTheDeadlineBreaksOnceEvenIfCheckedAgainAfterARestart() {
        Promise promise = promise();
        assertThat(promise.checkDeadlines(FRIDAY_5PM)).isFalse();
        assertThat(promise.checkDeadlines(FRIDAY_5PM.plusSeconds(1))).isTrue();
        assertThat(promise.checkDeadlines(FRIDAY_5PM.plusSeconds(2))).isFalse();
        assertThat(promise.history()).filteredOn(change -> change.state() == PromiseState.BROKEN).hasSize(1);
        promise.markDone("Maria", FRIDAY_6PM);
        assertThat(promise.state()).isEqualTo(PromiseState.BROKEN);
        assertThat(promise.doneAt()).contains(FRIDAY_6PM);
    }

    @Test
    void aLateContactThatArrivesBeforeTheCheckStillBreaksIt() {
        Promise promise = promise();
        promise.markDone("Maria", FRIDAY_5PM.minusSeconds(60));
        promise.customerContacted("Maria", FRIDAY_6PM.plusSeconds(60));
        assertThat(promise.state()).isEqualTo(PromiseState.BROKEN);
    }

    @Test
    void renegotiatedInTimeGoesOnWithNewDatesAndCanStillBeKept() {
        Promise promise = promise();
        Instant nextMonday = FRIDAY_5PM.plus(Duration.ofDays(3));
        promise.renegotiate(nextMonday, null, "The supplier is late; Monday instead.", "Maria",
                FRIDAY_5PM.minus(Duration.ofHours(3)));
        assertThat(promise.state()).isEqualTo(PromiseState.RENEGOTIATED);
        assertThat(promise.checkDeadlines(FRIDAY_6PM.plusSeconds(1))).isFalse();
        promise.markDone("Maria", nextMonday.minusSeconds(3600));
        promise.customerContacted("Maria", nextMonday.minusSeconds(600));
        assertThat(promise.state()).isEqualTo(PromiseState.KEPT);
        assertThat(promise.everBroken()).isFalse();
        assertThat(promise.history()).extracting(PromiseChange::note).anyMatch(note -> note.contains("Monday"));
    }

    @Test
    void renegotiatedAfterBreakingGoesOnButRemembersTheBreak() {
        Promise promise = promise();
        promise.checkDeadlines(FRIDAY_6PM.plusSeconds(1));
        assertThat(promise.state()).isEqualTo(PromiseState.BROKEN);
        Instant later = FRIDAY_6PM.plus(Duration.ofDays(3));
        promise.renegotiate(later, null, "Sorry — Monday, and I'll call you.", "Maria", FRIDAY_6PM.plusSeconds(600));
        assertThat(promise.state()).isEqualTo(PromiseState.RENEGOTIATED);
        assertThat(promise.everBroken()).isTrue();
        promise.markDone("Maria", later.minusSeconds(60));
        promise.customerContacted("Maria", later.minusSeconds(30));
        assertThat(promise.state()).isEqualTo(PromiseState.KEPT);
        assertThat(promise.everBroken()).isTrue();
    }

    @Test
    void aBrokenPromiseStaysOnTheListUntilSomeoneSaysWhatHappenedNext() {
        Promise promise = promise();
        promise.checkDeadlines(FRIDAY_5PM.plusSeconds(1));
        assertThat(promise.needsFollowUp()).isTrue();
        assertThatThrownBy(() -> promise.resolve(" ", "Lead", FRIDAY_6PM)).hasMessageContaining("what happened");
        promise.resolve("Called Paul, sent it express with a voucher.", "Lead", FRIDAY_6PM);
        assertThat(promise.needsFollowUp()).isFalse();
        assertThat(promise.resolution()).contains("Called Paul, sent it express with a voucher.");
    }

    @Test
    void cancellingNeedsAReasonAndAKeptPromiseCannotBeCancelledOrRenegotiated() {
        Promise cancelled = promise();
        assertThatThrownBy(() -> cancelled.cancel("", "Maria", MONDAY)).hasMessageContaining("why");
        cancelled.cancel("The customer bought it in a shop.", "Maria", MONDAY.plusSeconds(60));
        assertThat(cancelled.state()).isEqualTo(PromiseState.CANCELLED);
        assertThat(cancelled.checkDeadlines(FRIDAY_6PM.plusSeconds(1))).isFalse();
        assertThatThrownBy(() -> cancelled.markDone("Maria", MONDAY)).isInstanceOf(IllegalStateException.class);

        Promise kept = promise();
        kept.markDone("Maria", MONDAY.plusSeconds(60));
        kept.customerContacted("Maria", MONDAY.plusSeconds(120));
        assertThatThrownBy(() -> kept.cancel("changed my mind", "Maria", MONDAY))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> kept.renegotiate(FRIDAY_6PM, null, "", "Maria", MONDAY))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aPromiseNeedsWordsAndADeadlineStillToCome() {
        assertThatThrownBy(() -> Promise.make(" ", "Maria", MONDAY, FRIDAY_5PM, null))
                .hasMessageContaining("what will be done");
        assertThatThrownBy(() -> Promise.make("Call back", "Maria", MONDAY, MONDAY.minusSeconds(1), null))
                .hasMessageContaining("already passed");
        Promise sameTime = Promise.make("Call back", "Maria", MONDAY, FRIDAY_5PM, null);
        assertThat(sameTime.contactAt()).isEqualTo(FRIDAY_5PM);
    }

    @Test
    void aNewDateMustLeaveTimeToTellTheCustomer() {
        Promise promise = promise();
        assertThatThrownBy(() -> promise.renegotiate(FRIDAY_5PM.plusSeconds(86_400), MONDAY.minusSeconds(1), "", "Maria",
                MONDAY)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("contact the customer");
        assertThat(promise.state()).isEqualTo(PromiseState.OPEN);
        assertThat(promise.dueAt()).isEqualTo(FRIDAY_5PM);
    }
}
