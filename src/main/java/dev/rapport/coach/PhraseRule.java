package dev.rapport.coach;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A rule added while Rapport runs (an admin's phrase, later kept in the database): phrases in the coach's phrase
 * syntax (see {@code docs/coach.md}) that mark a finding of one category. A phrase added to {@link Category#COLD_NO}
 * or {@link Category#CANT_WITHOUT_CAN} marks a refusal: the rest of the reply decides whether it is a cold no, a
 * can't without a can, or a good no. The id is what dismissals are recorded against, so it must stay the same for as
 * long as the rule lives.
 *
 * @param replacement the text a one-click rewording puts in place of the matched words; {@code null} for none
 */
public record PhraseRule(String id, Category category, List<String> phrases, String why, String suggestion,
                         String replacement) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");

    public PhraseRule {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("A rule id is 1-100 lower-case letters, digits, dots, dashes or "
                    + "underscores, e.g. custom.blame.head-office: " + id);
        }
        if (category == null || !category.acceptsPhrases()) {
            throw new IllegalArgumentException("Phrases can't be added to " + category
                    + "; that check looks at the whole reply.");
        }
        if (phrases == null || phrases.isEmpty() || phrases.stream().anyMatch(p -> p == null || p.isBlank())) {
            throw new IllegalArgumentException("A rule needs at least one phrase, none of them blank.");
        }
        if (why == null || why.isBlank() || suggestion == null || suggestion.isBlank()) {
            throw new IllegalArgumentException("A rule says why it matters and what to do instead.");
        }
        phrases = List.copyOf(phrases);
    }
}
