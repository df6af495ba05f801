package dev.rapport.support;

import dev.rapport.agents.Role;
import dev.rapport.agents.Roster;
import dev.rapport.agents.Passwords;
import dev.rapport.business.BusinessProfile;
import dev.rapport.business.SetupRequest;
import dev.rapport.shared.EmailAddress;

import java.util.Set;
import java.util.UUID;

/** Sets up a test's Rapport once and adds agents who can sign in, with their passwords. */
public final class TestBusiness {

    public static final String ADMIN_EMAIL = "admin@rapport.test";
    public static final String PASSWORD = "correct horse battery";

    private TestBusiness() {
    }

    public static void ensureSetUp(BusinessProfile profile) {
        if (!profile.isSetUp()) {
            profile.setUp(new SetupRequest("Test Shop", "Europe/Berlin", "Ada Admin", ADMIN_EMAIL, PASSWORD));
        }
    }

    /** A new active agent with a unique email address who has chosen {@link #PASSWORD}. */
    public static String agentWithPassword(Roster roster, Passwords passwords, Role role) {
        String email = role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@rapport.test";
        Roster.Invited invited = roster.invite("Test " + role.label(), EmailAddress.of(email), role, Set.of());
        passwords.acceptInvitation(invited.invitationToken(), PASSWORD);
        return email;
    }
}
