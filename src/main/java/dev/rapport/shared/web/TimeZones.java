package dev.rapport.shared.web;

import java.time.ZoneId;
import java.util.List;

/** The time zones a person can pick from: the region-based ids, sorted, without the legacy aliases. */
public final class TimeZones {

    private static final List<String> ALL = ZoneId.getAvailableZoneIds().stream()
            .filter(id -> id.contains("/") && !id.startsWith("Etc/") && !id.startsWith("SystemV/"))
            .sorted()
            .collect(java.util.stream.Collectors.collectingAndThen(java.util.stream.Collectors.toList(), list -> {
                list.addFirst("UTC");
                return List.copyOf(list);
            }));

    private TimeZones() {
    }

    public static List<String> all() {
        return ALL;
    }
}
