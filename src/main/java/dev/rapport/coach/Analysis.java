package dev.rapport.coach;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** What the coach found in one draft, in text order. */
public record Analysis(List<Finding> findings, List<PositiveSignal> signals) {

    static final Analysis NOTHING = new Analysis(List.of(), List.of());

    public Analysis {
        findings = List.copyOf(findings);
        signals = List.copyOf(signals);
    }

    public Set<Category> categories() {
        Set<Category> categories = EnumSet.noneOf(Category.class);
        findings.forEach(finding -> categories.add(finding.category()));
        return categories;
    }

    /** The findings shown once more, without blocking, when the agent sends with them still open. */
    public List<Finding> worthASecondLook() {
        return findings.stream().filter(finding -> finding.category().worthASecondLook()).toList();
    }
}
