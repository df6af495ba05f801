package dev.rapport.business;

import dev.rapport.agents.Agent;
import dev.rapport.agents.Passwords;
import dev.rapport.agents.Roster;
import dev.rapport.shared.EmailAddress;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The business behind this Rapport and its one-time setup. Setup happens once, on an empty database: it creates the
 * business and the first admin in one transaction, so a crash leaves either both or neither.
 */
@Service
public class BusinessProfile {

    private final Businesses businesses;
    private final Roster roster;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AtomicBoolean setUp = new AtomicBoolean();

    BusinessProfile(Businesses businesses, Roster roster, ApplicationEventPublisher events, Clock clock) {
        this.businesses = businesses;
        this.roster = roster;
        this.events = events;
        this.clock = clock;
    }

    /** Whether setup has happened. Once true it stays true, so it is remembered instead of asked again. */
    public boolean isSetUp() {
        if (setUp.get()) {
            return true;
        }
        boolean exists = businesses.existsById(Business.THE_ONE);
        if (exists) {
            setUp.set(true);
        }
        return exists;
    }

    @Transactional(readOnly = true)
    public Optional<Business> current() {
        return businesses.findById(Business.THE_ONE);
    }

    /**
     * @throws SetupRejected       naming the field that is wrong
     * @throws AlreadySetUp        when Rapport was set up before
     */
    @Transactional
    public Business setUp(SetupRequest request) {
        if (isSetUp() || roster.hasAgents()) {
            throw new AlreadySetUp();
        }
        ZoneId zone = zone(request.timeZone());
        if (!EmailAddress.isValid(request.adminEmail())) {
            throw new SetupRejected("adminEmail", "Enter an email address like maria@example.com.");
        }
        Passwords.problemWith(request.adminPassword()).ifPresent(problem -> {
            throw new SetupRejected("adminPassword", problem);
        });
        try {
            Business business = businesses.save(Business.create(request.businessName(), zone, clock.instant()));
            Agent admin = roster.createFirstAdmin(request.adminName(), EmailAddress.of(request.adminEmail()),
                    request.adminPassword());
            events.publishEvent(new BusinessSetUp(business.name(), admin.id()));
            return business;
        } catch (DataIntegrityViolationException concurrentSetup) {
            throw new AlreadySetUp();
        }
    }

    @Transactional
    public Business update(String name, String timeZone) {
        Business business = current().orElseThrow(AlreadySetUp::new);
        business.rename(name, zone(timeZone));
        return businesses.save(business);
    }

    private static ZoneId zone(String timeZone) {
        try {
            return ZoneId.of(timeZone == null ? "" : timeZone.strip());
        } catch (DateTimeException e) {
            throw new SetupRejected("timeZone", "Choose a time zone from the list, like Europe/Berlin.");
        }
    }

    /** Setup was asked for a second time. */
    public static class AlreadySetUp extends RuntimeException {
        AlreadySetUp() {
            super("Rapport is already set up.");
        }
    }

    /** One of the setup fields is not acceptable; {@link #field()} says which. */
    public static class SetupRejected extends RuntimeException {
        private final String field;

        SetupRejected(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }
}
