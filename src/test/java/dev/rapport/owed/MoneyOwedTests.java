package dev.rapport.owed;

import dev.rapport.shared.Money;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyOwedTests {

    private static final Instant NOW = Instant.parse("2026-03-03T10:00:00Z");
    private static final UUID ACCOUNTING = UUID.randomUUID();

    private static MoneyOwed.Terms terms(Instant dueAt) {
        return new MoneyOwed.Terms(UUID.randomUUID(), UUID.randomUUID(), Money.of("700.00", "USD"), OwedKind.CREDIT,
                "Goods damaged in our packing", null, ACCOUNTING, dueAt, null, "ORD-1042");
    }

    private static MoneyOwed owed() {
        return MoneyOwed.record(terms(NOW.plus(Duration.ofDays(7))), "Maria", NOW);
    }

    @Test
    void isOwedFromTheMomentItIsRecorded() {
        MoneyOwed entry = owed();
        assertThat(entry.state()).isEqualTo(OwedState.OWED);
        assertThat(entry.owedSince()).isEqualTo(NOW);
        assertThat(entry.amount()).isEqualTo(Money.of("700", "USD"));
        assertThat(entry.responsibleTeam()).hasValue(ACCOUNTING);
        assertThat(entry.reference()).hasValue("ORD-1042");
        assertThat(entry.recordedBy()).isEqualTo("Maria");
    }

    @Test
    void isPaidWithTheReferenceOfThePayment() {
        MoneyOwed entry = owed();
        entry.pay("BT-2026-03-09", "Priya", NOW.plus(Duration.ofDays(6)));
        assertThat(entry.state()).isEqualTo(OwedState.PAID);
        assertThat(entry.paymentReference()).hasValue("BT-2026-03-09");
        assertThat(entry.paidAt()).hasValue(NOW.plus(Duration.ofDays(6)));
        assertThat(entry.paidBy()).hasValue("Priya");
    }

    @Test
    void isCancelledWithAReason() {
        MoneyOwed entry = owed();
        entry.cancel("The customer chose a replacement instead", "Maria", NOW.plusSeconds(60));
        assertThat(entry.state()).isEqualTo(OwedState.CANCELLED);
        assertThat(entry.cancelReason()).hasValue("The customer chose a replacement instead");
    }

    @Test
    void needsAPaymentReferenceAndACancellationReason() {
        MoneyOwed entry = owed();
        assertThatThrownBy(() -> entry.pay(" ", "Priya", NOW)).isInstanceOf(OwedRejected.class)
                .extracting("field").isEqualTo("reference");
        assertThatThrownBy(() -> entry.cancel(null, "Priya", NOW)).isInstanceOf(OwedRejected.class)
                .extracting("field").isEqualTo("reason");
        assertThat(entry.state()).isEqualTo(OwedState.OWED);
    }

    @Test
    void aCancelledEntryIsNeverPaidAndAPaidOneNeverPaidTwiceOrCancelled() {
        MoneyOwed cancelled = owed();
        cancelled.cancel("Recorded twice", "Maria", NOW);
        assertThatIllegalStateException().isThrownBy(() -> cancelled.pay("BT-1", "Priya", NOW))
                .withMessage("Cannot mark it paid: it is already cancelled.");

        MoneyOwed paid = owed();
        paid.pay("BT-1", "Priya", NOW);
        assertThatIllegalStateException().isThrownBy(() -> paid.pay("BT-2", "Priya", NOW))
                .withMessage("Cannot mark it paid: it is already paid (BT-1).");
        assertThatIllegalStateException().isThrownBy(() -> paid.cancel("Oops", "Priya", NOW));
        assertThat(paid.paymentReference()).hasValue("BT-1");
    }

    @Test
    void refusesTermsNamingTheFieldAtFault() {
        assertRejected(new MoneyOwed.Terms(null, null, Money.of("1", "USD"), OwedKind.REFUND, "x", null, ACCOUNTING,
                NOW.plusSeconds(60), null, null), "customerId");
        assertRejected(new MoneyOwed.Terms(UUID.randomUUID(), null, null, OwedKind.REFUND, "x", null, ACCOUNTING,
                NOW.plusSeconds(60), null, null), "amount");
        assertRejected(new MoneyOwed.Terms(UUID.randomUUID(), null, Money.of("1", "USD"), null, "x", null, ACCOUNTING,
                NOW.plusSeconds(60), null, null), "kind");
        assertRejected(new MoneyOwed.Terms(UUID.randomUUID(), null, Money.of("1", "USD"), OwedKind.REFUND, " ", null,
                ACCOUNTING, NOW.plusSeconds(60), null, null), "reason");
        assertRejected(new MoneyOwed.Terms(UUID.randomUUID(), null, Money.of("1", "USD"), OwedKind.REFUND, "x", null,
                null, NOW.plusSeconds(60), null, null), "responsible");
        assertRejected(new MoneyOwed.Terms(UUID.randomUUID(), null, Money.of("1", "USD"), OwedKind.REFUND, "x", null,
                ACCOUNTING, null, null, null), "dueAt");
        assertRejected(new MoneyOwed.Terms(UUID.randomUUID(), null, Money.of("1", "USD"), OwedKind.REFUND, "x", null,
                ACCOUNTING, NOW.minusSeconds(60), null, null), "dueAt");
        assertRejected(new MoneyOwed.Terms(UUID.randomUUID(), null, Money.of("1", "USD"), OwedKind.REFUND, "x", null,
                ACCOUNTING, NOW.plusSeconds(60), NOW.plusSeconds(30), null), "owedSince");
    }

    @Test
    void anEntryOwedSinceEarlierMayAlreadyBeOverdue() {
        MoneyOwed entry = MoneyOwed.record(new MoneyOwed.Terms(UUID.randomUUID(), null, Money.of("35", "EUR"),
                OwedKind.REIMBURSEMENT, "Return postage", null, ACCOUNTING, NOW.minus(Duration.ofDays(1)),
                NOW.minus(Duration.ofDays(10)), null), "Maria", NOW);
        assertThat(entry.isOverdue(NOW)).isTrue();
    }

    @Test
    void anOverdueEntryIsRemindedOfOnceADayUntilPaid() {
        MoneyOwed entry = owed();
        Instant late = entry.dueAt().plus(Duration.ofHours(2));
        LocalDate day = LocalDate.of(2026, 3, 10);
        assertThat(entry.remindIfOverdue(entry.dueAt().minusSeconds(1), day.minusDays(1))).as("not due yet").isFalse();
        assertThat(entry.remindIfOverdue(late, day)).isTrue();
        assertThat(entry.remindIfOverdue(late.plus(Duration.ofHours(1)), day)).as("once that day").isFalse();
        assertThat(entry.remindIfOverdue(late.plus(Duration.ofDays(1)), day.plusDays(1))).isTrue();
        entry.pay("BT-7", "Priya", late.plus(Duration.ofDays(1)));
        assertThat(entry.remindIfOverdue(late.plus(Duration.ofDays(2)), day.plusDays(2))).as("paid").isFalse();
    }

    private static void assertRejected(MoneyOwed.Terms terms, String field) {
        assertThatThrownBy(() -> MoneyOwed.record(terms, "Maria", NOW)).isInstanceOf(OwedRejected.class)
                .extracting("field").isEqualTo(field);
    }
}
