package dev.rapport.coach;

import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The phrase syntax rule authors and admins write. */
class PhraseCompilerTests {

    private static String match(String phrase, String lowerText) {
        Matcher matcher = PhraseCompiler.compile(phrase).pattern().matcher(lowerText);
        return matcher.lookingAt() ? lowerText.substring(0, matcher.end()) : null;
    }

    @Test
    void wordsMatchInOrderWithAnyWhitespaceAndAnOptionalComma() {
        assertThat(match("call us back", "call  us\nback later")).isEqualTo("call  us\nback");
        assertThat(match("no problem", "no, problem")).isEqualTo("no, problem");
        assertThat(match("soon", "sooner")).isNull();
    }

    @Test
    void contractionsMatchTheirLongForms() {
        assertThat(match("we can't", "we cannot do that")).isEqualTo("we cannot");
        assertThat(match("we can't", "we can not do that")).isEqualTo("we can not");
        assertThat(match("i'll try", "i will try")).isEqualTo("i will try");
        assertThat(match("we can", "we can't")).isNull();
        assertThat(PhraseCompiler.compile("can't wait").triggerWords()).contains("can't", "cannot", "can", "cant");
    }

    @Test
    void alternativesOptionalWordsWildcardsGapsAndNumbers() {
        assertThat(match("(call|ring) us back", "ring us back")).isEqualTo("ring us back");
        assertThat(match("try [again] later", "try later")).isEqualTo("try later");
        assertThat(match("try [again] later", "try again later")).isEqualTo("try again later");
        assertThat(match("apologi* for", "apologize for")).isEqualTo("apologize for");
        assertThat(match("i * doubt", "i highly doubt")).isEqualTo("i highly doubt");
        assertThat(match("hope ... soon", "hope to see you back soon")).isEqualTo("hope to see you back soon");
        assertThat(match("hope ... soon", "hope it works. see you soon")).isNull();
        assertThat(match("by #", "by 5pm")).isEqualTo("by 5pm");
        assertThat(match("at #", "at 10:30")).isEqualTo("at 10:30");
    }

    @Test
    void eachFirstWordKnowsWhichWordsMayFollowIt() {
        assertThat(PhraseCompiler.compile("call us back").triggers()).containsEntry("call", java.util.Set.of("us"));
        assertThat(PhraseCompiler.compile("can't wait").triggers())
                .containsEntry("can't", java.util.Set.of("wait"))
                .containsEntry("can", java.util.Set.of("not"));
        assertThat(PhraseCompiler.compile("try [again] later").triggers().get("try")).containsOnly("again", "later");
        assertThat(PhraseCompiler.compile("i * doubt").triggers()).containsKey("i");
        assertThat(PhraseCompiler.compile("i * doubt").triggers().get("i")).isNull();
        assertThat(PhraseCompiler.compile("(at|by) #").triggers().get("by")).containsOnly("#");
    }

    @Test
    void aPhraseMustStartWithAWordAndBeWellFormed() {
        assertThatThrownBy(() -> PhraseCompiler.compile("[please] call")).hasMessageContaining("start with a word");
        assertThatThrownBy(() -> PhraseCompiler.compile("* call")).hasMessageContaining("start with a word");
        assertThatThrownBy(() -> PhraseCompiler.compile("(call us")).hasMessageContaining("missing ')'");
        assertThatThrownBy(() -> PhraseCompiler.compile("try (again)? later")).hasMessageContaining("square brackets");
        assertThatThrownBy(() -> PhraseCompiler.compile(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
