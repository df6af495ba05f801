package dev.rapport.conversations;

/** The queues an agent works from. All but {@link #SOLVED} list the longest-waiting customer first. */
public enum InboxView {

    UNASSIGNED("Unassigned"), MINE("Mine"), MY_TEAMS("My teams"), ALL_OPEN("All open"),
    WAITING_ON_US("Waiting on us"), WAITING_ON_CUSTOMER("Waiting on customer"), SOLVED("Solved");

    private final String label;

    InboxView(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String slug() {
        return name().toLowerCase().replace('_', '-');
    }

    public static InboxView fromSlug(String slug) {
        if (slug == null || slug.isBlank()) {
            return UNASSIGNED;
        }
        for (InboxView view : values()) {
            if (view.slug().equals(slug) || view.name().equalsIgnoreCase(slug)) {
                return view;
            }
        }
        throw new IllegalArgumentException("There is no inbox view called '" + slug + "'.");
    }
}
