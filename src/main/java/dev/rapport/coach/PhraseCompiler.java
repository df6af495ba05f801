package dev.rapport.coach;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Turns a phrase in the coach's small phrase syntax into a regular expression anchored at its first word, plus the
 * words that can start it. The engine only tries a phrase where one of those words occurs, which is what keeps a
 * thousand phrases fast.
 *
 * <p>Syntax (case-insensitive, on text whose curly apostrophes are straight):
 * <ul>
 *   <li>{@code call us back}: words in order, any whitespace between them and an optional comma before it;</li>
 *   <li>{@code (call|ring) us back}: one of the alternatives, each itself a phrase;</li>
 *   <li>{@code [really] sorry}: optional words (not first);</li>
 *   <li>{@code *}: exactly one word; {@code ...}: up to four words within the sentence (neither first);</li>
 *   <li>{@code apologi*}: a word starting with "apologi";</li>
 *   <li>{@code #}: a number such as 3, 10:30, 4.50, 5pm or 20th;</li>
 *   <li>contractions match their long forms: {@code can't} also matches "cannot", "can not" and "cant",
 *       {@code we'll} also "we will".</li>
 * </ul>
 */
final class PhraseCompiler {

    static final String NUMBER_TRIGGER = "#";

    private static final String SEP = ",?\\s+";
    private static final String WORD = "[^\\s.!?,;:]+";
    private static final String GAP = "(?:\\s+[^\\s.!?]+){0,4}";
    /**
     * What may not follow a phrase word: a letter or digit of the lower-cased text (ASCII is enough for the English
     * rules and much cheaper for the regex engine than \\p{L}), or an apostrophe that continues the word.
     */
    private static final String END_OF_WORD = "(?![a-z0-9]|'[a-z])";

    /** Contractions and what else they match; authors write the contraction. */
    private static final Map<String, List<String>> CONTRACTIONS = Map.ofEntries(
            Map.entry("can't", List.of("cannot", "can not", "cant")),
            Map.entry("won't", List.of("will not")),
            Map.entry("don't", List.of("do not", "dont")),
            Map.entry("doesn't", List.of("does not", "doesnt")),
            Map.entry("didn't", List.of("did not", "didnt")),
            Map.entry("isn't", List.of("is not", "isnt")),
            Map.entry("aren't", List.of("are not", "arent")),
            Map.entry("wasn't", List.of("was not", "wasnt")),
            Map.entry("weren't", List.of("were not")),
            Map.entry("haven't", List.of("have not", "havent")),
            Map.entry("hasn't", List.of("has not", "hasnt")),
            Map.entry("hadn't", List.of("had not")),
            Map.entry("couldn't", List.of("could not", "couldnt")),
            Map.entry("wouldn't", List.of("would not", "wouldnt")),
            Map.entry("shouldn't", List.of("should not", "shouldnt")),
            Map.entry("i'm", List.of("i am", "im")),
            Map.entry("i'll", List.of("i will")),
            Map.entry("we'll", List.of("we will")),
            Map.entry("you'll", List.of("you will")),
            Map.entry("they'll", List.of("they will")),
            Map.entry("he'll", List.of("he will")),
            Map.entry("she'll", List.of("she will")),
            Map.entry("it'll", List.of("it will")),
            Map.entry("we're", List.of("we are")),
            Map.entry("you're", List.of("you are", "youre")),
            Map.entry("they're", List.of("they are")),
            Map.entry("it's", List.of("it is")),
            Map.entry("that's", List.of("that is", "thats")),
            Map.entry("there's", List.of("there is")),
            Map.entry("what's", List.of("what is")),
            Map.entry("i've", List.of("i have", "ive")),
            Map.entry("we've", List.of("we have")),
            Map.entry("you've", List.of("you have")),
            Map.entry("they've", List.of("they have")),
            Map.entry("i'd", List.of("i would")),
            Map.entry("we'd", List.of("we would")),
            Map.entry("you'd", List.of("you would")),
            Map.entry("should've", List.of("should have")),
            Map.entry("could've", List.of("could have")),
            Map.entry("would've", List.of("would have")),
            Map.entry("let's", List.of("let us")));

    /**
     * A compiled phrase: its pattern (use with {@code lookingAt} from a word start), the words that can start it and,
     * for each, the words that can come right after it ({@code null}: any), so most tries end with a set lookup
     * instead of a regex; and the word beginnings that can start it.
     */
    record Compiled(String phrase, Pattern pattern, Map<String, Set<String>> triggers, Set<String> prefixTriggers) {

        Set<String> triggerWords() {
            return triggers.keySet();
        }
    }

    private PhraseCompiler() {
    }

    static Compiled compile(String phrase) {
        if (phrase == null || phrase.isBlank()) {
            throw new IllegalArgumentException("A phrase can't be blank.");
        }
        String source = phrase.strip().toLowerCase().replace('\u2019', '\'').replace('\u2018', '\'');
        Parser parser = new Parser(source);
        Seq seq = parser.sequence();
        if (parser.pos < source.length()) {
            throw invalid(phrase, "unexpected '" + source.charAt(parser.pos) + "'");
        }
        Map<String, Set<String>> triggers = new LinkedHashMap<>();
        Set<String> prefixes = new LinkedHashSet<>();
        firsts(seq.nodes(), List.of(), phrase, triggers, prefixes);
        StringBuilder regex = new StringBuilder();
        emit(seq, regex);
        try {
            return new Compiled(phrase, Pattern.compile(regex.toString()), Collections.unmodifiableMap(triggers),
                    Set.copyOf(prefixes));
        } catch (PatternSyntaxException e) {
            throw invalid(phrase, e.getDescription());
        }
    }

    /** The word a phrase word is looked up by: its leading letters, digits and apostrophes, without end apostrophes. */
    static String triggerOf(String word) {
        int end = 0;
        while (end < word.length() && isWordChar(word.charAt(end))) {
            end++;
        }
        int start = 0;
        while (start < end && word.charAt(start) == '\'') {
            start++;
        }
        while (end > start && word.charAt(end - 1) == '\'') {
            end--;
        }
        return word.substring(start, end);
    }

    /** Whether the whole phrase word is one token of text (no hyphen, slash or punctuation inside or after it). */
    private static boolean wholeToken(String word) {
        String trigger = triggerOf(word);
        return word.equals(trigger) || word.equals(trigger + "'") || word.equals("'" + trigger);
    }

    /** Letters, digits, apostrophes and the halves of emoji (so "🙄" is a word a rule can name). */
    static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '\'' || Character.isSurrogate(c);
    }

    private static IllegalArgumentException invalid(String phrase, String why) {
        return new IllegalArgumentException("Phrase \"" + phrase + "\": " + why);
    }

    // --- syntax tree -------------------------------------------------------------------------------------------

    private sealed interface Node permits Word, Alt, AnyWord, Gap, Number {
    }

    private record Word(String text, boolean prefix) implements Node {
    }

    private record Alt(List<Seq> branches, boolean optional) implements Node {
    }

    private record AnyWord() implements Node {
    }

    private record Gap() implements Node {
    }

    private record Number() implements Node {
    }

    private record Seq(List<Node> nodes) {
    }

    private static final class Parser {

        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        Seq sequence() {
            List<Node> nodes = new ArrayList<>();
            while (true) {
                skipSpaces();
                if (pos >= s.length()) {
                    break;
                }
                char c = s.charAt(pos);
                if (c == ')' || c == ']' || c == '|') {
                    break;
                }
                nodes.add(node());
            }
            if (nodes.isEmpty()) {
                throw invalid(s, "empty words at " + pos);
            }
            return new Seq(List.copyOf(nodes));
        }

        private Node node() {
            char c = s.charAt(pos);
            if (c == '(' || c == '[') {
                char close = c == '(' ? ')' : ']';
                pos++;
                List<Seq> branches = new ArrayList<>();
                branches.add(sequence());
                while (pos < s.length() && s.charAt(pos) == '|') {
                    pos++;
                    branches.add(sequence());
                }
                if (pos >= s.length() || s.charAt(pos) != close) {
                    throw invalid(s, "missing '" + close + "'");
                }
                pos++;
                return new Alt(List.copyOf(branches), close == ']');
            }
            int start = pos;
            while (pos < s.length() && !Character.isWhitespace(s.charAt(pos)) && "()[]|".indexOf(s.charAt(pos)) < 0) {
                pos++;
            }
            String text = s.substring(start, pos);
            if (text.equals("*")) {
                return new AnyWord();
            }
            if (text.equals("...")) {
                return new Gap();
            }
            if (text.equals("#")) {
                return new Number();
            }
            if (text.startsWith("?")) {
                throw invalid(s, "'?' does not make words optional here; write them in [square brackets]");
            }
            boolean prefix = text.length() > 1 && text.endsWith("*");
            return new Word(prefix ? text.substring(0, text.length() - 1) : text, prefix);
        }

        private void skipSpaces() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }
    }

    // --- triggers ----------------------------------------------------------------------------------------------

    /**
     * The words that can start {@code nodes} (followed by {@code rest}) and, for each, the words that can follow it;
     * {@code null} stands for "any word", which is always the safe answer.
     */
    private static void firsts(List<Node> nodes, List<Node> rest, String phrase, Map<String, Set<String>> triggers,
                               Set<String> prefixes) {
        Node first = nodes.getFirst();
        List<Node> after = concat(nodes.subList(1, nodes.size()), rest);
        switch (first) {
            case Word word -> {
                String trigger = triggerOf(word.text());
                if (trigger.isEmpty()) {
                    throw invalid(phrase, "it must start with a word, not '" + word.text() + "'");
                }
                if (word.prefix()) {
                    if (trigger.length() == word.text().length()) {
                        prefixes.add(trigger);
                    } else {
                        addTrigger(triggers, trigger, null);
                    }
                    return;
                }
                addTrigger(triggers, trigger, wholeToken(word.text()) ? starts(after) : null);
                for (String longForm : CONTRACTIONS.getOrDefault(word.text(), List.of())) {
                    String[] parts = longForm.split(" ");
                    addTrigger(triggers, parts[0], parts.length > 1 ? Set.of(parts[1]) : starts(after));
                }
            }
            case Alt alt when !alt.optional() -> alt.branches().forEach(b -> firsts(b.nodes(), after, phrase, triggers,
                    prefixes));
            case Number number -> addTrigger(triggers, NUMBER_TRIGGER, null);
            default -> throw invalid(phrase, "it must start with a word (not *, ... or [optional words])");
        }
    }

    private static void addTrigger(Map<String, Set<String>> triggers, String trigger, Set<String> next) {
        if (triggers.containsKey(trigger)) {
            Set<String> known = triggers.get(trigger);
            if (known == null || next == null) {
                triggers.put(trigger, null);
            } else {
                Set<String> union = new HashSet<>(known);
                union.addAll(next);
                triggers.put(trigger, Set.copyOf(union));
            }
        } else {
            triggers.put(trigger, next == null ? null : Set.copyOf(next));
        }
    }

    /** The words {@code nodes} can start with, or {@code null} when that can be any word (or nothing at all). */
    private static Set<String> starts(List<Node> nodes) {
        if (nodes.isEmpty()) {
            return null;
        }
        Node first = nodes.getFirst();
        List<Node> after = nodes.subList(1, nodes.size());
        switch (first) {
            case Word word -> {
                if (word.prefix() || triggerOf(word.text()).isEmpty()) {
                    return null;
                }
                Set<String> words = new HashSet<>();
                words.add(triggerOf(word.text()));
                for (String longForm : CONTRACTIONS.getOrDefault(word.text(), List.of())) {
                    words.add(longForm.split(" ")[0]);
                }
                return words;
            }
            case Alt alt -> {
                Set<String> words = new HashSet<>();
                for (Seq branch : alt.branches()) {
                    Set<String> branchStarts = starts(concat(branch.nodes(), after));
                    if (branchStarts == null) {
                        return null;
                    }
                    words.addAll(branchStarts);
                }
                if (alt.optional()) {
                    Set<String> skipped = starts(after);
                    if (skipped == null) {
                        return null;
                    }
                    words.addAll(skipped);
                }
                return words;
            }
            case Number number -> {
                return Set.of(NUMBER_TRIGGER);
            }
            default -> {
                return null;
            }
        }
    }

    private static List<Node> concat(List<Node> a, List<Node> b) {
        if (b.isEmpty()) {
            return a;
        }
        List<Node> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    // --- regex -------------------------------------------------------------------------------------------------

    private static void emit(Seq seq, StringBuilder out) {
        boolean separate = false;
        for (Node node : seq.nodes()) {
            switch (node) {
                case Alt alt when alt.optional() -> {
                    if (separate) {
                        out.append("(?:").append(SEP);
                        alternatives(alt, out);
                        out.append(")?");
                    } else {
                        out.append("(?:");
                        alternatives(alt, out);
                        out.append(SEP).append(")?");
                    }
                    separate = true;
                    continue;
                }
                case Gap gap -> {
                    out.append(GAP);
                    separate = true;
                    continue;
                }
                default -> {
                }
            }
            if (separate) {
                out.append(SEP);
            }
            switch (node) {
                case Word word -> word(word, out);
                case Alt alt -> alternatives(alt, out);
                case AnyWord any -> out.append(WORD);
                case Number number -> out.append("\\d+(?:[.:,]\\d+)*(?:am|pm|st|nd|rd|th|h)?").append(END_OF_WORD);
                case Gap gap -> throw new IllegalStateException();
            }
            separate = true;
        }
    }

    private static void alternatives(Alt alt, StringBuilder out) {
        out.append("(?:");
        for (int i = 0; i < alt.branches().size(); i++) {
            if (i > 0) {
                out.append('|');
            }
            emit(alt.branches().get(i), out);
        }
        out.append(')');
    }

    private static void word(Word word, StringBuilder out) {
        List<String> forms = new ArrayList<>();
        forms.add(word.text());
        if (!word.prefix()) {
            forms.addAll(CONTRACTIONS.getOrDefault(word.text(), List.of()));
        }
        if (forms.size() > 1) {
            out.append("(?:");
        }
        for (int i = 0; i < forms.size(); i++) {
            if (i > 0) {
                out.append('|');
            }
            String[] parts = forms.get(i).split(" ");
            for (int p = 0; p < parts.length; p++) {
                if (p > 0) {
                    out.append("\\s+");
                }
                out.append(Pattern.quote(parts[p]));
            }
        }
        if (forms.size() > 1) {
            out.append(')');
        }
        String text = word.text();
        if (word.prefix()) {
            out.append("[a-z0-9\\u00c0-\\u024f'-]*");
        } else if (Character.isLetterOrDigit(text.charAt(text.length() - 1))) {
            out.append(END_OF_WORD);
        }
    }
}
