package dev.rapport.phone;

import dev.rapport.agents.Team;

import java.util.UUID;

/** A phone is ringing (or an outbound call began): the routed team's agents see the caller's card. */
public record CallStarted(Call.CallId call, Team.TeamId team, UUID customer) {
}
