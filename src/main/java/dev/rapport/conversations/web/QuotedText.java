package dev.rapport.conversations.web;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a plain-text message into what the person wrote now and the quoted history below it ("> ..." lines and
 * everything after an "On ... wrote:" line), so the page can fold the history without losing a word of it.
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
                    || line.equals("-----Original Message-----")) {
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
}
