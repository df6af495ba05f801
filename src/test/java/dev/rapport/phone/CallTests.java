package dev.rapport.phone;

import dev.rapport.agents.Agent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A call fills in what each event knows, in any order, and never undoes what a later event said. */
class CallTests {

    private static final Instant NINE = Instant.parse("2026-11-23T09:00:00Z");
    private final TelephonyHook.HookId hook = new TelephonyHook.HookId(UUID.randomUUID());

    @Test
    void anAnsweredCallEndsCompletedWithItsDuration() {
        Call call = Call.firstHeardOf(hook, "c-1", NINE);
        call.started(Call.Direction.INBOUND, "030 123", "+4930123", "+4930999", "+4930999", NINE);
        call.answered(new Agent.AgentId(UUID.randomUUID()), "Maria", NINE.plusSeconds(5));

        assertThat(call.ended(Call.Reason.COMPLETED, 60, null, NINE.plusSeconds(65))).isTrue();
        assertThat(call.state()).isEqualTo(Call.State.ENDED);
        assertThat(call.isMissed()).isFalse();
        assertThat(call.readyToLog()).isTrue();
        assertThat(call.theirNumber()).contains("+4930123");
    }

    @Test
    void anEndBeforeTheStartWaitsForTheNumbersAndAnAnswerAfterTheEndChangesNothing() {
        Call call = Call.firstHeardOf(hook, "c-2", NINE);
        call.ended(Call.Reason.MISSED, null, null, NINE.plusSeconds(30));
        assertThat(call.readyToLog()).isFalse();

        call.answered(new Agent.AgentId(UUID.randomUUID()), "Maria", NINE.plusSeconds(40));
        call.started(Call.Direction.INBOUND, "+4930123", "+4930123", "+4930999", "+4930999", NINE);

        assertThat(call.state()).isEqualTo(Call.State.ENDED);
        assertThat(call.reason()).contains(Call.Reason.MISSED);
        assertThat(call.startedAt()).isEqualTo(NINE);
        assertThat(call.readyToLog()).isTrue();
        assertThat(call.isMissed()).isTrue();
    }

    @Test
    void aSecondEndOrStartIsIgnored() {
        Call call = Call.firstHeardOf(hook, "c-3", NINE);
        call.started(Call.Direction.INBOUND, "+4930123", "+4930123", null, null, NINE);
        call.started(Call.Direction.OUTBOUND, "+4930777", "+4930777", null, null, NINE.plusSeconds(9));
        call.ended(Call.Reason.VOICEMAIL, 20, "https://pbx.example/vm.wav", NINE.plusSeconds(30));

        assertThat(call.ended(Call.Reason.COMPLETED, 99, null, NINE.plusSeconds(99))).isFalse();
        assertThat(call.direction()).contains(Call.Direction.INBOUND);
        assertThat(call.fromRaw()).isEqualTo("+4930123");
        assertThat(call.reason()).contains(Call.Reason.VOICEMAIL);
        assertThat(call.recordingUrl()).contains("https://pbx.example/vm.wav");
    }

    @Test
    void aNumberThatIsNotOneIsKeptAsGivenAndFlagged() {
        Call call = Call.firstHeardOf(hook, "c-4", NINE);
        call.started(Call.Direction.INBOUND, "anonymous", null, "+4930999", "+4930999", NINE);

        assertThat(call.numberFlagged()).isTrue();
        assertThat(call.theirNumberRaw()).isEqualTo("anonymous");
        assertThat(call.theirNumber()).isEmpty();
    }

    @Test
    void anOutboundCallThatReachedThemIsNotMissed() {
        Call call = Call.firstHeardOf(hook, "c-5", NINE);
        call.started(Call.Direction.OUTBOUND, "+4930999", "+4930999", "+4930123", "+4930123", NINE);
        call.ended(Call.Reason.COMPLETED, 30, null, NINE.plusSeconds(30));

        assertThat(call.reachedThem()).isTrue();
        assertThat(call.isMissed()).isFalse();
        assertThat(call.theirNumber()).contains("+4930123");
    }
}
