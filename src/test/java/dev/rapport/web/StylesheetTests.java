package dev.rapport.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one stylesheet stays well formed: every block closes, so no section ends up inside a media query (one merge left
 * a phone-width query open, and every style after it applied to phones only).
 */
class StylesheetTests {

    @Test
    void everyBlockClosesBeforeTheNextSectionStarts() throws IOException {
        String css = Files.readString(Path.of("src/main/resources/static/css/rapport.css"))
                .replaceAll("(?s)/\\*.*?\\*/", "");
        int depth = 0;
        int line = 1;
        for (char c : css.toCharArray()) {
            if (c == '\n') {
                line++;
            }
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            assertThat(depth).as("closing brace without an opening one near line %d", line).isNotNegative();
        }
        assertThat(depth).as("blocks left open at the end of the stylesheet").isZero();
    }

    @Test
    void sectionCommentsStandAtTheTopLevel() throws IOException {
        int depth = 0;
        int number = 0;
        for (String line : Files.readAllLines(Path.of("src/main/resources/static/css/rapport.css"))) {
            number++;
            if (line.startsWith("/*")) {
                assertThat(depth).as("section comment inside a block at line %d: %s", number, line).isZero();
            }
            String code = line.replaceAll("/\\*.*?\\*/", "");
            depth += (int) code.chars().filter(c -> c == '{').count() - (int) code.chars().filter(c -> c == '}').count();
        }
    }
}
