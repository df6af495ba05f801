package dev.rapport.coach;

/** A good move the coach recognises, so agents learn what works and not only what fails. */
public enum Signal {

    HONEST_EXPECTATION("Honest expectation"),
    EMPATHY("Empathy"),
    CLEAR_NEXT_STEP("Clear next step"),
    USES_NAME("Uses their name");

    private final String label;

    Signal(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
