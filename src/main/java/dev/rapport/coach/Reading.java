package dev.rapport.coach;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One pass of the coach over one draft. Not thread-safe; made and thrown away per analysis. */
final class Reading {

    /** Replies shorter than this many words ("Thanks!", "See you at 9.") need no next step. */
    static final int NEXT_STEP_MIN_WORDS = 6;

    private final RuleBook book;
    private final Draft draft;
    private final Kind kind;
    private final String name;
    private final Hits[] ruleHits;
    private final Hits[] listHits;
    private final Matcher[] matchers;
    private final List<Finding> findings = new ArrayList<>();
    private final List<PositiveSignal> signals = new ArrayList<>();
    private int judgedWords;
    /** Refusals in our text (start, end), whatever the rest of the reply makes of them. */
    private final Hits refusalSpans = new Hits();

    Reading(RuleBook book, String text, Kind kind, Optional<String> preferredName) {
        this.book = book;
        this.draft = new Draft(text, book.words);
        this.kind = kind;
        this.name = preferredName.map(String::strip).filter(n -> !n.isEmpty()).orElse(null);
        this.ruleHits = new Hits[book.rules.size()];
        this.listHits = new Hits[book.listNames.size()];
        this.matchers = new Matcher[book.entryCount];
    }

    Analysis analysis() {
        scanWords();
        scanPatterns();
        if (kind == Kind.REPLY) {
            collectRefusals();
        }
        phraseRules();
        if (kind == Kind.REPLY) {
            refusals();
            shouting();
            name();
            nextStep();
            goodMoves();
        }
        return new Analysis(tidy(findings), signals.stream()
                .sorted(Comparator.comparingInt((PositiveSignal s) -> s.span().start())).toList());
    }

    // --- matching ----------------------------------------------------------------------------------------------

