package dev.rapport.phone;

import dev.rapport.agents.Roster;
import dev.rapport.agents.Team;
import dev.rapport.shared.SecretTokens;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Admins' side of telephony hooks: creating one hands out its URL token and signing secret once (Rapport keeps the
 * token's hash and the secret sealed), and each hook's routed team and call-back policy can change later.
 */
@Service
@Transactional
public class PhoneHooks {

    /** A hook just created, with the two values shown only now. */
    public record CreatedHook(TelephonyHook hook, String token, String secret) {
    }

    private final TelephonyHooks hooks;
    private final SealedSecrets secrets;
    private final Roster roster;
    private final PhoneSettings settings;
    private final Clock clock;

    PhoneHooks(TelephonyHooks hooks, SealedSecrets secrets, Roster roster, PhoneSettings settings, Clock clock) {
        this.hooks = hooks;
        this.secrets = secrets;
        this.roster = roster;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * @param callBackWithin business hours for calling back a missed call; the setting's default when null
     * @throws IllegalArgumentException for a blank name, an unknown team or a call-back time out of range
     */
    public CreatedHook create(String name, Team.TeamId team, Duration callBackWithin) {
        requireTeam(team);
        String token = SecretTokens.generate("rph_");
        String secret = SecretTokens.generate("rphs_");
        TelephonyHook hook = hooks.save(TelephonyHook.create(name, team, SecretTokens.sha256(token),
                secrets.seal(secret), callBackWithin == null ? settings.callBackWithin() : callBackWithin,
                clock.instant()));
        return new CreatedHook(hook, token, secret);
    }

    public TelephonyHook change(TelephonyHook.HookId id, String name, Team.TeamId team, Duration callBackWithin) {
        requireTeam(team);
        TelephonyHook hook = require(id);
        hook.change(name, team, callBackWithin);
        return hooks.save(hook);
    }

    @Transactional(readOnly = true)
    public List<TelephonyHook> all() {
        return hooks.findAllByOrderByCreatedAt();
    }

    @Transactional(readOnly = true)
    public Optional<TelephonyHook> find(TelephonyHook.HookId id) {
        return hooks.findById(id.value());
    }

    @Transactional(readOnly = true)
    public TelephonyHook require(TelephonyHook.HookId id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("There is no such hook."));
    }

    public Duration defaultCallBackWithin() {
        return settings.callBackWithin();
    }

    private void requireTeam(Team.TeamId team) {
        if (team == null) {
            throw new IllegalArgumentException("Choose the team whose agents the calls ring for.");
        }
        if (roster.findTeam(team).isEmpty()) {
            throw new IllegalArgumentException("There is no such team.");
        }
    }
}
