package dev.rapport.business.web;

import dev.rapport.business.Business;
import dev.rapport.business.BusinessProfile;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Formats times for pages in the business's time zone, so an agent in Berlin reads Berlin time. Templates call it as
 * {@code ${@times.short(instant)}}. The time zone is read once per request: a list of 50 customers formats 50 times.
 */
@Component("times")
class BusinessTimes {

    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final String ZONE = BusinessTimes.class.getName() + ".zone";

    private final BusinessProfile profile;

    BusinessTimes(BusinessProfile profile) {
        this.profile = profile;
    }

    public String brief(Instant instant) {
        return instant == null ? "" : SHORT.format(instant.atZone(zone()));
    }

    /** "March 2021", for "customer since". */
    public String month(Instant instant) {
        return instant == null ? "" : MONTH.format(instant.atZone(zone()));
    }

    /** "4 Mar 2021", a day without the time. */
    public String day(Instant instant) {
        return instant == null ? "" : DAY.format(instant.atZone(zone()));
    }

    public String full(Instant instant) {
        return instant == null ? "" : FULL.format(instant.atZone(zone()));
    }

    private ZoneId zone() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && request.getAttribute(ZONE, RequestAttributes.SCOPE_REQUEST) instanceof ZoneId zone) {
            return zone;
        }
        ZoneId zone = profile.current().map(Business::timeZone).orElse(ZoneOffset.UTC);
        if (request != null) {
            request.setAttribute(ZONE, zone, RequestAttributes.SCOPE_REQUEST);
        }
        return zone;
    }
}
