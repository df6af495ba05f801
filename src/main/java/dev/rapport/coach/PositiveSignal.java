package dev.rapport.coach;

/** A good move found in a draft, with the words that make it and why it works. */
public record PositiveSignal(Signal signal, Span span, String ruleId, String why) {
}
