package dev.rapport.coach;

/**
 * Where a finding sits in the analysed text: {@code start} inclusive, {@code end} exclusive, in UTF-16 offsets as
 * JavaScript counts them. An empty span ({@code start == end}) marks a place to insert, such as a missing greeting.
 */
public record Span(int start, int end) {

    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("Not a span: " + start + ".." + end);
        }
    }

    public String of(String text) {
        return text.substring(start, end);
    }
}
