package dev.rapport.coach;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the coach over the labelled corpus and holds it to the targets of issue 10.
 *
 * <p>The corpus is {@code src/test/resources/coach}: {@code corpus-held-out.jsonl} (216 replies and notes) was written
 * and committed first, before any rule existed; {@code corpus-tuning.jsonl} (226) was written next, and the rules
 * were developed against it alone. The discipline: rules and engine are changed only because of what the tuning set
 * shows (or to fix plain bugs the unit tests show), never because of a held-out mistake; held-out labels are not
 * edited to fit the coach. When the held-out score drops, the fix is more tuning examples of the same kind, written
 * from scratch, not a rule for the failing sentence. Both sets were written by the same person as the rules, which
 * makes the held-out score an optimistic estimate of what happens on real drafts; {@code docs/coach.md} says so.
 *
 * <p>Counting: per item and category. A category the coach reports for an item (once or more) that the item's labels
 * hold is a true positive, one they don't hold a false positive, a labelled category the coach misses a false
 * negative. Spans are not compared here: their exactness is what {@link CoachTests} checks, sentence by sentence.
 *
 * <p>Targets on the held-out set: precision at least 0.90 and recall at least 0.85 overall, precision at least 0.85
 * for every category, and no finding of categories 1–6 on at least 95% of the polite replies (replies labelled with
 * nothing to mark).
 */
class CoachCorpusTests {

    private final Coach coach = Coach.english();

    @Test
    void tuningSetShowsWhereTheRulesStand() {
        Corpus.Score score = Corpus.load("coach/corpus-tuning.jsonl").score(coach);
        System.out.println(score.table());
        score.mistakes().forEach(mistake -> System.out.println("  " + mistake));

        assertThat(score.items()).isGreaterThanOrEqualTo(200);
    }

    @Test
    void heldOutSetMeetsTheTargets() {
        Corpus.Score score = Corpus.load("coach/corpus-held-out.jsonl").score(coach);
        System.out.println(score.table());
        score.mistakes().forEach(mistake -> System.out.println("  " + mistake));

        assertThat(score.precision()).as("overall precision").isGreaterThanOrEqualTo(0.90);
        assertThat(score.recall()).as("overall recall").isGreaterThanOrEqualTo(0.85);
        for (Category category : Category.values()) {
            assertThat(score.precision(category)).as("precision of " + category).isGreaterThanOrEqualTo(0.85);
        }
        assertThat(score.politeCleanShare()).as("polite replies without findings of categories 1-6")
                .isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void corpusIsBigVariedAndCoversEveryCategory() {
        Corpus tuning = Corpus.load("coach/corpus-tuning.jsonl");
        Corpus heldOut = Corpus.load("coach/corpus-held-out.jsonl");
        int items = tuning.items().size() + heldOut.items().size();
        long polite = java.util.stream.Stream.concat(tuning.items().stream(), heldOut.items().stream())
                .filter(Corpus.Item::polite).count();
        long long_ = java.util.stream.Stream.concat(tuning.items().stream(), heldOut.items().stream())
                .filter(item -> item.text().length() >= 1000).count();

        assertThat(items).isGreaterThanOrEqualTo(400);
        assertThat(polite).as("polite replies").isGreaterThanOrEqualTo(items / 4);
        assertThat(long_).as("replies of 1,000 characters or more").isGreaterThanOrEqualTo(5);
        for (Corpus corpus : java.util.List.of(tuning, heldOut)) {
            for (Category category : Category.values()) {
                assertThat(corpus.items().stream().filter(item -> item.expected().contains(category)).count())
                        .as(category + " in " + corpus.name()).isGreaterThanOrEqualTo(10);
            }
        }
    }
}
