package dev.rapport.chat.web;

import dev.rapport.agents.Team;
import dev.rapport.chat.ChatWidget;
import dev.rapport.chat.WidgetTerms;

import java.util.UUID;

/** The chat widget form as typed. */
record WidgetForm(String name, String team, String colour, String greeting, String offlineMessage,
                  String allowedOrigins, String nameField, String emailField, Boolean officeHours) {

    static WidgetForm blank() {
        return new WidgetForm("", "", "#22614f", "Hi there! How can we help you today?",
                "We are not online right now. Leave your email address and message and we will answer by email.",
                "", "OPTIONAL", "OPTIONAL", true);
    }

    static WidgetForm of(ChatWidget widget) {
        return new WidgetForm(widget.name(), widget.team().map(t -> t.value().toString()).orElse(""), widget.colour(),
                widget.greeting(), widget.offlineMessage(), String.join("\n", widget.allowedOrigins()),
                widget.nameField().name(), widget.emailField().name(), widget.officeHours());
    }

    /** @throws IllegalArgumentException for a field that is not one of the choices */
    WidgetTerms terms() {
        Team.TeamId teamId = team == null || team.isBlank() ? null : new Team.TeamId(UUID.fromString(team));
        return new WidgetTerms(name, teamId, colour, greeting, offlineMessage, allowedOrigins, field(nameField),
                field(emailField), Boolean.TRUE.equals(officeHours));
    }

    private static ChatWidget.Field field(String value) {
        try {
            return value == null || value.isBlank() ? ChatWidget.Field.OPTIONAL : ChatWidget.Field.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Choose whether the pre-chat form asks for it.");
        }
    }
}
