package dev.rapport.promises.web;

import dev.rapport.conversations.Channel;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PromiseSentenceTests {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant MONDAY_9 = Instant.parse("2026-11-23T08:00:00Z");
    private static final Instant FRIDAY_5PM = Instant.parse("2026-11-27T16:00:00Z");
    private static final PromiseSentence.Party ME = new PromiseSentence.Party(UUID.randomUUID(), "Tom Baker", false);
    private static final PromiseSentence.Party MARIA = new PromiseSentence.Party(UUID.randomUUID(), "Maria Lopez", false);
    private static final PromiseSentence.Party BILLING = new PromiseSentence.Party(UUID.randomUUID(), "Billing", true);

    @Test
    void saysWhoDoesWhatByWhenAndWhoTellsTheCustomerHow() {
        assertThat(PromiseSentence.of("Send the replacement engine", ME, MARIA, FRIDAY_5PM,
                FRIDAY_5PM.plusSeconds(3600), Channel.EMAIL, ME.id(), BERLIN, MONDAY_9))
                .isEqualTo("I will send the replacement engine by Friday at 5 pm; Maria will email you by Friday at 6 pm.");
    }

    @Test
    void oneSentenceWhenTheSamePersonDoesItAndTellsThemAtTheSameTime() {
        assertThat(PromiseSentence.of("refund the postage.", ME, ME, MONDAY_9.plusSeconds(8 * 3600), null,
                Channel.PHONE, ME.id(), BERLIN, MONDAY_9))
                .isEqualTo("I will refund the postage by today at 5 pm and call you by then.");
    }

    @Test
    void aTeamDoesTheWorkAndAColleagueTellsThemByChat() {
        assertThat(PromiseSentence.of("Check the invoice", BILLING, MARIA, MONDAY_9.plusSeconds(25 * 3600),
                Instant.parse("2026-12-07T11:00:00Z"), Channel.CHAT, ME.id(), BERLIN, MONDAY_9))
                .isEqualTo("Our Billing team will check the invoice by tomorrow at 10 am; Maria will message you by "
                        + "Monday 7 December at noon.");
    }

    @Test
    void keepsCapitalsThatMeanSomething() {
        assertThat(PromiseSentence.of("UPS pickup arranged", MARIA, MARIA, FRIDAY_5PM, null, Channel.EMAIL,
                ME.id(), BERLIN, MONDAY_9)).startsWith("Maria will UPS pickup arranged");
    }
}
