package dev.rapport.conversations;

import dev.rapport.agents.Agent;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the agents a note mentions: {@code @maria} matches an agent whose first name or email name is "maria";
 * {@code @maria.lopez} or {@code @marialopez} match the full name. Unknown names are ignored.
 */
final class Mentions {

    private static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{N}._%+-])@([\\p{L}\\p{N}][\\p{L}\\p{N}._-]*)");

    private Mentions() {
    }

    static Set<Agent.AgentId> in(String text, List<Agent> agents) {
        Set<Agent.AgentId> found = new LinkedHashSet<>();
        Matcher matcher = MENTION.matcher(text);
        while (matcher.find()) {
            String handle = normalise(matcher.group(1).replaceAll("[._-]+$", ""));
            for (Agent agent : agents) {
                if (agent.isActive() && handles(agent).contains(handle)) {
                    found.add(agent.id());
                }
            }
        }
        return found;
    }

    private static Set<String> handles(Agent agent) {
        String name = agent.name().strip();
        String email = agent.email().value();
        return new java.util.HashSet<>(List.of(normalise(name.split("\\s+")[0]), normalise(name),
                normalise(email.substring(0, email.indexOf('@')))));
    }

    private static String normalise(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[\\s._-]", "");
    }
}
