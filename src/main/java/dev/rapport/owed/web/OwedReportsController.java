package dev.rapport.owed.web;

import dev.rapport.agents.Role;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.business.BusinessCalendar;
import dev.rapport.owed.OwedSearch;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * The aging report (what is still owed by age, per department and currency) and the CSV export of the entries the
 * page lists, for the spreadsheet accounting keeps anyway. Teammates see only what is routed to them in both.
 */
@Controller
class OwedReportsController {

    private static final int MOST_ROWS = 10_000;

    private final OwedSearch search;
    private final OwedViews views;
    private final BusinessCalendar calendar;
    private final Clock clock;

    OwedReportsController(OwedSearch search, OwedViews views, BusinessCalendar calendar, Clock clock) {
        this.search = search;
        this.views = views;
        this.calendar = calendar;
        this.clock = clock;
    }

    @GetMapping("/owed/aging")
    String aging(@AuthenticationPrincipal SignedInAgent me, Model model) {
        model.addAttribute("report", AgingReport.of(search.aging(me), views.names()));
        model.addAttribute("ages", OwedSearch.Age.values());
        model.addAttribute("today", OwedViews.day(clock.instant(), calendar.zone(), clock.instant()));
        return "owed/aging";
    }

    @GetMapping(value = "/owed/export.csv")
    ResponseEntity<String> export(@AuthenticationPrincipal SignedInAgent me,
                                  @RequestParam(defaultValue = "OWED") String state,
                                  @RequestParam(defaultValue = "") String responsible,
                                  @RequestParam(defaultValue = "false") boolean overdue) {
        boolean everyone = me.role() == Role.LEAD || me.role() == Role.ADMIN;
        OwedSearch.Filter filter;
        try {
            filter = MoneyWeOweController.filter(new MoneyWeOweController.Shown(state, responsible, overdue, everyone),
                    me);
        } catch (IllegalArgumentException unknownFilter) {
            filter = MoneyWeOweController.filter(new MoneyWeOweController.Shown("OWED", "", false, everyone), me);
        }
        StringBuilder csv = new StringBuilder("owed_since,days_owed,age,customer_number,customer,conversation,kind,"
                + "amount,currency,reason,reference,responsible,department,due,state,paid_at,payment_reference,"
                + "cancel_reason\r\n");
        String after = null;
        int rows = 0;
        do {
            OwedSearch.Page page = search.page(filter, me, after, 500);
            for (OwedView v : views.of(page.entries(), me)) {
                csv.append(String.join(",", List.of(v.entry().owedSince().toString(), String.valueOf(v.daysOwed()),
                        v.age(), v.customerNumber() == null ? "" : v.customerNumber().toString(),
                        cell(v.customerName()),
                        v.conversationNumber() == null ? "" : v.conversationNumber().toString(),
                        v.entry().kind().name(), v.entry().amount().amount(), v.entry().amount().currencyCode(),
                        cell(v.entry().reason()), cell(v.entry().reference().orElse("")), cell(v.responsibleName()),
                        cell(v.department()), v.entry().dueAt().toString(), v.entry().state().name(),
                        v.entry().paidAt().map(Object::toString).orElse(""),
                        cell(v.entry().paymentReference().orElse("")), cell(v.entry().cancelReason().orElse(""))
                ))).append("\r\n");
                rows++;
            }
            after = page.next();
        } while (after != null && rows < MOST_ROWS);
        String name = "money-we-owe-" + LocalDate.ofInstant(clock.instant(), calendar.zone()) + ".csv";
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .body(csv.toString());
    }

    /** Quoted when it must be, and never read as a formula by a spreadsheet. */
    static String cell(String text) {
        String safe = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        return safe.matches(".*[\",\r\n].*") || !safe.equals(text)
                ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
