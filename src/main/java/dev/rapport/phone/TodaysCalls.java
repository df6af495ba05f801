package dev.rapport.phone;

import dev.rapport.business.BusinessCalendar;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/** Today's calls (in the business's time zone) as the calls page shows them: the ones we still owe a call first. */
@Service
@Transactional(readOnly = true)
public class TodaysCalls {

    private final Calls calls;
    private final BusinessCalendar calendar;
    private final Clock clock;

    TodaysCalls(Calls calls, BusinessCalendar calendar, Clock clock) {
        this.calls = calls;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** Missed and not yet called back first, then ringing, then the rest; newest first within each. */
    public List<Call> list() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), calendar.zone());
        Instant from = today.atStartOfDay(calendar.zone()).toInstant();
        Instant to = today.plusDays(1).atStartOfDay(calendar.zone()).toInstant();
        return calls.heardBetween(from, to).stream()
                .sorted(Comparator.comparingInt(TodaysCalls::urgency)
                        .thenComparing(Comparator.comparing(Call::startedAt).reversed()))
                .toList();
    }

    private static int urgency(Call call) {
        if (call.isMissed() && call.calledBackAt().isEmpty()) {
            return 0;
        }
        return call.state() == Call.State.ENDED ? 2 : 1;
    }
}
