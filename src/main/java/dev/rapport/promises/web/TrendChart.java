package dev.rapport.promises.web;

import dev.rapport.promises.PromiseReport;
import dev.rapport.promises.PromiseTally;

import java.time.LocalDate;
import java.time.Month;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The week-by-week chart, drawn on the server: one column per week, as tall as the promises kept and broken that
 * week (the busiest week fills the height), kept at the bottom and broken on top, the kept rate above. Each column is
 * a tiny SVG stretched to its box, so the chart needs no script and no inline style, and its text stays HTML.
 *
 * @param labelEvery   label every n-th week, so that long periods stay legible
 * @param showRates    whether the columns are wide enough for their rate above
 */
record TrendChart(List<Column> columns, int labelEvery, boolean showRates) {

    /** The drawing's height in SVG units; a column's rectangles are measured against it. */
    static final int HEIGHT = 100;

    private static final int MOST_LABELS = 13;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_YEAR = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    /**
     * @param day       the day of the month the week starts on, "2", or empty when the week is not labelled
     * @param month     its month, "Mar", for the first label and whenever the month changes; otherwise empty
     * @param days      the week's days in words, "2 Mar – 8 Mar 2026"
     * @param shortRate the rate in whole percent, "–" when nothing was due
     * @param keptY     where the kept rectangle starts, from the top
     */
    record Column(String day, String month, String days, PromiseTally tally, String rate, String shortRate,
                  String keptY, String keptHeight, String brokenY, String brokenHeight) {

        /** The column in words, for its tooltip. */
        public String summary() {
            return days + ": " + tally.kept() + " kept, " + tally.broken() + " broken"
                    + (tally.due() == 0 ? "" : " (" + rate + " kept)");
        }
    }

    static TrendChart of(List<PromiseReport.Week> weeks) {
        long busiest = weeks.stream().mapToLong(week -> week.tally().due()).max().orElse(0);
        int labelEvery = Math.max(1, (weeks.size() + MOST_LABELS - 1) / MOST_LABELS);
        List<Column> columns = new ArrayList<>();
        Month labelled = null;
        for (int i = 0; i < weeks.size(); i++) {
            PromiseReport.Week week = weeks.get(i);
            boolean label = i % labelEvery == 0;
            boolean newMonth = label && week.from().getMonth() != labelled;
            columns.add(column(week, busiest, label ? String.valueOf(week.from().getDayOfMonth()) : "",
                    newMonth ? MONTH.format(week.from()) : ""));
            labelled = label ? week.from().getMonth() : labelled;
        }
        return new TrendChart(columns, labelEvery, weeks.size() <= MOST_LABELS);
    }

    private static Column column(PromiseReport.Week week, long busiest, String day, String month) {
        PromiseTally tally = week.tally();
        double kept = busiest == 0 ? 0 : HEIGHT * (double) tally.kept() / busiest;
        double broken = busiest == 0 ? 0 : HEIGHT * (double) tally.broken() / busiest;
        return new Column(day, month, days(week.from(), week.to()), tally, ReportWording.rate(tally),
                ReportWording.wholeRate(tally), number(HEIGHT - kept), number(kept), number(HEIGHT - kept - broken),
                number(broken));
    }

    private static String days(LocalDate from, LocalDate to) {
        return from.equals(to) ? DAY_YEAR.format(from) : DAY.format(from) + " – " + DAY_YEAR.format(to);
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.2f", Math.max(0, value));
    }
}
