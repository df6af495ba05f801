package dev.rapport.promises.web;

import dev.rapport.promises.PromiseReport;
import dev.rapport.promises.PromiseTally;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** How the report's numbers read, and how its chart is drawn. */
class ReportWordingTests {

    @Test
    void ratesReadAsPercentagesAndNothingDueIsNotZero() {
        assertThat(ReportWording.rate(tally(4, 5))).isEqualTo("44.4%");
        assertThat(ReportWording.rate(tally(2, 1))).isEqualTo("66.7%");
        assertThat(ReportWording.rate(tally(3, 0))).isEqualTo("100%");
        assertThat(ReportWording.rate(tally(0, 3))).isEqualTo("0%");
        assertThat(ReportWording.rate(tally(0, 0))).isEqualTo("no promises due");
        assertThat(ReportWording.wholeRate(tally(2, 1))).isEqualTo("67%");
        assertThat(ReportWording.wholeRate(tally(0, 0))).isEqualTo("–");
    }

    @Test
    void aRateNeverRoundsToAllKeptWhileOneBrokeNorToNoneWhileOneWasKept() {
        assertThat(ReportWording.rate(tally(9999, 1))).isEqualTo("99.9%");
        assertThat(ReportWording.rate(tally(1, 9999))).isEqualTo("0.1%");
        assertThat(ReportWording.wholeRate(tally(999, 1))).isEqualTo("99%");
        assertThat(ReportWording.wholeRate(tally(1, 999))).isEqualTo("1%");
    }

    @Test
    void latenessReadsInMinutesHoursAndDays() {
        assertThat(ReportWording.lateness(Optional.empty())).isEqualTo("—");
        assertThat(ReportWording.duration(Duration.ofSeconds(20))).isEqualTo("under a minute");
        assertThat(ReportWording.duration(Duration.ofMinutes(45))).isEqualTo("45 min");
        assertThat(ReportWording.duration(Duration.ofHours(5))).isEqualTo("5 h");
        assertThat(ReportWording.duration(Duration.ofMinutes(13 * 60 + 30))).isEqualTo("13 h 30 min");
        assertThat(ReportWording.duration(Duration.ofHours(48))).isEqualTo("2 d");
        assertThat(ReportWording.duration(Duration.ofHours(28).plusMinutes(10))).isEqualTo("1 d 4 h");
        assertThat(ReportWording.oneDecimal(11.0 / 3)).isEqualTo("3.7");
        assertThat(ReportWording.oneDecimal(2)).isEqualTo("2");
    }

    @Test
    void theBusiestWeekFillsTheChartAndEachMonthIsNamedOnce() {
        TrendChart chart = TrendChart.of(List.of(
                week(LocalDate.of(2026, 2, 23), tally(2, 2)),
                week(LocalDate.of(2026, 3, 2), tally(1, 0)),
                week(LocalDate.of(2026, 3, 9), tally(0, 0))));

        assertThat(chart.columns()).extracting(TrendChart.Column::day).containsExactly("23", "2", "9");
        assertThat(chart.columns()).extracting(TrendChart.Column::month).containsExactly("Feb", "Mar", "");
        TrendChart.Column busiest = chart.columns().getFirst();
        assertThat(busiest.keptY()).isEqualTo("50.00");
        assertThat(busiest.keptHeight()).isEqualTo("50.00");
        assertThat(busiest.brokenY()).isEqualTo("0.00");
        assertThat(busiest.brokenHeight()).isEqualTo("50.00");
        assertThat(chart.columns().get(1).keptHeight()).isEqualTo("25.00");
        assertThat(chart.columns().get(2).keptHeight()).isEqualTo("0.00");
        assertThat(chart.columns().get(2).summary()).isEqualTo("9 Mar – 15 Mar 2026: 0 kept, 0 broken");
        assertThat(chart.showRates()).isTrue();
    }

    @Test
    void aLongPeriodLabelsEveryFewWeeksAndLeavesTheRatesToTheTable() {
        List<PromiseReport.Week> year = java.util.stream.IntStream.range(0, 52)
                .mapToObj(i -> week(LocalDate.of(2025, 1, 6).plusWeeks(i), tally(i, 1))).toList();

        TrendChart chart = TrendChart.of(year);

        assertThat(chart.labelEvery()).isEqualTo(4);
        assertThat(chart.columns()).filteredOn(column -> !column.day().isEmpty()).hasSize(13);
        assertThat(chart.showRates()).isFalse();
    }

    private static PromiseTally tally(long kept, long broken) {
        return new PromiseTally(kept, broken, 0, 0, 0, 0, 0);
    }

    private static PromiseReport.Week week(LocalDate monday, PromiseTally tally) {
        return new PromiseReport.Week(monday, monday.plusDays(6), tally);
    }
}
