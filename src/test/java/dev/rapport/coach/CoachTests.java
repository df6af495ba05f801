package dev.rapport.coach;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The coach on single sentences: negation and context, whose words count, exact spans, rewordings, runtime rules. */
class CoachTests {

    private static final Coach COACH = Coach.english();

    private static Analysis reply(String text) {
        return COACH.analyze(text, Kind.REPLY, Optional.empty());
    }

    private static Analysis reply(String text, String name) {
        return COACH.analyze(text, Kind.REPLY, Optional.of(name));
    }

    private static Finding only(Analysis analysis, Category category) {
        List<Finding> found = analysis.findings().stream().filter(f -> f.category() == category).toList();
        assertThat(found).as(analysis.toString()).hasSize(1);
        return found.getFirst();
    }

    @Nested
    class NegationAndContext {

        @Test
        void cantWaitIsNotARefusal() {
            Analysis analysis = reply("I can't wait to help you set up the train table! I'll call you at 10 tomorrow.");

            assertThat(analysis.categories()).isEmpty();
        }

        @Test
        void aCantWithACanIsACanNotAColdNo() {
            Analysis analysis = reply("We can't ship it today, but we can ship it tomorrow morning by express.");

            assertThat(analysis.categories()).doesNotContain(Category.COLD_NO, Category.CANT_WITHOUT_CAN);
        }

        @Test
        void aRefusalWithSympathyAndSomethingWeCanDoIsAGoodNo() {
            Analysis analysis = reply("I'm sorry, we don't make gluten-free cakes: flour gets everywhere in our kitchen. "
                    + "What I can do is order one from the gluten-free bakery next door for Saturday.");

            assertThat(analysis.categories()).isEmpty();
            assertThat(analysis.signals()).extracting(PositiveSignal::signal).contains(Signal.EMPATHY);
        }

        @Test
        void aRefusalWithNothingElseIsAColdNo() {
            String text = "No, we don't make gluten-free cakes.";

            List<Finding> findings = reply(text).findings().stream()
                    .filter(f -> f.category() == Category.COLD_NO).toList();

            assertThat(findings).extracting(f -> f.span().of(text)).containsExactly("No,", "we don't make");
            assertThat(findings).extracting(Finding::ruleId).containsExactly("refusal.no", "refusal.dont");
            assertThat(findings.getFirst().suggestion()).contains("sorry");
        }

        @Test
        void aRefusalWithSympathyButNoCanIsACantWithoutACan() {
            Analysis analysis = reply("I'm really sorry, but we can't make a gluten-free cake for the party.");

            assertThat(analysis.categories()).contains(Category.CANT_WITHOUT_CAN).doesNotContain(Category.COLD_NO);
        }

        @Test
        void thereIsNothingWeCanDoIsNoCan() {
            Analysis analysis = reply("The system won't let me waive the late fee, so there's nothing I can do.");

            assertThat(analysis.categories()).contains(Category.COLD_NO, Category.BLAME_SHIFTING);
        }

        @Test
        void aConditionalCantIsNoRefusal() {
            Analysis analysis = reply("Please send the final file by 10 am, otherwise we can't print it today.");

            assertThat(analysis.categories()).isEmpty();
        }

        @Test
        void blameIsForgivenWhenWeOwnTheFix() {
            Analysis analysis = reply("Our supplier mixed up the labels, and we didn't catch it. The right awning goes out "
                    + "tomorrow by express.");

            assertThat(analysis.categories()).isEmpty();
        }

        @Test
        void blameIsNotForgivenByAnUnrelatedDelivery() {
            Analysis analysis = reply("The paperwork hasn't come through, so the refund is out of my hands. Your new "
                    + "order goes out on Monday.");

            assertThat(analysis.categories()).contains(Category.BLAME_SHIFTING);
        }

        @Test
        void sendingThemElsewhereWithAWarmHandOffIsFine() {
            Analysis analysis = reply("Invoices are handled by our accounts team, so I've passed your question to Petra; "
                    + "she will email you by tomorrow lunchtime.");

            assertThat(analysis.categories()).isEmpty();
        }

        @Test
        void soonWithADateIsNoVaguePromise() {
            assertThat(reply("It will be fixed soon, by Thursday noon at the latest.").categories()).isEmpty();
            assertThat(reply("See you soon!").categories()).isEmpty();
            assertThat(reply("I'll send the tracking number as soon as it arrives.").categories()).isEmpty();
            assertThat(reply("It should be fixed soon.").categories()).containsExactly(Category.VAGUE_PROMISE);
        }

