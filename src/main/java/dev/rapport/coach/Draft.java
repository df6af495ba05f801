package dev.rapport.coach;

import java.util.Arrays;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text prepared for reading: lower-cased with straight apostrophes (same offsets as the original), which parts
 * are ours (not quoted customer mail, not text attributed to someone else), where the signature starts, where the
 * greeting is, and where each sentence starts.
 */
final class Draft {

    static final byte OURS = 0;
    static final byte QUOTED = 1;
    static final byte SIGNATURE = 2;

    private static final int MAX_QUOTE = 400;

    final String text;
    final String lower;
    final int length;
    final byte[] mask;
    /** The greeting line, or -1 when the text does not open with one. */
    int greetingStart = -1;
    int greetingEnd = -1;
    /** The first character after the greeting (or of the text, when there is none). */
    int bodyStart;
    private int[] sentenceStarts;
    private int sentenceCount;

    Draft(String text, Words words) {
        this.text = text;
        this.length = text.length();
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            chars[i] = c == '\u2019' || c == '\u2018' || c == '\u02bc' ? '\'' : Character.toLowerCase(c);
        }
        this.lower = new String(chars);
        this.mask = new byte[length];
        markQuotedHistory();
        markQuotedLines();
        markAttributedQuotes(words.attribution());
        findSentences();
        findGreetingAndSignature(words);
    }

    boolean isOurs(int i) {
        return mask[i] != QUOTED;
    }

    boolean isJudged(int i) {
        return mask[i] == OURS;
    }

    int sentenceOf(int position) {
        int index = Arrays.binarySearch(sentenceStarts, 0, sentenceCount, position);
        return index >= 0 ? index : -index - 2;
    }

    int sentenceStart(int sentence) {
        return sentenceStarts[Math.max(0, sentence)];
    }

    int sentenceEnd(int sentence) {
        return sentence + 1 < sentenceCount ? sentenceStarts[sentence + 1] : length;
    }

    int sentenceCount() {
        return sentenceCount;
    }

    // --- quoted text -------------------------------------------------------------------------------------------

    /** From an "On … wrote:" line, an "-----Original Message-----" line or a "From:/Sent:" header on, it's history. */
    private void markQuotedHistory() {
        int lineStart = 0;
        while (lineStart < length) {
            int lineEnd = lineEnd(lineStart);
            int s = lineStart;
            while (s < lineEnd && (lower.charAt(s) == ' ' || lower.charAt(s) == '\t')) {
                s++;
            }
            int e = trimEnd(s, lineEnd);
            if (startsHistory(s, e, lineEnd)) {
                Arrays.fill(mask, lineStart, length, QUOTED);
                return;
            }
            lineStart = lineEnd + 1;
        }
    }

    private boolean startsHistory(int s, int e, int lineEnd) {
        if (e - s < 5) {
            return false;
        }
        if (lower.startsWith("on ", s)) {
            if (lower.startsWith("wrote:", e - 6) && e - s < 300) {
                return true;
            }
            int nextEnd = lineEnd < length ? trimEnd(lineEnd + 1, lineEnd(lineEnd + 1)) : -1;
            return nextEnd > 0 && nextEnd - s < 500 && lower.startsWith("wrote:", nextEnd - 6);
        }
        if (lower.charAt(s) == '-' && lower.startsWith("--", s)) {
            String line = lower.substring(s, e);
            return line.contains("original message") || line.contains("forwarded message");
        }
        if (lower.startsWith("from:", s) && lineEnd < length) {
            int next = lineEnd + 1;
            while (next < length && (lower.charAt(next) == ' ' || lower.charAt(next) == '\t')) {
                next++;
            }
            return lower.startsWith("sent:", next) || lower.startsWith("date:", next);
        }
        return false;
    }

    private void markQuotedLines() {
        int lineStart = 0;
        while (lineStart < length) {
            int lineEnd = lower.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = length;
            }
            int i = lineStart;
            while (i < lineEnd && (lower.charAt(i) == ' ' || lower.charAt(i) == '\t')) {
                i++;
            }
            if (i < lineEnd && lower.charAt(i) == '>') {
                Arrays.fill(mask, lineStart, lineEnd, QUOTED);
            }
            lineStart = lineEnd + 1;
        }
    }

    /** Quotation marks after "you wrote", "she said", "it says" and the like hold someone else's words. */
    private void markAttributedQuotes(Pattern attribution) {
        for (int i = 0; i < length; i++) {
            char c = lower.charAt(i);
            if (mask[i] == QUOTED) {
                continue;
            }
            char close;
            if (c == '\u201c') {
                close = '\u201d';
            } else if (c == '"') {
                close = '"';
            } else if (c == '\'' && text.charAt(i) == '\u2018' || c == '\'' && opensStraightQuote(i)) {
                close = '\'';
            } else {
                continue;
            }
            int end = closingQuote(i + 1, close);
            if (end < 0) {
                continue;
            }
            if (attributed(i, end, attribution)) {
                Arrays.fill(mask, i, end + 1, QUOTED);
            }
            i = end;
        }
    }

    private boolean opensStraightQuote(int i) {
        boolean before = i == 0 || Character.isWhitespace(lower.charAt(i - 1)) || "([".indexOf(lower.charAt(i - 1)) >= 0;
        return before && i + 1 < length && Character.isLetterOrDigit(lower.charAt(i + 1));
    }

    private int closingQuote(int from, char close) {
        int limit = Math.min(length, from + MAX_QUOTE);
        for (int j = from; j < limit; j++) {
            char c = lower.charAt(j);
            if (c == '\n' && j + 1 < length && lower.charAt(j + 1) == '\n') {
                return -1;
            }
            if (close == '\'') {
                if (c == '\'' && !Character.isWhitespace(lower.charAt(j - 1))
                        && (j + 1 == length || !Character.isLetterOrDigit(lower.charAt(j + 1)))) {
                    return j;
                }
            } else if (c == close || close == '\u201d' && c == '"') {
                return j;
            }
        }
        return -1;
    }

    private boolean attributed(int open, int close, Pattern attribution) {
        int from = open;
        int steps = 0;
        while (from > 0 && steps < 80) {
            char c = lower.charAt(from - 1);
            if (c == '\n' || c == '.' || c == '!' || c == '?') {
                break;
            }
            from--;
            steps++;
        }
        if (attribution.matcher(lower).region(from, open).find()) {
            return true;
        }
        int to = Math.min(length, close + 1 + 40);
        Matcher after = attribution.matcher(lower).region(close + 1, to);
        return after.lookingAt() || after.find() && after.start() <= close + 1 + 15;
    }

    // --- sentences ---------------------------------------------------------------------------------------------

    private void findSentences() {
        int[] starts = new int[16];
        int count = 0;
        starts[count++] = 0;
        for (int i = 0; i < length; i++) {
            char c = lower.charAt(i);
            boolean boundary = c == '\n'
                    || (c == '.' || c == '!' || c == '?' || c == ';' || c == ':')
                    && (i + 1 == length || Character.isWhitespace(lower.charAt(i + 1)));
            if (!boundary) {
                continue;
            }
            int next = i + 1;
            while (next < length && Character.isWhitespace(lower.charAt(next))) {
                next++;
            }
            if (next < length && next > starts[count - 1]) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = next;
            }
            i = next - 1;
        }
        this.sentenceStarts = starts;
        this.sentenceCount = count;
    }

    // --- greeting and signature --------------------------------------------------------------------------------

    private void findGreetingAndSignature(Words words) {
        int regionStart = 0;
        while (regionStart < length && (mask[regionStart] == QUOTED || Character.isWhitespace(lower.charAt(regionStart)))) {
            regionStart++;
        }
        bodyStart = regionStart;
        if (regionStart >= length) {
            return;
        }
        int firstLineEnd = lineEnd(regionStart);
        if (isGreeting(regionStart, firstLineEnd, words.greetings())) {
            greetingStart = regionStart;
            greetingEnd = trimEnd(regionStart, firstLineEnd);
            bodyStart = firstLineEnd;
            while (bodyStart < length && Character.isWhitespace(lower.charAt(bodyStart))) {
                bodyStart++;
            }
        }
        markSignatures(words.closings());
    }

    private boolean isGreeting(int start, int end, Set<String> greetings) {
        int trimmedEnd = trimEnd(start, end);
        if (trimmedEnd - start > 60 || end >= length) {
            return false;
        }
        String line = lower.substring(start, trimmedEnd);
        int words = line.split("\\s+").length;
        for (String greeting : greetings) {
            if (line.startsWith(greeting) && (line.length() == greeting.length()
                    || !Character.isLetter(line.charAt(greeting.length())))) {
                return words <= 8;
            }
        }
        char last = line.charAt(line.length() - 1);
        return words <= 4 && (last == ',' || last == '!');
    }

    /** Marks each of our stretches' sign-off (from a closing line such as "Best," on) as signature. */
    private void markSignatures(Set<String> closings) {
        int i = 0;
        while (i < length) {
            if (mask[i] == QUOTED) {
                i++;
                continue;
            }
            int regionEnd = i;
            while (regionEnd < length && mask[regionEnd] != QUOTED) {
                regionEnd++;
            }
            markSignature(i, regionEnd, closings);
            i = regionEnd;
        }
    }

    private void markSignature(int start, int end, Set<String> closings) {
        int contentLines = 0;
        int lineStart = start;
        while (lineStart < end) {
            int lineEnd = Math.min(lineEnd(lineStart), end);
            int s = lineStart;
            while (s < lineEnd && Character.isWhitespace(lower.charAt(s))) {
                s++;
            }
            int e = trimEnd(s, lineEnd);
            if (e > s) {
                if (contentLines > 0 && s != greetingStart && isClosing(s, e, closings)) {
                    Arrays.fill(mask, s, end, SIGNATURE);
                    return;
                }
                contentLines++;
            }
            lineStart = lineEnd + 1;
        }
        markTrailingSignOff(start, end);
    }

    private boolean isClosing(int s, int e, Set<String> closings) {
        if (e - s > 40) {
            return false;
        }
        String line = lower.substring(s, e);
        String bare = line.replaceAll("[\\s,.!]+$", "");
        if (closings.contains(bare)) {
            return true;
        }
        return line.endsWith(",") && line.split("\\s+").length <= 6;
    }

    /** Without a closing line, a last short paragraph without sentence punctuation ("Tom", "Toy Corner") signs. */
    private void markTrailingSignOff(int start, int end) {
        int e = trimEnd(start, end);
        int paragraph = lower.lastIndexOf("\n\n", e - 1);
        if (paragraph < start || e <= paragraph) {
            return;
        }
        int s = paragraph + 2;
        while (s < e && Character.isWhitespace(lower.charAt(s))) {
            s++;
        }
        String block = lower.substring(s, e);
        String[] lines = block.split("\n");
        if (lines.length > 3) {
            return;
        }
        for (String line : lines) {
            String t = line.strip();
            if (t.length() > 40 || !t.isEmpty() && ".!?:;)".indexOf(t.charAt(t.length() - 1)) >= 0) {
                return;
            }
        }
        Arrays.fill(mask, s, end, SIGNATURE);
    }

    private int lineEnd(int from) {
        int end = lower.indexOf('\n', from);
        return end < 0 ? length : end;
    }

    private int trimEnd(int start, int end) {
        while (end > start && Character.isWhitespace(lower.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    /** Plain word lists from the rule file that shape how a text is read. */
    record Words(Set<String> greetings, Set<String> closings, Pattern attribution) {
    }
}
