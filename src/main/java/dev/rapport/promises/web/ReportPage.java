package dev.rapport.promises.web;

import dev.rapport.promises.PromiseReport;
import dev.rapport.promises.PromiseTally;
import dev.rapport.promises.ReportPeriod;

import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The report as the page shows it: names instead of ids, rates and durations in words, the chart drawn. Methods the
 * template calls are public: the template engine calls no others.
 *
 * @param agents one line per owning agent, by name
 * @param teams  one line per owning team, by name
 */
record ReportPage(ReportPeriod period, Line overall, List<Line> agents, List<Line> teams, TrendChart trend,
                  PromiseReport.PerConversation perConversation, List<Broken> broken) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    /** One row of figures: the business, an agent or a team. */
    record Line(String name, PromiseTally tally) {

        public String rate() {
            return ReportWording.rate(tally);
        }

        public String ratePercent() {
            return String.format(Locale.ROOT, "%.1f", ReportWording.ratePercent(tally));
        }

        public boolean rated() {
            return tally.due() > 0;
        }

        public String lateness() {
            return ReportWording.lateness(tally.averageLateness());
        }
    }

    /** A broken promise with who owned it in words. */
    record Broken(PromiseReport.BrokenPromise promise, String owner) {

        public String lateness() {
            return promise.lateness().map(ReportWording::duration).orElse(null);
        }
    }

    static ReportPage of(PromiseReport.Figures figures, String overallName, Map<UUID, String> agentNames,
                         Map<UUID, String> teamNames) {
        List<Line> agents = lines(figures.byAgent(), agentNames, "An agent no longer here");
        List<Line> teams = lines(figures.byTeam(), teamNames, "A team no longer here");
        List<Broken> broken = figures.broken().stream()
                .map(promise -> new Broken(promise, owner(promise, agentNames, teamNames))).toList();
        return new ReportPage(figures.period(), new Line(overallName, figures.overall()), agents, teams,
                TrendChart.of(figures.weeks()), figures.perConversation(), broken);
    }

    /** "2 Mar 2026 – 26 Apr 2026" */
    public String days() {
        return DAY.format(period.from()) + " – " + DAY.format(period.to());
    }

    public String perConversationAverage() {
        return perConversation.average().stream().mapToObj(ReportWording::oneDecimal).findFirst().orElse("—");
    }

    /** Broken promises the period has beyond those listed. */
    public long brokenNotListed() {
        return overall.tally().broken() - broken.size();
    }

    private static List<Line> lines(Map<UUID, PromiseTally> tallies, Map<UUID, String> names, String unknown) {
        return tallies.entrySet().stream()
                .map(entry -> new Line(names.getOrDefault(entry.getKey(), unknown), entry.getValue()))
                .sorted(Comparator.comparing(Line::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    private static String owner(PromiseReport.BrokenPromise promise, Map<UUID, String> agents,
                                Map<UUID, String> teams) {
        if (promise.owner() != null) {
            return agents.getOrDefault(promise.owner(), "An agent no longer here");
        }
        return promise.ownerTeam() == null ? "Nobody" : teams.getOrDefault(promise.ownerTeam(), "A team no longer here") + " (team)";
    }
}