        @Test
        void anHonestTryIsNoVaguePromise() {
            Analysis analysis = reply("I'll try to get it rushed, but to be honest I doubt the printer can do it; I'll "
                    + "know by Monday and tell you then.");

            assertThat(analysis.categories()).isEmpty();
            assertThat(analysis.signals()).extracting(PositiveSignal::signal)
                    .contains(Signal.HONEST_EXPECTATION, Signal.CLEAR_NEXT_STEP);
        }

        @Test
        void youShouldHaveReceivedIsNoBlame() {
            assertThat(reply("You should have received a confirmation email; I've sent it again just now.")
                    .categories()).isEmpty();
            assertThat(reply("You should have measured the window before ordering.").categories())
                    .contains(Category.BLAME_SHIFTING);
        }
    }

    @Nested
    class WhoseWordsCount {

        @Test
        void quotedLinesAreNotOurs() {
            String text = "I'm sorry, that shouldn't have happened. I'll call you today at 2 pm.\n\n"
                    + "> Your colleague told me to CALL BACK LATER!!! Obviously nobody reads emails.";

            assertThat(reply(text).categories()).isEmpty();
        }

        @Test
        void anOnWroteBlockIsNotOurs() {
            String text = "Thanks, the export is fixed; I'll check in on Friday morning.\n\n"
                    + "On Mon, 9 Mar 2026 at 17:02, Ben Adler <ben@example.com> wrote:\n"
                    + "Every time I get told to call back later. I'm sure you'll look into it ASAP!!!";

            assertThat(reply(text).categories()).isEmpty();
        }

        @Test
        void wordsInQuotationMarksAttributedToSomeoneElseAreNotOurs() {
            String text = "You wrote that you were told “call back later” three times. That isn't good enough; I'm "
                    + "calling you myself today at 2 pm.";

            assertThat(reply(text).categories()).isEmpty();
        }

        @Test
        void theSignatureIsNotShouting() {
            String text = "Hi Tom,\n\nYour parcel goes out today and arrives on Thursday.\n\nBest,\nTOY CORNER TEAM";

            assertThat(reply(text, "Tom").categories()).isEmpty();
        }

        @Test
        void aQuotedInsultInANoteIsNotOurs() {
            Analysis analysis = COACH.analyze("She said the driver was 'an idiot' who threw it over the gate. Sent a "
                    + "replacement.", Kind.NOTE, Optional.empty());

            assertThat(analysis.categories()).isEmpty();
        }
    }

    @Nested
    class Notes {

        @Test
        void contemptForTheCustomerIsMarkedInNotes() {
            String text = "Customer called again. Total idiot, can't follow a simple instruction sheet.";

            Analysis analysis = COACH.analyze(text, Kind.NOTE, Optional.empty());

            assertThat(analysis.findings()).extracting(f -> f.span().of(text))
                    .containsExactly("Total idiot", "can't follow a simple");
            assertThat(analysis.categories()).containsExactly(Category.NOTE_DISRESPECT);
        }

        @Test
        void anEyeRollIsContemptToo() {
            assertThat(COACH.analyze("Asked where the on switch is. Sent the manual link again \uD83D\uDE44", Kind.NOTE,
                    Optional.empty()).categories()).containsExactly(Category.NOTE_DISRESPECT);
        }

        @Test
        void selfBlameThingsAndACustomerCalledKarenAreNot() {
            for (String note : List.of("I was an idiot and sent the wrong size. Reshipped today.",
                    "The stupid label printer jammed again; orders go out tomorrow.",
                    "Karen Müller called about the party booking; moved to the big room.")) {
                assertThat(COACH.analyze(note, Kind.NOTE, Optional.empty()).categories()).as(note).isEmpty();
            }
        }

        @Test
        void notesAreNotCheckedForReplyCategoriesAndRepliesNotForNoteCategories() {
            assertThat(COACH.analyze("Told him to call us back later. No refunds.", Kind.NOTE, Optional.empty())
                    .categories()).isEmpty();
            assertThat(reply("What an idiot I was to forget the label! It goes out today.").categories()).isEmpty();
        }
    }

    @Nested
    class SpansAndRewordings {

