package dev.rapport.demo;

import dev.rapport.agents.Agent;
import dev.rapport.agents.Team;
import dev.rapport.customers.CustomerDirectory;
import dev.rapport.customers.IdentityKind;
import dev.rapport.phone.Call;
import dev.rapport.phone.CallEvent;
import dev.rapport.phone.PhoneHooks;
import dev.rapport.phone.Switchboard;
import dev.rapport.phone.TelephonyHook;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The sample shop's phone: a hook for Support (its secret is not shown; create a real one to connect a phone system),
 * a call Maria answered this morning, and Ana's missed call, which waits as a call-back promise.
 */
@Component
class SampleCalls {

    private final PhoneHooks hooks;
    private final Switchboard switchboard;
    private final CustomerDirectory customers;
    private final Clock clock;

    SampleCalls(PhoneHooks hooks, Switchboard switchboard, CustomerDirectory customers, Clock clock) {
        this.hooks = hooks;
        this.switchboard = switchboard;
        this.customers = customers;
        this.clock = clock;
    }

    int fill(Team.TeamId support, Agent maria) {
        TelephonyHook hook = hooks.create("Shop phone (sample)", support, null).hook();
        customers.lookup(IdentityKind.EMAIL, "ana.souza@example.com").ifPresent(ana ->
                customers.addIdentity(ana.number(), IdentityKind.PHONE, "+44 20 7946 0321"));
        Instant now = clock.instant();

        String answered = "sample-call-1";
        apply(hook, new CallEvent("sample-1", CallEvent.Type.STARTED, answered, now.minus(Duration.ofMinutes(50)),
                "+44 20 7946 0188", "+44 20 7946 0000", Call.Direction.INBOUND, null, null, null, null));
        apply(hook, new CallEvent("sample-2", CallEvent.Type.ANSWERED, answered, now.minus(Duration.ofMinutes(50)),
                null, null, null, maria.email().value(), null, null, null));
        apply(hook, new CallEvent("sample-3", CallEvent.Type.ENDED, answered, now.minus(Duration.ofMinutes(46)),
                null, null, null, null, Call.Reason.COMPLETED, 212, null));

        String missed = "sample-call-2";
        apply(hook, new CallEvent("sample-4", CallEvent.Type.STARTED, missed, now.minus(Duration.ofMinutes(12)),
                "+44 20 7946 0321", "+44 20 7946 0000", Call.Direction.INBOUND, null, null, null, null));
        apply(hook, new CallEvent("sample-5", CallEvent.Type.ENDED, missed, now.minus(Duration.ofMinutes(11)),
                null, null, null, null, Call.Reason.VOICEMAIL, 24, null));
        return 2;
    }

    private void apply(TelephonyHook hook, CallEvent event) {
        switchboard.apply(hook, event);
    }
}
