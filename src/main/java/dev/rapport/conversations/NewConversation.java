package dev.rapport.conversations;

import dev.rapport.agents.Team;

/** What a channel (or an agent logging a call or walk-in) knows when a conversation starts. */
public record NewConversation(String subject, Requester requester, Channel channel, String firstMessage,
                              Team.TeamId team) {

    public NewConversation {
        if (subject == null || subject.isBlank()) {
            subject = firstMessage == null ? "(no subject)" : firstLine(firstMessage);
        }
        if (firstMessage == null || firstMessage.isBlank()) {
            throw new IllegalArgumentException("A conversation starts with a message.");
        }
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("(no subject)");
        return line.length() > 80 ? line.substring(0, 77) + "…" : line;
    }
}
