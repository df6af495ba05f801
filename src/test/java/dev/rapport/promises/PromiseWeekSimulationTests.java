package dev.rapport.promises;

import dev.rapport.agents.Passwords;
import dev.rapport.agents.Role;
import dev.rapport.agents.Roster;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.conversations.Channel;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.Desk;
import dev.rapport.conversations.NewConversation;
import dev.rapport.conversations.Requester;
import dev.rapport.conversations.Status;
import dev.rapport.shared.ControllableClock;
import dev.rapport.shared.EmailAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Ten thousand promises over a simulated week. Each gets a planned outcome (kept, told too late, never done,
 * renegotiated, cancelled...) with the steps that lead to it; the clock then moves through the week in quarter
 * hours, each quarter applying the steps due and running the reminders and the deadline check as the scheduler
 * would. The expected counts come from the plan alone and must match the database exactly. Most customers are told
 * by hand ({@link PromiseLedger#markContacted}); on one conversation they are told by real replies, whose effect on
 * the ledger arrives asynchronously and is waited for.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = {"conversations", "agents", "business"})
class PromiseWeekSimulationTests {

    static final int PROMISES = 10_000;
    static final Instant MONDAY = Instant.parse("2027-06-07T00:00:00Z");
    static final Duration STEP = Duration.ofMinutes(15);
    static final int STEPS_PER_HOUR = 4;
    static final int WEEK = 7 * 24 * STEPS_PER_HOUR;
    /** Deadlines fall between steps, so that "at the deadline" never happens. */
    static final Duration PAST_THE_STEP = Duration.ofMinutes(7);
    /**
     * How long after the work's deadline the customer is to be told: by then for most promises (the ledger's
     * default), within the hour (4 steps) for every fifth.
     */
    static final int HOUR_TO_TELL = STEPS_PER_HOUR;
    static final int CONVERSATIONS = 8;
    /** The conversation whose customers are told by real replies; replies go out on the hour. */
    static final int REPLIES = 0;
    /** Agents at work at the same time: the threads that apply a quarter hour's actions. */
    static final int WORKERS = 4;

    @MockitoBean DeadlineWatch scheduledDeadlineCheck;
    @Autowired PromiseLedger ledger;
    @Autowired PromiseReport report;
    @Autowired Desk desk;
    @Autowired Roster roster;
    @Autowired Passwords passwords;
    @Autowired ControllableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactionManager;

    /** Where a plan leads, and whether on the way a deadline passes (it counts as broken in the report). */
    enum Outcome {
        KEPT_TOLD_BY_HAND(PromiseState.KEPT, false),
        KEPT_TOLD_IN_A_REPLY(PromiseState.KEPT, false),
        TOLD_BEFORE_DONE_THEN_KEPT(PromiseState.KEPT, false),
        RENEGOTIATED_IN_TIME_THEN_KEPT(PromiseState.KEPT, false),
        RENEGOTIATED_AFTER_A_BREAK_THEN_KEPT(PromiseState.KEPT, true),
        DONE_NEVER_TOLD(PromiseState.BROKEN, true),
        TOLD_TOO_LATE(PromiseState.BROKEN, true),
        NEVER_DONE(PromiseState.BROKEN, true),
        NEVER_DONE_THEN_RESOLVED(PromiseState.BROKEN, true),
        DONE_LATE(PromiseState.BROKEN, true),
        CANCELLED(PromiseState.CANCELLED, false);

        final PromiseState end;
        final boolean breaks;

        Outcome(PromiseState end, boolean breaks) {
            this.end = end;
            this.breaks = breaks;
        }
    }

    /** What is done to a promise, in this order within one quarter hour. */
    enum Act { MAKE, RENEGOTIATE, CANCEL, DONE, TELL, RESOLVE }

    record Action(Act act, int promise, int newDueStep) {
    }

    record Plan(Outcome outcome, int conversation, UUID owner, int madeStep, int dueStep, int tellWithin) {
    }

    private final Map<Integer, List<Action>> actions = new TreeMap<>();
    private final Set<Integer> replySteps = new java.util.TreeSet<>();
    private UUID[] ids;

    @AfterEach
    void resume() {
        clock.resume();
    }

    @Test
    void tenThousandPromisesOverAWeekEndExactlyAsPlanned() {
        long started = System.nanoTime();
        clock.freezeAt(MONDAY);
        List<UUID> agents = List.of(agent("Maria"), agent("Tom"), agent("Priya"), agent("Sam"));
        SignedInAgent replier = SignedInAgent.of(roster.findAgent(new dev.rapport.agents.Agent.AgentId(
                agents.getFirst())).orElseThrow());
        List<Conversation> conversations = new ArrayList<>();
        for (int i = 0; i < CONVERSATIONS; i++) {
            conversations.add(desk.start(new NewConversation("Week order " + i, new Requester("Customer " + i,
                    EmailAddress.of("week-" + i + "-" + UUID.randomUUID() + "@example.com")), Channel.WEB_FORM,
                    "Where is my order?", null)));
        }
        Plan[] plans = plan(new Random(20270607), agents);
        int reminders = playTheWeek(plans, conversations, replier);

        Map<Outcome, Integer> planned = new EnumMap<>(Outcome.class);
        Arrays.stream(plans).forEach(plan -> planned.merge(plan.outcome(), 1, Integer::sum));
        long kept = count(plans, outcome -> outcome.end == PromiseState.KEPT);
        long broken = count(plans, outcome -> outcome.end == PromiseState.BROKEN);
        long cancelled = count(plans, outcome -> outcome.end == PromiseState.CANCELLED);
        long everBroken = count(plans, outcome -> outcome.breaks);
        long resolved = count(plans, outcome -> outcome == Outcome.NEVER_DONE_THEN_RESOLVED);
        assertThat(planned).as("every kind of outcome is planned a fair number of times")
                .hasSize(Outcome.values().length).allSatisfy((outcome, times) -> assertThat(times).isGreaterThan(40));

        List<UUID> simulated = conversations.stream().map(c -> c.id().value()).toList();
        assertThat(statesInDatabase(simulated))
                .containsExactlyInAnyOrderEntriesOf(Map.of("KEPT", kept, "BROKEN", broken, "CANCELLED", cancelled));
        assertThat(jdbc.sql("select count(*) from promise where broken_at is not null and conversation in (:c)")
                .param("c", simulated).query(Long.class).single()).isEqualTo(everBroken);
        assertThat(mismatches(plans, simulated)).as("promises whose end differs from their plan").isEmpty();
        assertThat(jdbc.sql("select count(*) from (select c.promise from promise_change c join promise p"
                        + " on p.id = c.promise where p.conversation in (:c) and c.state = 'BROKEN'"
                        + " and c.by_name = 'Rapport' group by c.promise having count(*) > 1) twice")
                .param("c", simulated).query(Long.class).single()).as("promises that broke twice").isZero();

        List<String> before = snapshot(simulated);
        assertThat(ledger.breakOverdue()).as("checking again breaks nothing").isZero();
        clock.advance(Duration.ofDays(3));
        assertThat(ledger.breakOverdue()).isZero();
        assertThat(ledger.sendReminders()).isZero();
        assertThat(snapshot(simulated)).as("and changes nothing").isEqualTo(before);

        PromiseReport.Figures week = report.figures(new ReportPeriod(LocalDate.of(2027, 6, 7),
                LocalDate.of(2027, 6, 13), ZoneOffset.UTC), new PromiseReport.Everyone());
        assertThat(week.overall()).extracting(PromiseTally::kept, PromiseTally::broken, PromiseTally::cancelled,
                        PromiseTally::open, PromiseTally::awaitingWord)
                .containsExactly(kept - planned.get(Outcome.RENEGOTIATED_AFTER_A_BREAK_THEN_KEPT), everBroken,
                        cancelled, 0L, broken - resolved);
        assertThat(week.perConversation()).isEqualTo(new PromiseReport.PerConversation(PROMISES, CONVERSATIONS));
        assertThat(reminders).as("reminders went out along the way").isGreaterThan(PROMISES / 2);
        System.out.printf("Simulated week: %d promises, %d replies, %d reminders, %s in %d s%n", PROMISES,
                replySteps.size(), reminders, planned,
                Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }

    /**
     * Moves the clock through the week a quarter hour at a time: the actions due, the reply due, then the reminders
     * and the deadline check, as the scheduler would run them.
     *
     * @return how many reminders were sent
     */
    private int playTheWeek(Plan[] plans, List<Conversation> conversations, SignedInAgent replier) {
        ids = new UUID[PROMISES];
        int lastStep = actions.keySet().stream().mapToInt(Integer::intValue).max().orElseThrow() + HOUR_TO_TELL + 2;
        TransactionTemplate batch = new TransactionTemplate(transactionManager);
        int reminders = 0;
        try (ExecutorService workers = Executors.newFixedThreadPool(WORKERS)) {
            for (int step = 0; step <= lastStep; step++) {
                clock.freezeAt(at(step));
                applyInParallel(actions.getOrDefault(step, List.of()), workers, batch, plans, conversations);
                if (replySteps.contains(step)) {
                    desk.reply(conversations.get(REPLIES).id(), replier, "Good news: it is on its way.",
                            Status.WAITING_ON_CUSTOMER, null);
                    awaitEventsHandled();
                }
                reminders += ledger.sendReminders();
                ledger.breakOverdue();
            }
        }
        return reminders;
    }

    /**
     * Plans every promise: who owns it, on which conversation, when it is made (1 to 24 hours ahead) and due (from
     * 2 hours into the week to its end), what outcome it gets and the actions leading there.
     */
    private Plan[] plan(Random random, List<UUID> agents) {
        Plan[] plans = new Plan[PROMISES];
        for (int i = 0; i < PROMISES; i++) {
            int conversation = i % 100 == 0 ? REPLIES : 1 + random.nextInt(CONVERSATIONS - 1);
            Outcome outcome = conversation == REPLIES ? replyOutcome(random) : outcome(random);
            int due = 2 * STEPS_PER_HOUR + random.nextInt(WEEK - 2 * STEPS_PER_HOUR);
            int made = Math.max(0, due - between(random, STEPS_PER_HOUR, 24 * STEPS_PER_HOUR));
            plans[i] = new Plan(outcome, conversation, agents.get(random.nextInt(agents.size())), made, due,
                    i % 5 == 0 ? HOUR_TO_TELL : 0);
            add(made, Act.MAKE, i);
            steps(i, plans[i], random);
        }
        return plans;
    }

    private void steps(int i, Plan plan, Random random) {
        int made = plan.madeStep();
        int due = plan.dueStep();
        int tell = plan.tellWithin();
        switch (plan.outcome()) {
            case KEPT_TOLD_BY_HAND -> doneAndTold(i, random, made, due, tell);
            case KEPT_TOLD_IN_A_REPLY -> {
                int done = between(random, made, Math.min(due, due + tell - (STEPS_PER_HOUR - 1)));
                add(done, Act.DONE, i);
                int hour = (done + STEPS_PER_HOUR - 1) / STEPS_PER_HOUR * STEPS_PER_HOUR;
                replySteps.add(hour);
            }
            case TOLD_BEFORE_DONE_THEN_KEPT -> {
                int early = between(random, made, due - 1);
                add(early, Act.TELL, i);
                doneAndTold(i, random, early + 1, due, tell);
            }
            case RENEGOTIATED_IN_TIME_THEN_KEPT -> {
                int when = between(random, made, due);
                int newDue = due + between(random, 2 * STEPS_PER_HOUR, 24 * STEPS_PER_HOUR);
                add(when, new Action(Act.RENEGOTIATE, i, newDue));
                doneAndTold(i, random, when, newDue, tell);
            }
            case RENEGOTIATED_AFTER_A_BREAK_THEN_KEPT -> {
                int when = due + 2;
                int newDue = due + between(random, 3 * STEPS_PER_HOUR, 24 * STEPS_PER_HOUR);
                add(when, new Action(Act.RENEGOTIATE, i, newDue));
                doneAndTold(i, random, when, newDue, tell);
            }
            case DONE_NEVER_TOLD -> add(between(random, made, due), Act.DONE, i);
            case TOLD_TOO_LATE -> {
                add(between(random, made, due), Act.DONE, i);
                add(due + tell + between(random, 1, 8), Act.TELL, i);
            }
            case NEVER_DONE -> {
            }
            case NEVER_DONE_THEN_RESOLVED -> add(due + between(random, 2, 12), Act.RESOLVE, i);
            case DONE_LATE -> {
                int done = due + between(random, 1, 8);
                add(done, Act.DONE, i);
                if (plan.conversation() != REPLIES) {
                    add(done, Act.TELL, i);
                }
            }
            case CANCELLED -> add(between(random, made, due), Act.CANCEL, i);
        }
    }

    /** Done by the deadline, and the customer told by hand between then and the contact deadline. */
    private void doneAndTold(int i, Random random, int from, int due, int tellWithin) {
        int done = between(random, from, due);
        add(done, Act.DONE, i);
        add(between(random, done, due + tellWithin), Act.TELL, i);
    }

    private static Outcome outcome(Random random) {
        int roll = random.nextInt(100);
        if (roll < 32) return Outcome.KEPT_TOLD_BY_HAND;
        if (roll < 38) return Outcome.TOLD_BEFORE_DONE_THEN_KEPT;
        if (roll < 48) return Outcome.RENEGOTIATED_IN_TIME_THEN_KEPT;
        if (roll < 53) return Outcome.RENEGOTIATED_AFTER_A_BREAK_THEN_KEPT;
        if (roll < 61) return Outcome.DONE_NEVER_TOLD;
        if (roll < 67) return Outcome.TOLD_TOO_LATE;
        if (roll < 76) return Outcome.NEVER_DONE;
        if (roll < 80) return Outcome.NEVER_DONE_THEN_RESOLVED;
        if (roll < 90) return Outcome.DONE_LATE;
        return Outcome.CANCELLED;
    }

    /**
     * On the replies conversation a reply tells every customer whose promise there is done, so only outcomes that
     * a reply cannot change are planned on it.
     */
    private static Outcome replyOutcome(Random random) {
        int roll = random.nextInt(100);
        if (roll < 60) return Outcome.KEPT_TOLD_IN_A_REPLY;
        if (roll < 80) return Outcome.NEVER_DONE;
        if (roll < 90) return Outcome.DONE_LATE;
        return Outcome.CANCELLED;
    }

    /**
     * Applies a quarter hour's actions as agents working side by side would: a few workers, each with a share of the
     * promises (all of one promise's actions on one worker, in order) in one transaction.
     */
    private void applyInParallel(List<Action> due, ExecutorService workers, TransactionTemplate batch, Plan[] plans,
                                 List<Conversation> conversations) {
        List<Future<?>> shares = new ArrayList<>();
        for (int worker = 0; worker < WORKERS; worker++) {
            int mine = worker;
            List<Action> share = due.stream().filter(action -> action.promise() % WORKERS == mine).toList();
            if (!share.isEmpty()) {
                shares.add(workers.submit(() -> batch.executeWithoutResult(status ->
                        share.forEach(action -> apply(action, plans, conversations)))));
            }
        }
        for (Future<?> share : shares) {
            try {
                share.get();
            } catch (InterruptedException | ExecutionException e) {
                throw new IllegalStateException("An action failed", e);
            }
        }
    }

    private void apply(Action action, Plan[] plans, List<Conversation> conversations) {
        Plan plan = plans[action.promise()];
        UUID id = ids[action.promise()];
        switch (action.act()) {
            case MAKE -> {
                Instant due = deadline(plan.dueStep());
                ids[action.promise()] = ledger.make(new Promise.Terms(
                        conversations.get(plan.conversation()).id().value(), null,
                        "Promise " + action.promise() + ": " + plan.outcome(), plan.owner(), null, null, due,
                        due.plus(STEP.multipliedBy(plan.tellWithin()))), "Simulation").id();
            }
            case RENEGOTIATE -> {
                Instant due = deadline(action.newDueStep());
                ledger.renegotiate(id, due, due.plus(STEP.multipliedBy(plan.tellWithin())), "A new date",
                        "Simulation");
            }
            case CANCEL -> ledger.cancel(id, "No longer needed", "Simulation");
            case DONE -> ledger.markDone(id, "Simulation");
            case TELL -> ledger.markContacted(id, "on the phone", "Simulation");
            case RESOLVE -> ledger.resolve(id, "Apologised and did it the next morning", "Simulation");
        }
    }

    private void add(int step, Act act, int promise) {
        add(step, new Action(act, promise, -1));
    }

    private void add(int step, Action action) {
        List<Action> due = actions.computeIfAbsent(step, s -> new ArrayList<>());
        due.add(action);
        due.sort(Comparator.comparing(Action::act).thenComparingInt(Action::promise));
    }

    /** A reply reaches the ledger after its transaction, on another thread: wait until it has. */
    private void awaitEventsHandled() {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20)).until(() ->
                jdbc.sql("select count(*) from event_publication where completion_date is null")
                        .query(Long.class).single() == 0);
    }

    private Map<String, Long> statesInDatabase(List<UUID> conversations) {
        Map<String, Long> states = new TreeMap<>();
        jdbc.sql("select state, count(*) as promises from promise where conversation in (:c) group by state")
                .param("c", conversations)
                .query((rs, n) -> Map.entry(rs.getString("state"), rs.getLong("promises")))
                .list().forEach(entry -> states.put(entry.getKey(), entry.getValue()));
        return states;
    }

    private List<String> mismatches(Plan[] plans, List<UUID> conversations) {
        Map<UUID, String> actual = new java.util.HashMap<>();
        jdbc.sql("select id, state, broken_at from promise where conversation in (:c)")
                .param("c", conversations)
                .query((rs, n) -> Map.entry(rs.getObject("id", UUID.class),
                        rs.getString("state") + (rs.getObject("broken_at") == null ? "" : ", broke")))
                .list().forEach(entry -> actual.put(entry.getKey(), entry.getValue()));
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < PROMISES; i++) {
            String expected = plans[i].outcome().end + (plans[i].outcome().breaks ? ", broke" : "");
            if (!expected.equals(actual.get(ids[i])) && wrong.size() < 10) {
                wrong.add("#" + i + " " + plans[i] + ": " + actual.get(ids[i]));
            }
        }
        return wrong;
    }

    private List<String> snapshot(List<UUID> conversations) {
        return jdbc.sql("select id, state, version from promise where conversation in (:c) order by id")
                .param("c", conversations)
                .query((rs, n) -> rs.getString("id") + " " + rs.getString("state") + " " + rs.getLong("version"))
                .list();
    }

    private static long count(Plan[] plans, Predicate<Outcome> which) {
        return Arrays.stream(plans).filter(plan -> which.test(plan.outcome())).count();
    }

    private static int between(Random random, int from, int to) {
        return from + random.nextInt(to - from + 1);
    }

    private static Instant at(int step) {
        return MONDAY.plus(STEP.multipliedBy(step));
    }

    private static Instant deadline(int step) {
        return at(step).plus(PAST_THE_STEP);
    }

    private UUID agent(String name) {
        var invited = roster.invite(name, EmailAddress.of(name.toLowerCase() + "-" + UUID.randomUUID()
                + "@example.com"), Role.AGENT, Set.of());
        return passwords.acceptInvitation(invited.invitationToken(), "a long enough password").id().value();
    }
}
