package dev.rapport.phone;

import dev.rapport.agents.Team;

/** A call ended, answered or not; it is in the customer's history from now on. */
public record CallEnded(Call.CallId call, Team.TeamId team, Call.Reason reason) {
}
