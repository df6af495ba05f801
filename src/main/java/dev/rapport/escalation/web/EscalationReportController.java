package dev.rapport.escalation.web;

import dev.rapport.agents.Role;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.escalation.NotYours;
import dev.rapport.escalation.EscalationReport;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The escalation report for leads and admins: how often, to where, how long to resolution, over 7 to 365 days. */
@Controller
class EscalationReportController {

    static final List<Integer> PERIODS = List.of(7, 30, 90, 365);

    private final EscalationReport report;
    private final Clock clock;

    EscalationReportController(EscalationReport report, Clock clock) {
        this.report = report;
        this.clock = clock;
    }

    @GetMapping("/escalation/report")
    String report(@AuthenticationPrincipal SignedInAgent me, @RequestParam(defaultValue = "30") int days,
                  Model model) {
        if (me.role() != Role.LEAD && me.role() != Role.ADMIN) {
            throw new NotYours("The escalation report is for leads and admins.");
        }
        int period = PERIODS.contains(days) ? days : 30;
        Instant now = clock.instant();
        EscalationReport.Figures figures = report.between(now.minus(Duration.ofDays(period)), now);
        model.addAttribute("total", view(figures.total()));
        model.addAttribute("byDestination", figures.byDestination().stream().map(EscalationReportController::view)
                .toList());
        model.addAttribute("byTopic", figures.byTopic().stream().map(EscalationReportController::view).toList());
        model.addAttribute("days", period);
        model.addAttribute("periods", PERIODS);
        return "escalation/report";
    }

    /** A line of the report as the page shows it. */
    record LineView(String name, long escalations, long handedOver, long resolved, String median) {
    }

    private static LineView view(EscalationReport.Line line) {
        return new LineView(line.name(), line.escalations(), line.handedOver(), line.resolved(),
                spoken(line.medianToResolution()));
    }

    /** "3 h 12 min" or a dash. */
    static String spoken(Duration duration) {
        return duration == null ? "—" : dev.rapport.shared.web.Durations.between(Instant.EPOCH,
                Instant.EPOCH.plus(duration));
    }
}
