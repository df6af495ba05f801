package dev.rapport.coach;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * A rule file (plus any rules added at runtime) compiled for reading: every phrase indexed by the words that can
 * start it. Immutable, so one book serves any number of threads; adding rules builds a new book.
 */
final class RuleBook {

    static final String EMPATHY = "empathy";
    static final String ALTERNATIVE = "alternative";
    static final String NEXT_STEP = "nextStep";
    static final String CLOSURE = "closure";
    static final String TIME = "time";
    static final String HONESTY = "honesty";
    private static final List<String> REQUIRED_LISTS = List.of(EMPATHY, ALTERNATIVE, NEXT_STEP, CLOSURE, TIME, HONESTY);
    private static final Set<Category> CHECKS = EnumSet.of(Category.COLD_NO, Category.CANT_WITHOUT_CAN,
            Category.SHOUTING, Category.MISSING_NAME, Category.NO_NEXT_STEP);

    /** A compiled rule. Refusal rules (cold no, can't without can) only mark refusals; the reading decides. */
    record Rule(String id, Category category, Set<Kind> kinds, List<Pattern> scans, boolean sentenceStart,
                int[] unlessLists, RuleFile.Scope[] unlessScopes, String why, String suggestion, String replacement,
                boolean custom) {

        boolean refusal() {
            return category == Category.COLD_NO || category == Category.CANT_WITHOUT_CAN;
        }
    }

    /** One phrase: whose it is (a rule when {@code owner >= 0}, else list {@code -owner - 1}). */
    record Entry(int id, Pattern pattern, int owner) {
    }

    /**
     * The phrases that start with one word, split by the word that must come next, so that a word in the text
     * costs two lookups rather than a try per phrase.
     */
    record Group(Entry[] anyNext, Map<String, Entry[]> byNext) {

        static final Entry[] NONE = new Entry[0];

        Entry[] following(String next) {
            Entry[] entries = next == null ? null : byNext.get(next);
            return entries == null ? NONE : entries;
        }
    }

    final RuleFile file;
    final List<Rule> rules = new ArrayList<>();
    final List<String> listNames = new ArrayList<>();
    final Map<String, Group> byWord;
    /** Phrases starting with a word beginning ("apologi*"), grouped by the beginning's first letter. */
    final Map<Character, Map<String, Entry[]>> byPrefix;
    final Entry[] byNumber;
    final int entryCount;
    final Draft.Words words;
    final Set<String> acronyms;
    final Set<String> shortShoutingWords;
    final Map<Category, RuleFile.Check> checks;
    final Map<Signal, RuleFile.SignalText> signals = new EnumMap<>(Signal.class);
    final int empathy;
    final int alternative;
    final int nextStep;
    final int closure;
    final int time;
    final int honesty;
    /** Phrases that look like a next step but are not ("please be advised"); -1 when the file has none. */
    final int notNextStep;
    final Set<String> imperatives;
    final Set<String> imperativeOpeners;
    private final List<PhraseRule> custom;

