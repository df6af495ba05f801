package dev.rapport.coach;

import java.util.Optional;

/**
 * One thing the coach would change in a draft. {@code ruleId} is stable across releases and identifies, with the
 * category, what an agent dismisses ("I meant it"). A replacement, where there is one, replaces exactly the span.
 */
public record Finding(Category category, Span span, String ruleId, String why, String suggestion,
                      Optional<String> replacement) {
}
