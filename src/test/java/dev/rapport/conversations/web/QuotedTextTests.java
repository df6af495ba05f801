package dev.rapport.conversations.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Quoted history and signatures in the styles of the common mail clients, folded below what was written now. */
class QuotedTextTests {

    @Test
    void foldsGmailAppleAndThunderbirdQuotes() {
        assertThat(QuotedText.split("Thanks!\n\nOn Mon, 2 Mar 2026 at 10:00, Maria <m@x.test> wrote:\n> Hi")
                .fresh()).isEqualTo("Thanks!");
        assertThat(QuotedText.split("Perfect.\n\n> On 2 Mar 2026, at 10:00, Maria wrote:\n> \n> Hi").fresh())
                .isEqualTo("Perfect.");
        assertThat(QuotedText.split("See you.\n\nOn 02.03.26 10:00, Maria wrote:\n> Hi").quoted())
                .startsWith("On 02.03.26");
    }

    @Test
    void foldsOutlookHeaderBlocksWithAndWithoutARule() {
        QuotedText.Parts parts = QuotedText.split("Works for me.\n\n________________________________\n"
                + "From: Maria <m@x.test>\nSent: Monday\nSubject: Refund\n\nWe refund today.");
        assertThat(parts.fresh()).isEqualTo("Works for me.");
        assertThat(parts.quoted()).contains("We refund today.");
        assertThat(QuotedText.split("Yes.\n\nFrom: Maria\nSent: Monday\n\nOld text").fresh()).isEqualTo("Yes.");
    }

    @Test
    void foldsFrenchAndGermanAttributionsAndSignatures() {
        assertThat(QuotedText.split("Merci.\n\nLe lun. 2 mars 2026, Maria a écrit :\n> Bonjour").fresh())
                .isEqualTo("Merci.");
        assertThat(QuotedText.split("Danke.\n\nAm 02.03.2026 um 10:00 schrieb Maria:\n> Hallo").fresh())
                .isEqualTo("Danke.");
        assertThat(QuotedText.split("Are you open on Sunday?\n\n-- \nAna\nSent from my phone").fresh())
                .isEqualTo("Are you open on Sunday?");
    }

    @Test
    void keepsAMessageWithoutHistoryWhole() {
        QuotedText.Parts parts = QuotedText.split("From: the kitchen\nI mean it, a dash -- like this is fine.");
        assertThat(parts.hasQuote()).isFalse();
        assertThat(parts.fresh()).contains("a dash -- like this");
    }
}