    /** Cuts our text into words once, then tries each phrase that can start at a word and fit the next one. */
    private void scanWords() {
        String lower = draft.lower;
        int n = draft.length;
        int[] starts = new int[Math.max(16, n / 4)];
        int[] ends = new int[starts.length];
        String[] tokens = new String[starts.length];
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (!draft.isOurs(i)) {
                continue;
            }
            char c = lower.charAt(i);
            if (!PhraseCompiler.isWordChar(c) || i > 0 && PhraseCompiler.isWordChar(lower.charAt(i - 1))) {
                continue;
            }
            int end = i;
            while (end < n && PhraseCompiler.isWordChar(lower.charAt(end))) {
                end++;
            }
            int start = i;
            while (start < end && lower.charAt(start) == '\'') {
                start++;
            }
            int tokenEnd = end;
            while (tokenEnd > start && lower.charAt(tokenEnd - 1) == '\'') {
                tokenEnd--;
            }
            if (start < tokenEnd) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                    ends = Arrays.copyOf(ends, count * 2);
                    tokens = Arrays.copyOf(tokens, count * 2);
                }
                starts[count] = start;
                ends[count] = tokenEnd;
                tokens[count] = lower.substring(start, tokenEnd);
                count++;
                if (draft.isJudged(start)) {
                    judgedWords++;
                }
            }
            i = end - 1;
        }
        int regionEnd = 0;
        for (int t = 0; t < count; t++) {
            int start = starts[t];
            if (regionEnd <= start) {
                regionEnd = start;
                while (regionEnd < n && draft.isOurs(regionEnd)) {
                    regionEnd++;
                }
            }
            String next = t + 1 < count && starts[t + 1] < regionEnd ? tokens[t + 1] : null;
            token(tokens[t], next, start, regionEnd);
        }
    }

    private void token(String token, String next, int start, int regionEnd) {
        RuleBook.Group group = book.byWord.get(token);
        if (group != null) {
            tryAll(group.anyNext(), start, regionEnd);
            tryAll(group.following(next), start, regionEnd);
            if (next != null && Character.isDigit(next.charAt(0))) {
                tryAll(group.following(PhraseCompiler.NUMBER_TRIGGER), start, regionEnd);
            }
        }
        if (Character.isDigit(token.charAt(0))) {
            tryAll(book.byNumber, start, regionEnd);
        }
        Map<String, RuleBook.Entry[]> prefixes = book.byPrefix.get(token.charAt(0));
        if (prefixes != null) {
            for (var prefix : prefixes.entrySet()) {
                if (token.startsWith(prefix.getKey())) {
                    tryAll(prefix.getValue(), start, regionEnd);
                }
            }
        }
    }

    private void tryAll(RuleBook.Entry[] entries, int start, int regionEnd) {
        for (RuleBook.Entry entry : entries) {
            Matcher matcher = matchers[entry.id()];
            if (matcher == null) {
                matcher = entry.pattern().matcher(draft.lower);
                matchers[entry.id()] = matcher;
            }
            matcher.region(start, regionEnd);
            if (matcher.lookingAt()) {
                hit(entry.owner(), start, matcher.end());
            }
        }
    }

    private void scanPatterns() {
        for (int r = 0; r < book.rules.size(); r++) {
            for (Pattern pattern : book.rules.get(r).scans()) {
                Matcher matcher = pattern.matcher(draft.lower);
                int i = 0;
                while (i < draft.length) {
                    if (!draft.isOurs(i)) {
                        i++;
                        continue;
                    }
                    int end = i;
                    while (end < draft.length && draft.isOurs(end)) {
                        end++;
                    }
                    matcher.region(i, end);
                    while (matcher.find()) {
                        if (matcher.end() > matcher.start()) {
                            hit(r, matcher.start(), matcher.end());
                        }
                    }
                    i = end;
                }
            }
        }
    }

    private void hit(int owner, int start, int end) {
        Hits[] hits = owner >= 0 ? ruleHits : listHits;
        int index = owner >= 0 ? owner : -owner - 1;
        if (hits[index] == null) {
            hits[index] = new Hits();
        }
        hits[index].add(start, end);
    }

    private boolean cancelled(RuleBook.Rule rule, int start, int end) {
        if (rule.sentenceStart() && !atSentenceStart(start)) {
            return true;
        }
        for (int i = 0; i < rule.unlessLists().length; i++) {
            if (found(rule.unlessLists()[i], rule.unlessScopes()[i], start, end)) {
                return true;
            }
        }
        return false;
    }

    private boolean found(int list, RuleFile.Scope scope, int start, int end) {
        Hits hits = listHits[list];
        if (hits == null) {
            return false;
        }
        int sentence = scope == RuleFile.Scope.SENTENCE || scope == RuleFile.Scope.NEAR ? draft.sentenceOf(start) : 0;
        for (int h = 0; h < hits.size; h++) {
            int s = hits.start(h);
            int e = hits.end(h);
            boolean inScope = switch (scope) {
                case OVERLAP -> s < end && start < e;
                case SENTENCE -> draft.sentenceOf(s) == sentence;
                case NEAR -> Math.abs(draft.sentenceOf(s) - sentence) <= 1;
                case REPLY -> true;
            };
            if (inScope) {
                return true;
            }
        }
        return false;
    }

    // --- phrase rules ------------------------------------------------------------------------------------------

    private void phraseRules() {
        for (int r = 0; r < book.rules.size(); r++) {
            RuleBook.Rule rule = book.rules.get(r);
            Hits hits = ruleHits[r];
            if (hits == null || rule.refusal() || !rule.kinds().contains(kind)) {
                continue;
            }
            for (int h = 0; h < hits.size; h++) {
                int start = hits.start(h);
                int end = hits.end(h);
                if (!cancelled(rule, start, end)) {
                    findings.add(new Finding(rule.category(), new Span(start, end), rule.id(), rule.why(),
                            rule.suggestion(), replacement(rule.replacement(), start)));
                }
            }
        }
    }

    private void collectRefusals() {
        for (int r = 0; r < book.rules.size(); r++) {
            RuleBook.Rule rule = book.rules.get(r);
            Hits hits = ruleHits[r];
            if (hits == null || !rule.refusal() || !rule.kinds().contains(kind)) {
                continue;
            }
            for (int h = 0; h < hits.size; h++) {
                int start = hits.start(h);
                int end = hits.end(h);
                if (draft.isJudged(start) && !cancelled(rule, start, end)) {
                    refusalSpans.add(start, end);
                    refusalSpans.tag(r);
                }
            }
        }
    }

    /**
     * A refusal is a cold no when nothing around it sympathises and nothing offers what we (or they) can do; with
     * sympathy but still no "can" it is a can't without a can; with a "can" it is a good no and not marked. The "we
     * can" inside "there's nothing we can do" is part of the refusal, not a can.
     */
    private void refusals() {
        if (refusalSpans.size == 0 || anyJudged(book.alternative, true)) {
            return;
        }
        Category category = anyJudged(book.empathy, true) ? Category.CANT_WITHOUT_CAN : Category.COLD_NO;
        RuleFile.Check check = book.checks.get(category);
        for (int h = 0; h < refusalSpans.size; h++) {
            RuleBook.Rule rule = book.rules.get(refusalSpans.tagOf(h));
            String why = rule.custom() && rule.why() != null ? rule.why() : check.why();
            findings.add(new Finding(category, new Span(refusalSpans.start(h), refusalSpans.end(h)), rule.id(), why,
                    check.suggestion(), Optional.empty()));
        }
    }

    /**
     * Whether a phrase of the list occurs in the text we judge, leaving out phrases inside a refusal, a sarcastic
     * remark or (for sympathy) a robotic formula.
     */
    private boolean anyJudged(int list, boolean notScripted) {
        Hits hits = list < 0 ? null : listHits[list];
        if (hits == null) {
            return false;
        }
        Hits not = book.notNextStep < 0 ? null : listHits[book.notNextStep];
        for (int h = 0; h < hits.size; h++) {
            int start = hits.start(h);
            int end = hits.end(h);
            if (draft.isJudged(start) && !overlaps(refusalSpans, start, end) && !overlaps(not, start, end)
                    && !within(Category.SARCASM, start, end) && !(notScripted && scripted(start, end))) {
                return true;
            }
        }
        return false;
    }

    private static boolean overlaps(Hits hits, int start, int end) {
        if (hits == null) {
            return false;
        }
        for (int h = 0; h < hits.size; h++) {
            if (hits.start(h) < end && start < hits.end(h)) {
                return true;
            }
        }
        return false;
    }

    private boolean within(Category category, int start, int end) {
        for (Finding finding : findings) {
            if (finding.category() == category && finding.span().start() < end && start < finding.span().end()) {
                return true;
            }
        }
        return false;
    }

    /** Words inside a robotic formula ("we apologise for any inconvenience") count neither as sympathy nor as a can. */
    private boolean scripted(int start, int end) {
        return within(Category.ROBOTIC_SCRIPT, start, end);
    }

    // --- shouting ----------------------------------------------------------------------------------------------

    private void shouting() {
        String text = draft.text;
        int n = draft.length;
        RuleFile.Check check = book.checks.get(Category.SHOUTING);
        int runStart = -1;
        int runEnd = -1;
        boolean runLoud = false;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (!draft.isJudged(i)) {
                continue;
            }
            if (c == '!' || c == '?') {
                int end = i;
                int bangs = 0;
                boolean question = false;
                while (end < n && (text.charAt(end) == '!' || text.charAt(end) == '?')) {
                    bangs += text.charAt(end) == '!' ? 1 : 0;
                    question |= text.charAt(end) == '?';
                    end++;
                }
                if (question && end - i >= 2 || bangs >= 3) {
                    findings.add(new Finding(Category.SHOUTING, new Span(i, end), "shouting.punctuation",
                            check.why(), check.suggestion(), Optional.of(question ? "?" : "!")));
                }
                i = end - 1;
                continue;
            }
            if (!Character.isLetter(c) || i > 0 && isWordPart(text.charAt(i - 1))) {
                continue;
            }
            if (!Character.isUpperCase(c)) {
                closeRun(runStart, runEnd, runLoud, check);
                runStart = -1;
                while (i + 1 < n && isWordPart(text.charAt(i + 1))) {
                    i++;
                }
                continue;
            }
            int end = i;
            int letters = 0;
            boolean upper = true;
            while (end < n && (Character.isLetter(text.charAt(end))
                    || isApostrophe(text.charAt(end)) && end + 1 < n && Character.isLetter(text.charAt(end + 1)))) {
                if (Character.isLetter(text.charAt(end))) {
                    letters++;
                    upper &= Character.isUpperCase(text.charAt(end));
                }
                end++;
            }
            boolean nextToDigit = end < n && (Character.isDigit(text.charAt(end))
                    || text.charAt(end) == '-' && end + 1 < n && Character.isLetterOrDigit(text.charAt(end + 1))
                    && !Character.isLowerCase(text.charAt(end + 1)));
            boolean capitals = upper && letters >= 2 && !nextToDigit;
            if (capitals) {
                String word = text.substring(i, end).replaceAll("['\u2019]", "").toUpperCase(Locale.ROOT);
                boolean loud = letters >= 4 ? !book.acronyms.contains(word) : book.shortShoutingWords.contains(word);
                if (runStart >= 0 && onlySpaces(runEnd, i)) {
                    runEnd = end;
                    runLoud |= loud;
                } else {
                    closeRun(runStart, runEnd, runLoud, check);
                    runStart = i;
                    runEnd = end;
                    runLoud = loud;
                }
            } else {
                closeRun(runStart, runEnd, runLoud, check);
                runStart = -1;
            }
            i = end - 1;
        }
        closeRun(runStart, runEnd, runLoud, check);
    }

    private void closeRun(int start, int end, boolean loud, RuleFile.Check check) {
        if (start < 0 || !loud) {
            return;
        }
        String quiet = draft.text.substring(start, end).toLowerCase(Locale.ROOT);
        if (atSentenceStart(start)) {
            quiet = Character.toUpperCase(quiet.charAt(0)) + quiet.substring(1);
        }
        findings.add(new Finding(Category.SHOUTING, new Span(start, end), "shouting.capitals", check.why(),
                check.suggestion(), Optional.of(quiet)));
    }

    private boolean onlySpaces(int from, int to) {
        for (int i = from; i < to; i++) {
            if (draft.text.charAt(i) != ' ') {
                return false;
            }
        }
        return true;
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || isApostrophe(c);
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '\u2019';
    }

    // --- the customer's name -----------------------------------------------------------------------------------

    private void name() {
        if (name == null || draft.bodyStart >= draft.length) {
            return;
        }
        int from = draft.greetingStart >= 0 ? draft.greetingStart : draft.bodyStart;
        int to = draft.sentenceEnd(draft.sentenceOf(draft.bodyStart));
        Span found = findName(from, to);
        if (found != null) {
            signals.add(new PositiveSignal(Signal.USES_NAME, found, book.signals.get(Signal.USES_NAME).id(),
                    book.signals.get(Signal.USES_NAME).why()));
            return;
        }
        RuleFile.Check check = book.checks.get(Category.MISSING_NAME);
        Span span;
        String replacement;
        if (draft.greetingStart >= 0) {
            span = new Span(draft.greetingStart, draft.greetingEnd);
            String line = span.of(draft.text);
            String salutation = salutation(line);
            char last = line.charAt(line.length() - 1);
            replacement = salutation + " " + name + (last == '!' || last == ':' ? String.valueOf(last) : ",");
        } else {
            span = new Span(draft.bodyStart, draft.bodyStart);
            replacement = "Hi " + name + ",\n\n";
        }
        findings.add(new Finding(Category.MISSING_NAME, span, check.id(), check.why().replace("{name}", name),
                check.suggestion().replace("{name}", name), Optional.of(replacement)));
    }

    /** The preferred name as a whole word (or words) between {@code from} and {@code to}, ignoring case. */
    private Span findName(int from, int to) {
        String[] parts = name.toLowerCase(Locale.ROOT).replace('\u2019', '\'').split("\\s+");
        int at = from;
        while (at < to) {
            int start = draft.lower.indexOf(parts[0], at);
            if (start < 0 || start >= to) {
                return null;
            }
            int end = start + parts[0].length();
            for (int p = 1; p < parts.length && end > 0; p++) {
                int next = end;
                while (next < to && Character.isWhitespace(draft.lower.charAt(next))) {
                    next++;
                }
                end = next > end && draft.lower.startsWith(parts[p], next) ? next + parts[p].length() : -1;
            }
            if (end > 0 && end <= to && (start == 0 || !Character.isLetterOrDigit(draft.lower.charAt(start - 1)))
                    && (end == draft.length || !Character.isLetterOrDigit(draft.lower.charAt(end)))) {
                return new Span(start, end);
            }
            at = start + 1;
        }
        return null;
    }

    private String salutation(String line) {
        String lower = line.toLowerCase(Locale.ROOT);
        String best = null;
        for (String greeting : book.words.greetings()) {
            if (lower.startsWith(greeting) && (lower.length() == greeting.length()
                    || !Character.isLetter(lower.charAt(greeting.length())))
                    && (best == null || greeting.length() > best.length())) {
                best = greeting;
            }
        }
        if (best == null) {
            return "Hi";
        }
        String original = line.substring(0, best.length());
        return Character.toUpperCase(original.charAt(0)) + original.substring(1).toLowerCase(Locale.ROOT);
    }

    // --- next step ---------------------------------------------------------------------------------------------

    private void nextStep() {
        if (judgedWords < NEXT_STEP_MIN_WORDS) {
            return;
        }
        if (anyJudged(book.nextStep, false) || anyJudged(book.closure, false) || anyJudged(book.alternative, false)) {
            return;
        }
        for (Finding finding : findings) {
            if (finding.category() == Category.VAGUE_PROMISE || finding.category() == Category.SEND_AWAY) {
                return;
            }
        }
        for (int i = 0; i < draft.length; i++) {
            if (draft.text.charAt(i) == '?' && draft.isJudged(i) && !sarcasticSentence(draft.sentenceOf(i))) {
                return;
            }
        }
        for (int sentence = 0; sentence < draft.sentenceCount(); sentence++) {
            if (imperative(draft.sentenceStart(sentence), draft.sentenceEnd(sentence))) {
                return;
            }
        }
        int last = draft.length - 1;
        while (last >= 0 && (!draft.isJudged(last) || Character.isWhitespace(draft.text.charAt(last)))) {
            last--;
        }
        if (last < 0) {
            return;
        }
        int start = Math.max(draft.sentenceStart(draft.sentenceOf(last)), draft.bodyStart);
        if (start > last) {
            start = draft.sentenceStart(draft.sentenceOf(last));
        }
        RuleFile.Check check = book.checks.get(Category.NO_NEXT_STEP);
        findings.add(new Finding(Category.NO_NEXT_STEP, new Span(start, last + 1), check.id(), check.why(),
                check.suggestion(), Optional.empty()));
    }

    /** A sentence that tells the customer to do something ("Bring it in on Monday", "Never share your password"). */
    private boolean imperative(int start, int end) {
        int i = start;
        for (int words = 0; words < 3 && i < end; words++) {
            if (!draft.isJudged(i)) {
                return false;
            }
            int wordEnd = i;
            while (wordEnd < end && PhraseCompiler.isWordChar(draft.lower.charAt(wordEnd))) {
                wordEnd++;
            }
            if (wordEnd == i) {
                return false;
            }
            String word = draft.lower.substring(i, wordEnd);
            boolean compound = wordEnd < end && draft.lower.charAt(wordEnd) == '-';
            if (book.imperatives.contains(word) && !compound) {
                return !sarcasticSentence(draft.sentenceOf(start));
            }
            if (!book.imperativeOpeners.contains(word)) {
                return false;
            }
            i = wordEnd;
            while (i < end && (draft.lower.charAt(i) == ' ' || draft.lower.charAt(i) == ',')) {
                i++;
            }
        }
        return false;
    }

    private boolean sarcasticSentence(int sentence) {
        for (Finding finding : findings) {
            if (finding.category() == Category.SARCASM && draft.sentenceOf(finding.span().start()) == sentence) {
                return true;
            }
        }
        return false;
    }

    // --- good moves --------------------------------------------------------------------------------------------

    private void goodMoves() {
        signal(Signal.EMPATHY, book.empathy, true);
        signal(Signal.HONEST_EXPECTATION, book.honesty, false);
        Hits steps = listHits[book.nextStep];
        Hits times = listHits[book.time];
        if (steps == null || times == null) {
            return;
        }
        RuleFile.SignalText text = book.signals.get(Signal.CLEAR_NEXT_STEP);
        int lastSentence = -1;
        for (int h = 0; h < steps.size; h++) {
            int start = steps.start(h);
            int sentence = draft.sentenceOf(start);
            if (!draft.isJudged(start) || sentence == lastSentence) {
                continue;
            }
            for (int t = 0; t < times.size; t++) {
                if (draft.sentenceOf(times.start(t)) == sentence && times.start(t) >= start) {
                    signals.add(new PositiveSignal(Signal.CLEAR_NEXT_STEP, new Span(start, times.end(t)), text.id(),
                            text.why()));
                    lastSentence = sentence;
                    break;
                }
            }
        }
    }

    private void signal(Signal signal, int list, boolean notScripted) {
        Hits hits = listHits[list];
        if (hits == null) {
            return;
        }
        RuleFile.SignalText text = book.signals.get(signal);
        int lastEnd = -1;
        for (int h = 0; h < hits.size; h++) {
            int start = hits.start(h);
            int end = hits.end(h);
            if (draft.isJudged(start) && start >= lastEnd && !(notScripted && scripted(start, end))) {
                signals.add(new PositiveSignal(signal, new Span(start, end), text.id(), text.why()));
                lastEnd = end;
            }
        }
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private Optional<String> replacement(String replacement, int start) {
        if (replacement == null) {
            return Optional.empty();
        }
        if (!replacement.isEmpty() && (atSentenceStart(start) || Character.isUpperCase(draft.text.charAt(start)))) {
            return Optional.of(Character.toUpperCase(replacement.charAt(0)) + replacement.substring(1));
        }
        return Optional.of(replacement);
    }

    private boolean atSentenceStart(int position) {
        return draft.sentenceStart(draft.sentenceOf(position)) == position;
    }

    /** Text order; of overlapping findings of one category, the first and longest stays. */
    private static List<Finding> tidy(List<Finding> findings) {
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(Comparator.comparingInt((Finding f) -> f.span().start())
                .thenComparing(f -> -(f.span().end() - f.span().start())));
        List<Finding> kept = new ArrayList<>(sorted.size());
        for (Finding finding : sorted) {
            boolean overlapped = false;
            for (Finding other : kept) {
                if (other.category() == finding.category() && other.span().start() < Math.max(finding.span().end(),
                        finding.span().start() + 1) && finding.span().start() < Math.max(other.span().end(),
                        other.span().start() + 1)) {
                    overlapped = true;
                    break;
                }
            }
            if (!overlapped) {
                kept.add(finding);
            }
        }
        return kept;
    }

    /** Start and end offsets of matches, as a growable pair of int arrays. */
    private static final class Hits {

        private int[] data = new int[8];
        private int[] tags;
        private int size;

        void tag(int tag) {
            if (tags == null || tags.length < data.length / 2) {
                tags = tags == null ? new int[data.length / 2] : Arrays.copyOf(tags, data.length / 2);
            }
            tags[size - 1] = tag;
        }

        int tagOf(int index) {
            return tags[index];
        }

        void add(int start, int end) {
            if (size * 2 == data.length) {
                data = Arrays.copyOf(data, data.length * 2);
            }
            data[size * 2] = start;
            data[size * 2 + 1] = end;
            size++;
        }

        int start(int index) {
            return data[index * 2];
        }

        int end(int index) {
            return data[index * 2 + 1];
        }
    }
}
