package dev.rapport.agents;

/**
 * What a person may do in Rapport. {@code ADMIN} includes {@code LEAD}, which includes {@code AGENT}; a
 * {@code TEAMMATE} from another department works only on what is routed to their team.
 */
public enum Role {

    ADMIN("Admin", "Runs Rapport: mailboxes, teams, agents, limits and everything an agent does."),
    LEAD("Team lead", "Approves what agents may not grant alone and watches promises and waiting customers."),
    AGENT("Agent", "Answers customers on every channel, keeps promises and learns about customers."),
    TEAMMATE("Teammate", "Works in another department; sees what is routed to their team and does not write to customers.");

    private final String label;
    private final String description;

    Role(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