        @Test
        void spansPointAtTheWordsEvenAfterSurrogatePairs() {
            String text = "🙂🙂 Hello! Sorry, the paperwork hasn't come through yet.";

            Finding finding = only(reply(text), Category.BLAME_SHIFTING);

            assertThat(finding.span().of(text)).isEqualTo("paperwork hasn't");
            assertThat(finding.ruleId()).isEqualTo("blame.paperwork");
        }

        @Test
        void sarcasmIsMarkedWhereItIs() {
            String text = "Hi Felix,\n\nAs I already explained twice, the import only accepts UTF-8 files. Save it as "
                    + "UTF-8 and upload it again.";

            Finding finding = only(reply(text, "Felix"), Category.SARCASM);

            assertThat(finding.span().of(text)).isEqualTo("As I already explained");
        }

        @Test
        void shoutingIsMarkedWordByWordWithAQuietVersion() {
            String text = "Your car is ready. PLEASE DO NOT park in front of the gate!!! The MOT and HDMI cable are fine.";

            List<Finding> findings = reply(text).findings().stream()
                    .filter(f -> f.category() == Category.SHOUTING).toList();

            assertThat(findings).hasSize(2);
            assertThat(findings.get(0).span().of(text)).isEqualTo("PLEASE DO NOT");
            assertThat(findings.get(0).replacement()).hasValue("Please do not");
            assertThat(findings.get(1).span().of(text)).isEqualTo("!!!");
            assertThat(findings.get(1).replacement()).hasValue("!");
            assertThat(reply("Your order has shipped!! It arrives on Monday.").categories()).isEmpty();
        }

        @Test
        void kindlyBecomesPlease() {
            String text = "Kindly bring the receipt when you come in on Saturday.";

            Finding finding = only(reply(text), Category.ROBOTIC_SCRIPT);

            assertThat(finding.span().of(text)).isEqualTo("Kindly");
            assertThat(finding.replacement()).hasValue("Please");
        }

        @Test
        void aGreetingWithoutTheNameGetsTheName() {
            String text = "Hi there,\n\nYour puzzle goes out with today's post and arrives on Thursday.\n\nToy Corner";

            Finding finding = only(reply(text, "Wanda"), Category.MISSING_NAME);

            assertThat(finding.span().of(text)).isEqualTo("Hi there,");
            assertThat(finding.replacement()).hasValue("Hi Wanda,");
            assertThat(finding.why()).contains("Wanda");
        }

        @Test
        void aReplyWithoutAGreetingGetsOneInserted() {
            String text = "Your puzzle goes out with today's post and arrives on Thursday.";

            Finding finding = only(reply(text, "Wanda"), Category.MISSING_NAME);

            assertThat(finding.span()).isEqualTo(new Span(0, 0));
            assertThat(finding.replacement()).hasValue("Hi Wanda,\n\n");
        }

        @Test
        void usingTheNameIsAGoodMoveAndUnknownNamesAreNotAsked() {
            String text = "Dear Katrin,\n\nLeni is first on the waiting list; I'll tell you by 15 June.";

            Analysis analysis = reply(text, "Katrin");

            assertThat(analysis.categories()).isEmpty();
            assertThat(analysis.signals()).anySatisfy(signal -> {
                assertThat(signal.signal()).isEqualTo(Signal.USES_NAME);
                assertThat(signal.span().of(text)).isEqualTo("Katrin");
            });
            assertThat(reply("Hi there,\n\nIt arrives on Thursday.").categories()).isEmpty();
        }

        @Test
        void noNextStepMarksTheLastSentence() {
            String text = "Hello Irene,\n\nThe leak was a worn washer on the cold tap. The pipe looks fine and the "
                    + "cabinet floor should dry out in a day or two.\n\nKlaus";

            Finding finding = only(reply(text, "Irene"), Category.NO_NEXT_STEP);

            assertThat(finding.span().of(text))
                    .isEqualTo("The pipe looks fine and the cabinet floor should dry out in a day or two.");
        }

        @Test
        void shortRepliesQuestionsAndClosedMattersNeedNoNextStep() {
            assertThat(reply("Thanks, see you at 9.").categories()).isEmpty();
            assertThat(reply("The blue and the green raincoats are the same fabric. Which size does she wear?")
                    .categories()).isEmpty();
            assertThat(reply("The glaze is food-safe and fine in the dishwasher. Hope that helps, enjoy them!")
                    .categories()).isEmpty();
        }

