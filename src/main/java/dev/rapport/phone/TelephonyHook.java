package dev.rapport.phone;

import dev.rapport.agents.Team;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a phone system sends its call events: a secret URL token (kept as a hash) that names the hook, a signing
 * secret (kept sealed), the team whose agents the calls ring for, and how soon that team calls back a missed call.
 */
public class TelephonyHook {

    public record HookId(UUID value) {
        @Override
        public String toString() {
            return value.toString();
        }
    }

    private final @Id UUID id;
    private String name;
    private UUID team;
    private final String tokenHash;
    private final String secret;
    private int callBackMinutes;
    private final Instant createdAt;
    private @Version Long version;

    @PersistenceCreator
    TelephonyHook(UUID id, String name, UUID team, String tokenHash, String secret, int callBackMinutes,
                  Instant createdAt, Long version) {
        this.id = id;
        this.name = name;
        this.team = team;
        this.tokenHash = tokenHash;
        this.secret = secret;
        this.callBackMinutes = callBackMinutes;
        this.createdAt = createdAt;
        this.version = version;
    }

    static TelephonyHook create(String name, Team.TeamId team, String tokenHash, String sealedSecret,
                                Duration callBackWithin, Instant now) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Give the hook a name, e.g. the phone system it is for.");
        }
        if (name.strip().length() > 200) {
            throw new IllegalArgumentException("Use at most 200 characters for the name.");
        }
        return new TelephonyHook(UUID.randomUUID(), name.strip(), team == null ? null : team.value(), tokenHash,
                sealedSecret, minutes(callBackWithin), now, null);
    }

    private static int minutes(Duration within) {
        if (within == null || within.toMinutes() < 5 || within.toDays() > 14) {
            throw new IllegalArgumentException("Call back within 5 minutes to 14 days of business hours.");
        }
        return (int) within.toMinutes();
    }

    void change(String newName, Team.TeamId newTeam, Duration callBackWithin) {
        if (newName == null || newName.isBlank()) {
            throw new IllegalArgumentException("Give the hook a name, e.g. the phone system it is for.");
        }
        this.callBackMinutes = minutes(callBackWithin);
        this.name = newName.strip();
        this.team = newTeam == null ? null : newTeam.value();
    }

    public HookId id() {
        return new HookId(id);
    }

    public String name() {
        return name;
    }

    /** The team the hook's calls ring for; without one, every agent. */
    public Optional<Team.TeamId> team() {
        return Optional.ofNullable(team).map(Team.TeamId::new);
    }

    /** Business hours (of the routed team) within which a missed call is called back. */
    public Duration callBackWithin() {
        return Duration.ofMinutes(callBackMinutes);
    }

    String sealedSecret() {
        return secret;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
