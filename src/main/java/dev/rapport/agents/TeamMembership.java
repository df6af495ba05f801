package dev.rapport.agents;

import java.util.UUID;

/** An agent's membership of a team; part of the {@link Agent} aggregate, referring to the team by id. */
record TeamMembership(UUID team) {
}
