package dev.rapport.customers;

import java.util.Map;

/** Values that do not fit their attributes, by attribute key; nothing was saved. */
public class InvalidAttributes extends IllegalArgumentException {

    private final Map<String, String> problems;

    InvalidAttributes(Map<String, String> problems) {
        super(String.join(" ", problems.values()));
        this.problems = Map.copyOf(problems);
    }

    public Map<String, String> problems() {
        return problems;
    }
}
