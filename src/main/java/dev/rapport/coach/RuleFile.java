package dev.rapport.coach;

import java.util.List;
import java.util.Map;

/**
 * The rule file as written ({@code coach/rules-<language>.json}); see {@code docs/coach.md} for the format.
 *
 * @param lists  named phrase lists the checks read the context from (empathy, alternatives, time, ...)
 * @param words  plain word lists: greetings, closings, attribution verbs, acronyms, short emphatic words
 * @param defaults the context that cancels a match of a category's rules when a rule does not say (admins' phrases
 *                 get these too)
 * @param rules  phrase rules, each marking findings of one category
 * @param checks the texts of the whole-reply checks (cold no, can't without can, shouting, missing name, next step)
 */
record RuleFile(String language, Map<String, List<String>> lists, Map<String, List<String>> words,
                Map<Category, List<Condition>> defaults, List<Rule> rules, List<SignalText> signals,
                Map<Category, Check> checks) {

    /**
     * @param kinds   where the rule applies; the category's kind when left out
     * @param unless  context that cancels a match; the category's defaults when left out
     * @param patterns regular expressions for what phrases can't say (run over the whole text, so keep them few)
     * @param sentenceStart when true, only matches that open a sentence count ("No." but not "yes or no.")
     */
    record Rule(String id, Category category, List<Kind> kinds, List<String> phrases, List<String> patterns,
                Boolean sentenceStart, List<Condition> unless, String why, String suggestion, String replacement) {
    }

    /** A match is cancelled when a phrase of {@code list} (or one of {@code phrases}) is found within {@code scope}. */
    record Condition(String list, List<String> phrases, Scope scope) {
    }

    enum Scope {
        /** overlapping the match: "can't wait" cancels "can't" */
        OVERLAP,
        /** in the same sentence */
        SENTENCE,
        /** in the same, the previous or the next sentence */
        NEAR,
        /** anywhere in our part of the text */
        REPLY
    }

    record SignalText(String id, Signal signal, String why) {
    }

    record Check(String id, String why, String suggestion) {
    }
}
