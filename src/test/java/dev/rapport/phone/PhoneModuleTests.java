package dev.rapport.phone;

import dev.rapport.agents.Agent;
import dev.rapport.agents.Passwords;
import dev.rapport.agents.Role;
import dev.rapport.agents.Roster;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.agents.Team;
import dev.rapport.business.BusinessCalendar;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.Desk;
import dev.rapport.conversations.Message;
import dev.rapport.promises.PromiseLedger;
import dev.rapport.shared.ControllableClock;
import dev.rapport.shared.EmailAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The switchboard with a real database: what it announces, who answered, the call-back policy, logged outcomes. */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
class PhoneModuleTests {

    @Autowired Switchboard switchboard;
    @Autowired PhoneHooks hooks;
    @Autowired Extensions extensions;
    @Autowired Roster roster;
    @Autowired Passwords passwords;
    @Autowired Desk desk;
    @Autowired PromiseLedger ledger;
    @Autowired BusinessCalendar calendar;
    @Autowired ControllableClock clock;

    private Team team;
    private TelephonyHook hook;
    private SignedInAgent maria;

    @BeforeEach
    void setUp() {
        team = roster.createTeam("Phones " + UUID.randomUUID(), null);
        hook = hooks.create("Office", team.id(), Duration.ofHours(2)).hook();
        var invited = roster.invite("Maria", EmailAddress.of("maria-" + UUID.randomUUID() + "@example.com"),
                Role.AGENT, Set.of(team.id()));
        maria = SignedInAgent.of(passwords.acceptInvitation(invited.invitationToken(), "a long enough password"));
    }

    @AfterEach
    void resume() {
        clock.resume();
    }

    @Test
    void aRingingCallIsAnnouncedOnceAndItsAnswerNamesTheAgentByExtension(AssertablePublishedEvents events) {
        String extension = String.valueOf(200 + (int) (Math.random() * 700));
        extensions.assign(maria.id(), extension);
        String callId = "c-" + UUID.randomUUID();

        Call call = switchboard.apply(hook, started(callId, "+4930123456"));
        switchboard.apply(hook, started(callId, "+4930123456"));
        switchboard.apply(hook, new CallEvent("e3", CallEvent.Type.ANSWERED, callId, null, null, null, null,
                extension, null, null, null));

        assertThat(events.ofType(CallStarted.class).matching(started -> started.call().equals(call.id()))).hasSize(1);
        assertThat(events).contains(CallAnswered.class).matching(CallAnswered::agent, maria.id());
        Call answered = switchboard.find(call.id()).orElseThrow();
        assertThat(answered.state()).isEqualTo(Call.State.ANSWERED);
        assertThat(answered.answeredBy()).contains(maria.id());
    }

    @Test
    void aMissedCallOnSaturdayIsCalledBackWithinTwoBusinessHoursOfMonday(AssertablePublishedEvents events) {
        clock.freezeAt(Instant.parse("2026-11-28T10:00:00Z"));
        String callId = "c-" + UUID.randomUUID();

        switchboard.apply(hook, started(callId, "+4930555" + (int) (Math.random() * 10000)));
        Call call = switchboard.apply(hook, ended(callId, Call.Reason.MISSED));

        assertThat(events).contains(CallEnded.class).matching(CallEnded::reason, Call.Reason.MISSED);
        Instant due = ledger.require(call.callBackPromise().orElseThrow()).dueAt();
        assertThat(due).isEqualTo(calendar.plusBusinessHours(Optional.of(team.id()), clock.instant(),
                Duration.ofHours(2)));
        assertThat(due.atZone(calendar.zone()).getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
    }

    @Test
    void anOutcomeLoggedWhileTheCallRunsIsCarriedIntoItsConversationWhenItEnds() {
        String callId = "c-" + UUID.randomUUID();
        switchboard.apply(hook, started(callId, "+4930777" + (int) (Math.random() * 10000)));
        Call call = switchboard.apply(hook, new CallEvent("a", CallEvent.Type.ANSWERED, callId, null, null, null,
                null, maria.email(), null, null, null));

        switchboard.logOutcome(call.id(), maria, Call.Outcome.FOLLOW_UP, "Wants a quote for two engines.");
        call = switchboard.apply(hook, ended(callId, Call.Reason.COMPLETED));

        Conversation conversation = desk.find(new Conversation.ConversationId(call.conversation().orElseThrow()))
                .orElseThrow();
        assertThat(conversation.assignee()).contains(maria.id());
        assertThat(desk.messages(conversation.id())).extracting(Message::body)
                .contains("Call notes: Wants a quote for two engines.");
    }

    @Test
    void aNewConversationFromAnAnsweredCallIsTheAnsweringAgents() {
        String callId = "c-" + UUID.randomUUID();
        switchboard.apply(hook, started(callId, "+4930666" + (int) (Math.random() * 10000)));
        switchboard.apply(hook, new CallEvent("a", CallEvent.Type.ANSWERED, callId, null, null, null, null,
                maria.id().toString(), null, null, null));
        Call call = switchboard.apply(hook, ended(callId, Call.Reason.COMPLETED));

        Conversation conversation = desk.find(new Conversation.ConversationId(call.conversation().orElseThrow()))
                .orElseThrow();
        assertThat(conversation.assignee()).contains(maria.id());
        assertThat(call.callBackPromise()).isEmpty();
    }

    @Test
    void onlyWhoeverAnsweredLogsTheCall() {
        String callId = "c-" + UUID.randomUUID();
        switchboard.apply(hook, started(callId, "+4930888" + (int) (Math.random() * 10000)));
        Call call = switchboard.apply(hook, new CallEvent("a", CallEvent.Type.ANSWERED, callId, null, null, null,
                null, maria.email(), null, null, null));
        var jonasInvite = roster.invite("Jonas", EmailAddress.of("jonas-" + UUID.randomUUID() + "@example.com"),
                Role.AGENT, Set.of(team.id()));
        SignedInAgent jonas = SignedInAgent.of(passwords.acceptInvitation(jonasInvite.invitationToken(),
                "a long enough password"));

        assertThatThrownBy(() -> switchboard.logOutcome(call.id(), jonas, Call.Outcome.SOLVED, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Maria answered this call");
    }

    private static CallEvent started(String callId, String from) {
        return new CallEvent(UUID.randomUUID().toString(), CallEvent.Type.STARTED, callId, null, from, "+4930999",
                Call.Direction.INBOUND, null, null, null, null);
    }

    private static CallEvent ended(String callId, Call.Reason reason) {
        return new CallEvent(UUID.randomUUID().toString(), CallEvent.Type.ENDED, callId, null, null, null, null, null,
                reason, 60, null);
    }
}
