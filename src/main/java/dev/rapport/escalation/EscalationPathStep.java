package dev.rapport.escalation;

/** One step of an {@link EscalationPath}; part of the aggregate, kept in order. */
record EscalationPathStep(java.util.UUID agent, java.util.UUID team) {

    Specialist specialist() {
        return new Specialist(agent, team);
    }

    static EscalationPathStep of(Specialist specialist) {
        return new EscalationPathStep(specialist.agent(), specialist.team());
    }
}
