package dev.rapport.conversations.web;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a plain-text message into what the person wrote now and the quoted history below it ("> ..." lines and
 * everything after an "On ... wrote:" line, Outlook's "From: … Sent: …" block, the French and German attributions,
 * a "-- " signature), so the page can fold the history without losing a word of it.
 */
public final class QuotedText {

    public record Parts(String fresh, String quoted) {
        public boolean hasQuote() {
            return quoted != null && !quoted.isBlank();
        }
    }

    private QuotedText() {
    }

    static Parts split(String body) {
        List<String> lines = body.lines().toList();
        int cut = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith(">") || (line.startsWith("On ") && line.endsWith("wrote:"))
                    || line.equals("-----Original Message-----") || attribution(line)
                    || lines.get(i).equals("-- ") || outlookHeader(lines, i)) {
                cut = i;
                break;
            }
        }
        if (cut <= 0 || String.join("", lines.subList(cut, lines.size())).isBlank()) {
            return new Parts(body, null);
        }
        return new Parts(String.join("\n", lines.subList(0, cut)).stripTrailing(),
                String.join("\n", new ArrayList<>(lines.subList(cut, lines.size()))));
    }

    private static boolean attribution(String line) {
        return (line.startsWith("Le ") && (line.endsWith("a écrit :") || line.endsWith("a écrit:")))
                || (line.startsWith("Am ") && line.contains("schrieb") && line.endsWith(":"));
    }

    /** Outlook quotes without "> ": a "From:" line with a "Sent:" line right below (after a rule, often). */
    private static boolean outlookHeader(List<String> lines, int i) {
        String line = lines.get(i).strip();
        if (line.matches("_{10,}") && i + 1 < lines.size()) {
            return lines.get(i + 1).strip().startsWith("From:");
        }
        return line.startsWith("From:") && i + 1 < lines.size() && lines.get(i + 1).strip().startsWith("Sent:");
    }
}
