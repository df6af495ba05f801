/*
 * Chat load client: opens many visitor WebSockets to one Rapport node, has each write once (a chat conversation
 * each), then replies to every chat through the conversations API as an agent would and measures how long each reply
 * takes to reach its visitor (from the moment the reply is posted until the visitor's socket receives the line).
 * Counts replies lost (not received within 15 s) and doubled (received twice). Run by run.sh; plain JDK, no build:
 *
 *   java ChatLoad.java BASE_URL WIDGET_KEY ORIGIN API_TOKEN VISITORS ROUNDS REPLIES_PER_SECOND
 */
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class ChatLoad {

    static final Pattern NUMBER = Pattern.compile("\"number\":(\\d+)");
    static final Pattern TYPE = Pattern.compile("\"type\":\"([a-z-]+)\"");
    static final Pattern BENCH = Pattern.compile("bench-(\\d+)-(\\d+)");

    static final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    static final Map<String, Integer> received = new ConcurrentHashMap<>();
    static final List<Long> latenciesMicros = Collections.synchronizedList(new ArrayList<>());
    /** Each received reply as {posted at (ns since the first post), latency (µs)}, for the tail over time. */
    static final List<long[]> timeline = Collections.synchronizedList(new ArrayList<>());
    static volatile long firstPost;

    static final class Visitor implements WebSocket.Listener {
        final int index;
        final StringBuilder partial = new StringBuilder();
        final CompletableFuture<Long> number = new CompletableFuture<>();
        final CountDownLatch welcomed = new CountDownLatch(1);
        WebSocket socket;

        Visitor(int index) {
            this.index = index;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String json = partial.toString();
                partial.setLength(0);
                long now = System.nanoTime();
                Matcher type = TYPE.matcher(json);
                String kind = type.find() ? type.group(1) : "";
                if (kind.equals("error")) {
                    System.err.println("visitor " + index + ": " + json);
                }
                if (kind.equals("welcome")) {
                    welcomed.countDown();
                } else if (kind.equals("ack")) {
                    Matcher n = NUMBER.matcher(json);
                    if (n.find()) {
                        number.complete(Long.parseLong(n.group(1)));
                    }
                } else if (kind.equals("line") && json.contains("\"author\":\"agent\"")) {
                    Matcher bench = BENCH.matcher(json);
                    if (bench.find()) {
                        String id = bench.group();
                        if (received.merge(id, 1, Integer::sum) == 1) {
                            Long at = sentAt.get(id);
                            if (at != null) {
                                latenciesMicros.add((now - at) / 1000);
                                timeline.add(new long[] {at - firstPost, (now - at) / 1000});
                            }
                        }
                    }
                }
            }
            webSocket.request(1);
            return null;
        }
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String key = args[1];
        String origin = args[2];
        String token = args[3];
        int visitors = Integer.parseInt(args[4]);
        int rounds = Integer.parseInt(args[5]);
        int perSecond = Integer.parseInt(args[6]);
        HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        String ws = base.replaceFirst("^http", "ws") + "/chat/visitor/ws?w=" + key;

        long start = System.nanoTime();
        List<Visitor> all = new ArrayList<>();
        for (int i = 0; i < visitors; i++) {
            Visitor visitor = new Visitor(i);
            visitor.socket = http.newWebSocketBuilder().header("Origin", origin).buildAsync(URI.create(ws), visitor)
                    .get(30, TimeUnit.SECONDS);
            visitor.socket.sendText("{\"type\":\"hello\",\"after\":0,\"page\":\"" + origin + "/bench\"}", true);
            all.add(visitor);
        }
        for (Visitor visitor : all) {
            if (!visitor.welcomed.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("visitor " + visitor.index + " not welcomed");
            }
            visitor.socket.sendText("{\"type\":\"say\",\"id\":\"c-bench-" + visitor.index + "-first\",\"text\":\"Hello, "
                    + "I am visitor " + visitor.index + "\",\"name\":\"Load " + visitor.index + "\"}", true);
        }
        for (Visitor visitor : all) {
            visitor.number.get(60, TimeUnit.SECONDS);
        }
        System.out.printf("connected and chatting: %d visitors in %.1f s%n", visitors,
                (System.nanoTime() - start) / 1e9);

        AtomicInteger failedPosts = new AtomicInteger();
        var posters = Executors.newVirtualThreadPerTaskExecutor();
        long intervalNanos = 1_000_000_000L / perSecond;
        long next = System.nanoTime();
        firstPost = next;
        int total = 0;
        for (int round = 0; round < rounds; round++) {
            for (Visitor visitor : all) {
                String id = "bench-" + visitor.index + "-" + round;
                long number = visitor.number.get();
                // Sleep until the reply is due (spinning would take one of the machine's cores from the node).
                for (long wait = next - System.nanoTime(); wait > 0; wait = next - System.nanoTime()) {
                    if (wait > 200_000) {
                        LockSupport.parkNanos(wait - 100_000);
                    } else {
                        Thread.onSpinWait();
                    }
                }
                next += intervalNanos;
                total++;
                posters.submit(() -> {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/conversations/" + number
                                    + "/messages")).header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"reply\",\"body\":\"" + id + "\"}"))
                            .build();
                    sentAt.put(id, System.nanoTime());
                    try {
                        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        if (status != 201) {
                            failedPosts.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failedPosts.incrementAndGet();
                    }
                });
            }
        }
        posters.shutdown();
        posters.awaitTermination(5, TimeUnit.MINUTES);
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (received.size() < total - failedPosts.get() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        List<Long> sorted;
        synchronized (latenciesMicros) {
            sorted = new ArrayList<>(latenciesMicros);
        }
        Collections.sort(sorted);
        long doubled = received.values().stream().filter(count -> count > 1).count();
        System.out.printf("replies: %d posted at %d/s, %d failed posts, %d received, %d lost, %d doubled%n", total,
                perSecond, failedPosts.get(), received.size(), total - failedPosts.get() - received.size(), doubled);
        System.out.printf("agent-to-visitor latency ms: p50 %.1f, p95 %.1f, p99 %.1f, max %.1f%n", pct(sorted, 50),
                pct(sorted, 95), pct(sorted, 99), sorted.isEmpty() ? 0 : sorted.getLast() / 1000.0);
        System.out.println("latency by when the reply was posted (10 s windows): replies, p50, p99, max ms");
        List<long[]> byTime;
        synchronized (timeline) {
            byTime = new ArrayList<>(timeline);
        }
        byTime.stream().collect(java.util.stream.Collectors.groupingBy(r -> r[0] / 10_000_000_000L,
                        java.util.TreeMap::new, java.util.stream.Collectors.mapping(r -> r[1],
                                java.util.stream.Collectors.toList())))
                .forEach((window, micros) -> {
                    List<Long> w = new ArrayList<>(micros);
                    Collections.sort(w);
                    System.out.printf("  %3d-%3d s: %4d, %8.1f, %8.1f, %8.1f%n", window * 10, window * 10 + 10,
                            w.size(), pct(w, 50), pct(w, 99), w.getLast() / 1000.0);
                });
        System.exit(0);
    }

    static double pct(List<Long> sorted, int p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100)) / 1000.0;
    }
}
