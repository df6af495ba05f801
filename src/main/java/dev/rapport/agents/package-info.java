/**
 * The people who work in Rapport: agents, their roles ({@code ADMIN}, {@code LEAD}, {@code AGENT}, {@code TEAMMATE})
 * and teams, sign-in with throttling, invitations, password changes and personal API tokens. Publishes
 * {@link dev.rapport.agents.AgentCreated}, {@link dev.rapport.agents.AgentDeactivated} and
 * {@link dev.rapport.agents.TeamCreated}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package dev.rapport.agents;
