package dev.rapport.coach;

/**
 * What a finding is about. The numbers are the ones agents and leads see in the coaching stats; categories 1–5 are the
 * ones worth a second look before sending, 1–10 apply to replies and 11 to internal notes.
 */
public enum Category {

    BLAME_SHIFTING(1, "Blame-shifting"),
    SARCASM(2, "Sarcasm or condescension"),
    SEND_AWAY(3, "Sending them away"),
    VAGUE_PROMISE(4, "Vague or false promise"),
    COLD_NO(5, "Cold no"),
    CANT_WITHOUT_CAN(6, "Can't without can"),
    ROBOTIC_SCRIPT(7, "Robotic script"),
    SHOUTING(8, "Shouting"),
    MISSING_NAME(9, "Missing name"),
    NO_NEXT_STEP(10, "No next step"),
    NOTE_DISRESPECT(11, "Disrespect in a note");

    private final int number;
    private final String label;

    Category(int number, String label) {
        this.number = number;
        this.label = label;
    }

    public int number() {
        return number;
    }

    public String label() {
        return label;
    }

    /** The kind of text this category is looked for in. */
    public Kind kind() {
        return this == NOTE_DISRESPECT ? Kind.NOTE : Kind.REPLY;
    }

    /** Whether a phrase can be added to this category; missing name and no next step look at the whole reply. */
    public boolean acceptsPhrases() {
        return this != MISSING_NAME && this != NO_NEXT_STEP;
    }

    /** Whether an open finding of this category is shown once more when the agent sends (never blocking). */
    public boolean worthASecondLook() {
        return number <= 5;
    }
}