    RuleBook(RuleFile file, Collection<PhraseRule> custom) {
        this.file = file;
        this.custom = List.copyOf(custom);
        Map<String, Map<String, List<Entry>>> words = new HashMap<>();
        Map<String, List<Entry>> prefixes = new HashMap<>();
        List<Entry> numbers = new ArrayList<>();
        Indexer indexer = new Indexer(words, prefixes, numbers);

        Map<String, List<String>> lists = file.lists() == null ? Map.of() : file.lists();
        for (String required : REQUIRED_LISTS) {
            if (!lists.containsKey(required)) {
                throw new IllegalArgumentException("The rule file needs a list \"" + required + "\".");
            }
        }
        lists.forEach((name, phrases) -> indexer.list(name, phrases));
        this.empathy = listNames.indexOf(EMPATHY);
        this.alternative = listNames.indexOf(ALTERNATIVE);
        this.nextStep = listNames.indexOf(NEXT_STEP);
        this.closure = listNames.indexOf(CLOSURE);
        this.time = listNames.indexOf(TIME);
        this.honesty = listNames.indexOf(HONESTY);
        this.notNextStep = listNames.indexOf("notNextStep");

        Set<String> ids = new HashSet<>();
        for (RuleFile.Rule rule : file.rules()) {
            if (!ids.add(rule.id())) {
                throw new IllegalArgumentException("Two rules have the id " + rule.id() + ".");
            }
            indexer.rule(rule, false);
        }
        for (PhraseRule rule : this.custom) {
            if (!ids.add(rule.id())) {
                throw new IllegalArgumentException("There is already a rule with the id " + rule.id() + ".");
            }
            indexer.rule(new RuleFile.Rule(rule.id(), rule.category(), null, rule.phrases(), null, null, null,
                    rule.why(), rule.suggestion(), rule.replacement()), true);
        }

        Map<String, Group> groups = new HashMap<>(words.size() * 2);
        words.forEach((word, byNext) -> {
            List<Entry> any = byNext.getOrDefault(ANY, List.of());
            Map<String, Entry[]> specific = new HashMap<>();
            byNext.forEach((next, entries) -> {
                if (!next.equals(ANY)) {
                    specific.put(next, entries.toArray(Entry[]::new));
                }
            });
            groups.put(word, new Group(any.toArray(Entry[]::new), Map.copyOf(specific)));
        });
        this.byWord = groups;
        Map<Character, Map<String, Entry[]>> byFirstLetter = new HashMap<>();
        freeze(prefixes).forEach((prefix, entries) -> byFirstLetter
                .computeIfAbsent(prefix.charAt(0), letter -> new HashMap<>()).put(prefix, entries));
        this.byPrefix = Map.copyOf(byFirstLetter);
        this.byNumber = numbers.toArray(Entry[]::new);
        this.entryCount = indexer.next;

        Map<String, List<String>> plain = file.words() == null ? Map.of() : file.words();
        this.words = new Draft.Words(set(plain, "greetings"), set(plain, "closings"), attribution(plain));
        this.imperatives = set(plain, "imperatives");
        this.imperativeOpeners = set(plain, "imperativeOpeners");
        this.acronyms = plain.getOrDefault("acronyms", List.of()).stream()
                .map(word -> word.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        this.shortShoutingWords = plain.getOrDefault("shortShoutingWords", List.of()).stream()
                .map(word -> word.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        this.checks = file.checks() == null ? Map.of() : new EnumMap<>(file.checks());
        for (Category check : CHECKS) {
            if (!checks.containsKey(check)) {
                throw new IllegalArgumentException("The rule file needs the texts of the " + check + " check.");
            }
        }
        if (file.signals() != null) {
            file.signals().forEach(text -> signals.put(text.signal(), text));
        }
        for (Signal signal : Signal.values()) {
            if (!signals.containsKey(signal)) {
                throw new IllegalArgumentException("The rule file needs the text of the " + signal + " signal.");
            }
        }
    }

    List<PhraseRule> custom() {
        return custom;
    }

    RuleBook withCustom(Collection<PhraseRule> rules) {
        return new RuleBook(file, rules);
    }

    private static Set<String> set(Map<String, List<String>> words, String name) {
        return words.getOrDefault(name, List.of()).stream().map(word -> word.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    private static Pattern attribution(Map<String, List<String>> words) {
        List<String> verbs = words.getOrDefault("attribution", List.of());
        if (verbs.isEmpty()) {
            return Pattern.compile("(?!)");
        }
        return Pattern.compile("(?<![\\p{L}'])(?:" + verbs.stream()
                .map(verb -> Pattern.quote(verb.toLowerCase(Locale.ROOT)).replace(" ", "\\E\\s+\\Q"))
                .collect(Collectors.joining("|")) + ")(?![\\p{L}])");
    }

    private static Map<String, Entry[]> freeze(Map<String, List<Entry>> map) {
        Map<String, Entry[]> frozen = new HashMap<>(map.size() * 2);
        map.forEach((key, entries) -> frozen.put(key, entries.toArray(Entry[]::new)));
        return frozen;
    }

    /** The key of phrases that any word may follow. */
    private static final String ANY = "\u0000any";

    private final class Indexer {

        private final Map<String, Map<String, List<Entry>>> words;
        private final Map<String, List<Entry>> prefixes;
        private final List<Entry> numbers;
        private int next;

        Indexer(Map<String, Map<String, List<Entry>>> words, Map<String, List<Entry>> prefixes, List<Entry> numbers) {
            this.words = words;
            this.prefixes = prefixes;
            this.numbers = numbers;
        }

        int list(String name, List<String> phrases) {
            if (listNames.contains(name)) {
                throw new IllegalArgumentException("Two lists are called " + name + ".");
            }
            listNames.add(name);
            int owner = -listNames.size();
            for (String phrase : phrases) {
                add(PhraseCompiler.compile(phrase), owner);
            }
            return listNames.size() - 1;
        }

        void rule(RuleFile.Rule rule, boolean custom) {
            if (rule.id() == null || rule.id().isBlank() || rule.category() == null) {
                throw new IllegalArgumentException("Every rule needs an id and a category: " + rule);
            }
            boolean refusal = rule.category() == Category.COLD_NO || rule.category() == Category.CANT_WITHOUT_CAN;
            if (!refusal && (rule.why() == null || rule.suggestion() == null)) {
                throw new IllegalArgumentException("Rule " + rule.id() + " needs a why and a suggestion.");
            }
            int owner = rules.size();
            List<RuleFile.Condition> conditions = rule.unless() != null ? rule.unless()
                    : file.defaults() == null ? List.of() : file.defaults().getOrDefault(rule.category(), List.of());
            int[] lists = new int[conditions.size()];
            RuleFile.Scope[] scopes = new RuleFile.Scope[conditions.size()];
            for (int i = 0; i < conditions.size(); i++) {
                RuleFile.Condition condition = conditions.get(i);
                scopes[i] = condition.scope() == null ? RuleFile.Scope.SENTENCE : condition.scope();
                if (condition.list() != null) {
                    lists[i] = listNames.indexOf(condition.list());
                    if (lists[i] < 0) {
                        throw new IllegalArgumentException("Rule " + rule.id() + " refers to an unknown list "
                                + condition.list() + ".");
                    }
                } else if (condition.phrases() != null && !condition.phrases().isEmpty()) {
                    lists[i] = list(rule.id() + "#unless" + i, condition.phrases());
                } else {
                    throw new IllegalArgumentException("A condition of rule " + rule.id() + " names no list or phrases.");
                }
            }
            List<Pattern> scans = new ArrayList<>();
            if (rule.patterns() != null) {
                for (String pattern : rule.patterns()) {
                    try {
                        scans.add(Pattern.compile(pattern));
                    } catch (PatternSyntaxException e) {
                        throw new IllegalArgumentException("Rule " + rule.id() + ": " + e.getDescription(), e);
                    }
                }
            }
            Set<Kind> kinds = rule.kinds() == null || rule.kinds().isEmpty() ? EnumSet.of(rule.category().kind())
                    : EnumSet.copyOf(rule.kinds());
            rules.add(new Rule(rule.id(), rule.category(), kinds, List.copyOf(scans),
                    Boolean.TRUE.equals(rule.sentenceStart()), lists, scopes, rule.why(), rule.suggestion(),
                    rule.replacement(), custom));
            if (rule.phrases() != null) {
                for (String phrase : rule.phrases()) {
                    add(PhraseCompiler.compile(phrase), owner);
                }
            }
            if ((rule.phrases() == null || rule.phrases().isEmpty()) && scans.isEmpty()) {
                throw new IllegalArgumentException("Rule " + rule.id() + " has no phrases.");
            }
        }

        private void add(PhraseCompiler.Compiled compiled, int owner) {
            Entry entry = new Entry(next++, compiled.pattern(), owner);
            compiled.triggers().forEach((trigger, following) -> {
                if (trigger.equals(PhraseCompiler.NUMBER_TRIGGER)) {
                    numbers.add(entry);
                    return;
                }
                Map<String, List<Entry>> byNext = words.computeIfAbsent(trigger, key -> new HashMap<>());
                for (String word : following == null ? Set.of(ANY) : following) {
                    byNext.computeIfAbsent(word, key -> new ArrayList<>()).add(entry);
                }
            });
            for (String prefix : compiled.prefixTriggers()) {
                prefixes.computeIfAbsent(prefix, key -> new ArrayList<>()).add(entry);
            }
        }
    }
}
