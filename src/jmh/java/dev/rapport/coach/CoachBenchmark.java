package dev.rapport.coach;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * How many 1,500-character drafts one thread of the coach reads per second (issue 10 asks for at least 5,000 per
 * core). One draft is full of what the coach marks, the other is a long polite reply it must read to the end to
 * find nothing. Run with {@code ./mvnw -Pbenchmarks test-compile exec:exec}; results in docs/benchmarks.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CoachBenchmark {

    static final String TROUBLED_REPLY = """
            Hello,

            Thank you for contacting Ledgerly Support. We apologize for the inconvenience this may have caused.

            I have checked your account and the duplicate charge on 3 March happened because the payment provider \
            retried the transaction after a timeout. This is on their side, not ours, and the system won't let me \
            reverse a charge once it has settled. Our billing department handles reversals and they are quite backed \
            up at the moment, so you'll need to contact them directly if it is urgent.

            I'll try to get someone from billing to look at it. These things usually get sorted soon. In the meantime, \
            please make sure your card details are up to date, because an expired card can also cause retries. I know \
            this is frustrating, especially at the end of the month when your own customers are paying you. We can't \
            refund the fee for the second attempt, but we can credit it against your next invoice if billing agrees.

            As I already explained in my last email, the export only accepts UTF-8 files. If you save the file as \
            UTF-8 and upload it again, the import works. Obviously the old Windows format won't work, and it is NOT \
            something our developers can change for one customer.

            Our developers are also looking into a warning for files in the wrong format. It should be live in the \
            April release, and I'll write to you on the day it goes out. Until then, the help page on imports shows \
            how to save the file in the right format.

            We appreciate your patience and understanding!!!

            Kind regards,
            Ledgerly Support Team
            """;

    static final String POLITE_REPLY = """
            Hi Marta,

            Thanks for walking me through the problem on the phone this morning; seeing it on your screen helped a lot.

            Here is what we found: your recurring invoices were created with the old tax rate because the template \
            still had 19% set as its own rate, separate from the company setting. I changed the template to follow \
            the company setting, and I re-issued the four March invoices with the right rate. Your customers will get \
            the corrected PDFs with a short note that explains the change; you can read the wording under Invoices, \
            Sent, before anything goes out.

            I'm sorry this happened in the busiest week of your quarter. You shouldn't have had to find it yourself. \
            I've asked our developers to show a warning whenever a template has its own rate, so nobody else runs \
            into this; they've planned it for the April release, and I'll write to you the day it's live.

            If any of your customers write back confused, forward them to me and I'll answer them directly, today or \
            tomorrow morning at the latest. And if you'd like, I can check your other templates with you on a short \
            call on Thursday at 10; it takes about fifteen minutes. Your next invoices go out on the 1st, so there \
            is time to look at them together before then, and I'll send you a calendar invitation this afternoon.

            All the best,
            Ruth
            Ledgerly

            On Tue, 10 Mar 2026 at 08:41, Marta Lind <marta@lind-studio.example> wrote:
            > Hi, this is the THIRD time I'm writing. Your support told me to call back later and then nobody answered.
            """;

    private Coach coach;

    @Setup
    public void setUp() {
        coach = Coach.english();
        for (String text : new String[] {TROUBLED_REPLY, POLITE_REPLY}) {
            if (text.length() < 1450 || text.length() > 1600) {
                throw new IllegalStateException("A benchmark draft should be about 1,500 characters: " + text.length());
            }
        }
        if (coach.analyze(TROUBLED_REPLY, Kind.REPLY, Optional.of("Hannah")).findings().size() < 10
                || !coach.analyze(POLITE_REPLY, Kind.REPLY, Optional.of("Marta")).findings().isEmpty()) {
            throw new IllegalStateException("The benchmark drafts no longer read as intended.");
        }
    }

    @Benchmark
    public Analysis troubledReply() {
        return coach.analyze(TROUBLED_REPLY, Kind.REPLY, Optional.of("Hannah"));
    }

    @Benchmark
    public Analysis politeReply() {
        return coach.analyze(POLITE_REPLY, Kind.REPLY, Optional.of("Marta"));
    }
}
