package dev.rapport.authority;

/** Where an approval request stands: waiting for someone with the authority, or decided one way or the other. */
public enum ApprovalState {
    PENDING("Waiting"),
    APPROVED("Approved"),
    DECLINED("Declined"),
    WITHDRAWN("Withdrawn");

    private final String label;

    ApprovalState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
