package dev.rapport.coach;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The reply coach: reads a draft before it is sent and says what would lose the customer, why, and what to write
 * instead, along with the good moves it sees. It never decides anything: the agent may send whatever they like.
 *
 * <p>Rules are data (a rule file per language) and more phrase rules can be added while Rapport runs, for example
 * from an admin page; they take effect for the next analysis. Safe to share between threads.
 */
public final class Coach {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private volatile RuleBook book;

    private Coach(RuleBook book) {
        this.book = book;
    }

    /** The coach with the English rules shipped with Rapport. */
    public static Coach english() {
        return withRules("coach/rules-en.json");
    }

    /** A coach reading the rule file at this class-path location. */
    public static Coach withRules(String classpathLocation) {
        try (InputStream in = Coach.class.getClassLoader().getResourceAsStream(classpathLocation)) {
            if (in == null) {
                throw new IllegalArgumentException("No rule file at " + classpathLocation);
            }
            return fromJson(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A coach reading a rule file; see {@code docs/coach.md} for its format. */
    public static Coach fromJson(InputStream rules) {
        try {
            return new Coach(new RuleBook(JSON.readValue(rules, RuleFile.class), List.of()));
        } catch (JacksonException e) {
            throw new IllegalArgumentException("The rule file is not valid: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads a draft.
     *
     * @param text                  the whole draft as the agent wrote it, quoted mail included (quotes are skipped)
     * @param kind                  a reply to the customer or an internal note
     * @param customerPreferredName what the customer likes to be called, when we know it
     */
    public Analysis analyze(String text, Kind kind, Optional<String> customerPreferredName) {
        Objects.requireNonNull(kind, "kind");
        if (text == null || text.isBlank()) {
            return Analysis.NOTHING;
        }
        return new Reading(book, text, kind, customerPreferredName == null ? Optional.empty() : customerPreferredName)
                .analysis();
    }

    /**
     * Replaces the rules added at runtime (all of them at once, as the database holds them). The built-in rules stay.
     *
     * @throws IllegalArgumentException naming the rule or phrase that is not valid; nothing changes then
     */
    public void useCustomRules(Collection<PhraseRule> rules) {
        synchronized (this) {
            book = book.withCustom(List.copyOf(rules));
        }
    }

    /** Adds one rule to those added at runtime. */
    public void addCustomRule(PhraseRule rule) {
        synchronized (this) {
            List<PhraseRule> rules = new ArrayList<>(book.custom());
            rules.add(rule);
            book = book.withCustom(rules);
        }
    }

    public List<PhraseRule> customRules() {
        return book.custom();
    }

    /** What the coach would find in a sample with one more rule, without adding it: for trying a phrase out. */
    public Analysis trial(PhraseRule candidate, String sample, Kind kind, Optional<String> customerPreferredName) {
        List<PhraseRule> rules = new ArrayList<>(book.custom());
        rules.removeIf(rule -> rule.id().equals(candidate.id()));
        rules.add(candidate);
        RuleBook trialBook = book.withCustom(rules);
        if (sample == null || sample.isBlank()) {
            return Analysis.NOTHING;
        }
        return new Reading(trialBook, sample, kind, customerPreferredName).analysis();
    }

    /** The language of the rules, e.g. "en". */
    public String language() {
        return book.file.language();
    }
}