        @Test
        void everyFindingExplainsItself() {
            Analysis analysis = reply("Dear Valued Customer,\n\nWe apologise for any inconvenience. As I said, the "
                    + "system won't let me change it. Call us back later or try the manufacturer!!!");

            assertThat(analysis.findings()).isNotEmpty().allSatisfy(finding -> {
                assertThat(finding.ruleId()).matches("[a-z0-9._-]+");
                assertThat(finding.why()).isNotBlank();
                assertThat(finding.suggestion()).isNotBlank();
            });
            assertThat(analysis.worthASecondLook()).extracting(Finding::category)
                    .contains(Category.SARCASM, Category.BLAME_SHIFTING, Category.SEND_AWAY);
        }
    }

    @Nested
    class RulesAddedAtRuntime {

        private final Coach coach = Coach.english();

        private static PhraseRule headOffice() {
            return new PhraseRule("custom.blame.head-office", Category.BLAME_SHIFTING,
                    List.of("head office (decides|decided|says)"), "Hiding behind head office leaves them alone.",
                    "Say what you will ask head office and when you'll tell them.", null);
        }

        @Test
        void anAddedPhraseIsFoundAtOnceUnderItsOwnId() {
            String text = "Head office decided that, sorry.";
            assertThat(coach.analyze(text, Kind.REPLY, Optional.empty()).categories())
                    .doesNotContain(Category.BLAME_SHIFTING);

            coach.addCustomRule(headOffice());

            Finding finding = only(coach.analyze(text, Kind.REPLY, Optional.empty()), Category.BLAME_SHIFTING);
            assertThat(finding.ruleId()).isEqualTo("custom.blame.head-office");
            assertThat(finding.span().of(text)).isEqualTo("Head office decided");
            assertThat(coach.customRules()).containsExactly(headOffice());
        }

        @Test
        void anAddedPhraseKeepsTheCategorysContext() {
            coach.useCustomRules(List.of(headOffice()));

            assertThat(coach.analyze("Head office decided that, so I've asked them to call you, and Maria will ring "
                    + "you today.", Kind.REPLY, Optional.empty()).categories()).isEmpty();
        }

        @Test
        void anAddedRefusalBecomesAColdNoOnlyWhenNothingElseIsOffered() {
            coach.useCustomRules(List.of(new PhraseRule("custom.refusal.not-stocked", Category.COLD_NO,
                    List.of("not stocked"), "It says no.", "Say what you can do.", null)));

            assertThat(coach.analyze("That model is not stocked.", Kind.REPLY, Optional.empty()).categories())
                    .contains(Category.COLD_NO);
            assertThat(coach.analyze("That model is not stocked, but I can order it for Friday.", Kind.REPLY,
                    Optional.empty()).categories()).isEmpty();
        }

        @Test
        void aTrialDoesNotAddTheRuleAndUseReplacesAll() {
            Analysis trial = coach.trial(headOffice(), "Head office says no.", Kind.REPLY, Optional.empty());

            assertThat(trial.findings()).extracting(Finding::ruleId).contains("custom.blame.head-office");
            assertThat(coach.customRules()).isEmpty();

            coach.useCustomRules(List.of(headOffice()));
            coach.useCustomRules(List.of());
            assertThat(coach.customRules()).isEmpty();
        }

        @Test
        void invalidRulesAreRefusedWithAReasonAndChangeNothing() {
            coach.useCustomRules(List.of(headOffice()));

            assertThatThrownBy(() -> coach.useCustomRules(List.of(new PhraseRule("custom.bad", Category.SARCASM,
                    List.of("(as i said"), "why", "what", null))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(as i said");
            assertThatThrownBy(() -> coach.addCustomRule(new PhraseRule("blame.paperwork", Category.BLAME_SHIFTING,
                    List.of("forms"), "why", "what", null)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blame.paperwork");
            assertThatThrownBy(() -> new PhraseRule("custom.x", Category.NO_NEXT_STEP, List.of("bye"), "w", "s", null))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new PhraseRule("Custom X", Category.SARCASM, List.of("bye"), "w", "s", null))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(coach.customRules()).containsExactly(headOffice());
        }
    }

    @Test
    void nothingToReadIsNothingFound() {
        assertThat(reply("").findings()).isEmpty();
        assertThat(reply("   \n ").signals()).isEmpty();
        assertThat(COACH.language()).isEqualTo("en");
    }
}
