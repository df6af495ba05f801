package dev.rapport.promises.web;

import dev.rapport.promises.PromiseTally;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Optional;

/** How the report's numbers read: rates as percentages, lateness in hours and days. */
final class ReportWording {

    static final String NO_PROMISES_DUE = "no promises due";

    private ReportWording() {
    }

    /**
     * "66.7%", or "no promises due" when none was kept or broken. Never rounds to 100% while one broke, nor to 0%
     * while one was kept.
     */
    static String rate(PromiseTally tally) {
        if (tally.due() == 0) {
            return NO_PROMISES_DUE;
        }
        BigDecimal percent = BigDecimal.valueOf(tally.kept() * 100.0 / tally.due()).setScale(1, RoundingMode.HALF_UP);
        if (tally.broken() > 0 && percent.compareTo(BigDecimal.valueOf(100)) >= 0) {
            percent = new BigDecimal("99.9");
        } else if (tally.kept() > 0 && percent.signum() == 0) {
            percent = new BigDecimal("0.1");
        }
        return oneDecimal(percent) + "%";
    }

    /** "67%": the rate in whole percent, for where there is little room; with the same care at 0 and 100. */
    static String wholeRate(PromiseTally tally) {
        if (tally.due() == 0) {
            return "–";
        }
        long percent = Math.round(tally.kept() * 100.0 / tally.due());
        if (tally.broken() > 0 && percent >= 100) {
            percent = 99;
        } else if (tally.kept() > 0 && percent == 0) {
            percent = 1;
        }
        return percent + "%";
    }

    /** The kept rate as a width from 0 to 100, for a meter; 0 when nothing was due. */
    static double ratePercent(PromiseTally tally) {
        return tally.keptRate().orElse(0) * 100;
    }

    static String lateness(Optional<Duration> lateness) {
        return lateness.map(ReportWording::duration).orElse("—");
    }

    /** "45 min", "13 h 30 min", "2 d 4 h". */
    static String duration(Duration duration) {
        long minutes = duration.toMinutes();
        if (minutes < 1) {
            return "under a minute";
        }
        if (minutes < 60) {
            return minutes + " min";
        }
        if (minutes < 24 * 60) {
            return minutes / 60 + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
        }
        long hours = duration.toHours();
        return hours / 24 + " d" + (hours % 24 == 0 ? "" : " " + hours % 24 + " h");
    }

    /** "3.7", "2", "0.5". */
    static String oneDecimal(double value) {
        return oneDecimal(BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP));
    }

    private static String oneDecimal(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
