package dev.rapport.escalation;

import dev.rapport.agents.SignedInAgent;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The escalation paths admins define, one per topic, and the path a conversation's tags put it on. Saving a topic that
 * has a path replaces its steps. Every change is audited.
 */
@Service
@Transactional
public class PathBook {

    /** More steps than this is not a path but a committee. */
    public static final int MAX_STEPS = 5;

    private final EscalationPaths paths;
    private final SpecialistDirectory directory;
    private final EscalationAudit audit;
    private final Clock clock;

    PathBook(EscalationPaths paths, SpecialistDirectory directory, EscalationAudit audit, Clock clock) {
        this.paths = paths;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Defines the path for a topic, or replaces its steps.
     *
     * @param steps form values ({@code team:<id>}, {@code agent:<id>}); blanks are skipped
     */
    public EscalationPath define(String topic, String name, List<String> steps, SignedInAgent admin) {
        if (!admin.isAdmin()) {
            throw new EscalationRejected("form", "Only admins change escalation paths.");
        }
        String tag = normaliseTopic(topic);
        if (tag.isEmpty()) {
            throw new EscalationRejected("topic", "Name the tag this path is for, like billing.");
        }
        if (tag.length() > 60) {
            throw new EscalationRejected("topic", "A tag can be at most 60 characters.");
        }
        String label = name == null || name.isBlank() ? tag : name.strip();
        if (label.length() > 200) {
            throw new EscalationRejected("name", "A name can be at most 200 characters.");
        }
        List<Specialist> chosen = new ArrayList<>();
        Set<Specialist> seen = new HashSet<>();
        for (String step : steps) {
            if (step == null || step.isBlank()) {
                continue;
            }
            Specialist specialist = Specialist.parse(step)
                    .orElseThrow(() -> new EscalationRejected("steps", "Choose each step from the list."));
            directory.require(specialist, "steps");
            if (!seen.add(specialist)) {
                throw new EscalationRejected("steps", directory.nameOf(specialist) + " is on the path twice.");
            }
            chosen.add(specialist);
        }
        if (chosen.isEmpty()) {
            throw new EscalationRejected("steps", "Choose at least one team or person to bring in.");
        }
        if (chosen.size() > MAX_STEPS) {
            throw new EscalationRejected("steps", "A path has at most " + MAX_STEPS + " steps.");
        }
        Optional<EscalationPath> existing = paths.findByTopic(tag);
        existing.ifPresent(paths::delete);
        EscalationPath path = paths.save(EscalationPath.of(tag, label, chosen, clock.instant()));
        audit.record(existing.isPresent() ? "path-changed" : "path-defined", null, admin.id().value(), admin.name(),
                label + " (" + tag + "): " + describe(path), clock.instant());
        return path;
    }

    public void remove(UUID id, SignedInAgent admin) {
        if (!admin.isAdmin()) {
            throw new EscalationRejected("form", "Only admins change escalation paths.");
        }
        paths.findById(id).ifPresent(path -> {
            paths.delete(path);
            audit.record("path-removed", null, admin.id().value(), admin.name(),
                    path.name() + " (" + path.topic() + ")", clock.instant());
        });
    }

    @Transactional(readOnly = true)
    public List<EscalationPath> all() {
        return paths.findAllByOrderByTopicAsc();
    }

    /** The path for the first of the tags (alphabetically) that has one. */
    @Transactional(readOnly = true)
    public Optional<EscalationPath> forTags(Set<String> tags) {
        return tags.stream().sorted().map(paths::findByTopic).flatMap(Optional::stream).findFirst();
    }

    /** "Billing team → Priya Shah (Finance)". */
    public String describe(EscalationPath path) {
        return path.steps().stream().map(directory::describe).collect(Collectors.joining(" → "));
    }

    static String normaliseTopic(String topic) {
        return topic == null ? "" : topic.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-")
                .replaceAll("[^\\p{L}\\p{N}_-]", "");
    }
}
