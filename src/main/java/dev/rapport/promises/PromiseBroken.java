package dev.rapport.promises;

import java.util.UUID;

/**
 * A promise's deadline passed without the work done and the customer told, or a new date agreed.
 *
 * @param owner     the agent who was to do it, or null when a team was
 * @param ownerTeam the team that was to do it, or null
 */
public record PromiseBroken(UUID promise, UUID conversation, UUID owner, UUID ownerTeam, String what, String why) {
}
