package dev.rapport.chat;

import dev.rapport.agents.Team;

/** What the admin sets on a chat widget. {@code allowedOrigins} as typed: one website origin per line. */
public record WidgetTerms(String name, Team.TeamId team, String colour, String greeting, String offlineMessage,
                          String allowedOrigins, ChatWidget.Field nameField, ChatWidget.Field emailField,
                          boolean officeHours) {
}
