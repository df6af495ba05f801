package dev.rapport.business;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Sets Rapport up at start from {@link BootstrapSettings} when they are given and the database is still empty. A
 * rejected value stops the start with the reason, rather than leaving a half-installed Rapport behind.
 */
@Component
@Order(0)
class AutomatedSetup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AutomatedSetup.class);

    private final BusinessProfile profile;
    private final BootstrapSettings admin;
    private final BusinessDefaults business;

    AutomatedSetup(BusinessProfile profile, BootstrapSettings admin, BusinessDefaults business) {
        this.profile = profile;
        this.admin = admin;
        this.business = business;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!admin.isRequested()) {
            return;
        }
        if (profile.isSetUp()) {
            log.info("Rapport is already set up; rapport.admin.email and rapport.admin.password are ignored.");
            return;
        }
        try {
            profile.setUp(new SetupRequest(business.name(), business.timeZone(), admin.name(), admin.email(),
                    admin.password()));
            log.info("Rapport set up for {} with first admin {}.", business.name(), admin.email());
        } catch (BusinessProfile.SetupRejected e) {
            throw new IllegalStateException("Automated setup refused " + e.field() + ": " + e.getMessage(), e);
        }
    }
}
