package dev.rapport.chat;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A widget's allowlist: origins as browsers send them, nothing else. */
class ChatWidgetTests {

    private static WidgetTerms terms(String origins) {
        return new WidgetTerms("Shop", null, "#22614F", "Hi!", "We are away.", origins, ChatWidget.Field.OPTIONAL,
                ChatWidget.Field.REQUIRED, false);
    }

    @Test
    void allowsExactlyTheOriginsTyped() {
        ChatWidget widget = ChatWidget.create(terms("https://Shop.example\nhttp://localhost:8081, https://shop.example/"),
                "cw_key", "cws_secret", Instant.now());

        assertThat(widget.allowedOrigins()).containsExactly("https://shop.example", "http://localhost:8081");
        assertThat(widget.allows("https://shop.example")).isTrue();
        assertThat(widget.allows("http://localhost:8081")).isTrue();
        assertThat(widget.allows("http://shop.example")).isFalse();
        assertThat(widget.allows("https://evil.example")).isFalse();
        assertThat(widget.allows("http://localhost:8082")).isFalse();
        assertThat(widget.allows(null)).isFalse();
        assertThat(widget.colour()).isEqualTo("#22614f");
    }

    @Test
    void refusesAPathANonWebSchemeOrNoOriginAtAll() {
        assertThatThrownBy(() -> ChatWidget.create(terms("https://shop.example/help"), "k", "s", Instant.now()))
                .hasMessageContaining("no path");
        assertThatThrownBy(() -> ChatWidget.create(terms("ftp://shop.example"), "k", "s", Instant.now()))
                .hasMessageContaining("not a website origin");
        assertThatThrownBy(() -> ChatWidget.create(terms("  "), "k", "s", Instant.now()))
                .hasMessageContaining("at least one website");
    }

    @Test
    void refusesAColourThatIsNotAHexColour() {
        WidgetTerms red = new WidgetTerms("Shop", null, "red; background:url(x)", "Hi", "Away",
                "https://shop.example", null, null, false);
        assertThatThrownBy(() -> ChatWidget.create(red, "k", "s", Instant.now())).hasMessageContaining("colour");
    }
}
