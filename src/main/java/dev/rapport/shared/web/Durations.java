package dev.rapport.shared.web;

import java.time.Duration;
import java.time.Instant;

/** Durations in the words an agent reads at a glance: "3 h 12 min", "2 d 4 h", "just now". */
public final class Durations {

    private Durations() {
    }

    public static String between(Instant from, Instant to) {
        Duration d = Duration.between(from, to);
        if (d.isNegative() || d.toMinutes() < 1) {
            return "just now";
        }
        long days = d.toDays();
        long hours = d.toHoursPart();
        long minutes = d.toMinutesPart();
        if (days > 0) {
            return days + " d" + (hours > 0 ? " " + hours + " h" : "");
        }
        if (d.toHours() > 0) {
            return d.toHours() + " h" + (minutes > 0 ? " " + minutes + " min" : "");
        }
        return minutes + " min";
    }
}
