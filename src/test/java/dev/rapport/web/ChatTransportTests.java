package dev.rapport.web;

import dev.rapport.agents.Roster;
import dev.rapport.business.BusinessProfile;
import dev.rapport.chat.ChatJson;
import dev.rapport.chat.ChatWidget;
import dev.rapport.chat.WidgetDirectory;
import dev.rapport.chat.WidgetTerms;
import dev.rapport.support.RapportWebTest;
import dev.rapport.support.TestBusiness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The visitors' transport over real sockets: the WebSocket refuses other websites' pages, acknowledges a message once
 * it is stored, recognises a resend after a reconnect and resumes after the last line; the fallback event stream and
 * posts do the same for browsers without WebSockets, with CORS only for the widget's own websites.
 */
@RapportWebTest
class ChatTransportTests {

    private static final String ORIGIN = "https://shop.example";

    @LocalServerPort int port;
    @Autowired BusinessProfile profile;
    @Autowired WidgetDirectory widgets;
    @Autowired Roster roster;

    private final HttpClient http = HttpClient.newHttpClient();
    private ChatWidget widget;

    @BeforeEach
    void setUp() {
        TestBusiness.ensureSetUp(profile);
        widget = widgets.create(new WidgetTerms("Transport " + UUID.randomUUID(), null, "#22614f", "Hi!", "Away.",
                ORIGIN, ChatWidget.Field.OPTIONAL, ChatWidget.Field.OPTIONAL, false));
    }

    /** A visitor's WebSocket that queues what the server says. */
    final class Visitor implements WebSocket.Listener {
        final BlockingQueue<Map<String, Object>> received = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        final StringBuilder partial = new StringBuilder();
        WebSocket socket;

        Visitor open(String origin) {
            socket = http.newWebSocketBuilder().header("Origin", origin)
                    .buildAsync(URI.create("ws://localhost:" + port + "/chat/visitor/ws?w=" + widget.publicKey()), this)
                    .join();
            return this;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                received.add(ChatJson.read(partial.toString()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        void send(String json) {
            socket.sendText(json, true).join();
        }

        Map<String, Object> next(String type) throws InterruptedException {
            while (true) {
                Map<String, Object> event = received.poll(10, TimeUnit.SECONDS);
                assertThat(event).as("a '" + type + "' event").isNotNull();
                if (type.equals(event.get("type"))) {
                    return event;
                }
            }
        }
    }

    private static String say(String id, String text) {
        return ChatJson.write(Map.of("type", "say", "id", id, "text", text, "name", "Ana"));
    }

    private static String hello(String token, long after) {
        return ChatJson.write(token == null ? Map.of("type", "hello", "after", after, "page", ORIGIN + "/cart")
                : Map.of("type", "hello", "token", token, "after", after, "page", ORIGIN + "/cart"));
    }

    @Test
    void refusesTheHandshakeFromAWebsiteNotOnTheAllowlistOrForAnUnknownWidget() {
        assertThatThrownBy(() -> new Visitor().open("https://evil.example")).isInstanceOf(CompletionException.class)
                .cause().isInstanceOfSatisfying(WebSocketHandshakeException.class,
                        refused -> assertThat(refused.getResponse().statusCode()).isEqualTo(403));
        assertThatThrownBy(() -> http.newWebSocketBuilder().header("Origin", ORIGIN)
                .buildAsync(URI.create("ws://localhost:" + port + "/chat/visitor/ws?w=cw_nope"), new Visitor()).join())
                .cause().isInstanceOfSatisfying(WebSocketHandshakeException.class,
                        refused -> assertThat(refused.getResponse().statusCode()).isEqualTo(404));
    }

    @Test
    @SuppressWarnings("unchecked")
    void acknowledgesOnceStoredRecognisesAResendAfterReconnectingAndResumesAfterTheLastLine() throws Exception {
        Visitor first = new Visitor().open(ORIGIN);
        first.send(hello(null, 0));
        Map<String, Object> welcome = first.next("welcome");
        String token = (String) welcome.get("token");
        assertThat(token).startsWith("cv_");
        assertThat((List<Object>) welcome.get("lines")).isEmpty();
        assertThat(((Map<String, Object>) welcome.get("widget")).get("greeting")).isEqualTo("Hi!");

        first.send(say("c-first-message", "My parcel <b>never</b> came"));
        Map<String, Object> ack = first.next("ack");
        assertThat(ack.get("id")).isEqualTo("c-first-message");
        assertThat(ack.get("duplicate")).isEqualTo(false);
        long seq = ((Number) ack.get("seq")).longValue();
        first.socket.abort();

        Visitor again = new Visitor().open(ORIGIN);
        again.send(hello(token, 0));
        Map<String, Object> back = again.next("welcome");
        assertThat(back.get("token")).as("the same visitor keeps their token").isNull();
        assertThat(back.get("name")).isEqualTo("Ana");
        assertThat((List<Map<String, Object>>) back.get("lines")).extracting(line -> line.get("body"))
                .containsExactly("My parcel <b>never</b> came");
        again.send(say("c-first-message", "My parcel <b>never</b> came"));
        Map<String, Object> resent = again.next("ack");
        assertThat(resent.get("duplicate")).isEqualTo(true);
        assertThat(((Number) resent.get("seq")).longValue()).isEqualTo(seq);
        again.send(say("c-second-message", "Order 1042"));
        again.next("ack");
        again.socket.abort();

        Visitor resumed = new Visitor().open(ORIGIN);
        resumed.send(hello(token, seq));
        assertThat((List<Map<String, Object>>) resumed.next("welcome").get("lines")).extracting(l -> l.get("body"))
                .containsExactly("Order 1042");
    }

    @Test
    void closesTheConnectionOnAFrameLargerThanTheCap() throws Exception {
        Visitor visitor = new Visitor().open(ORIGIN);
        visitor.send(hello(null, 0));
        visitor.next("welcome");
        visitor.send(say("c-huge-message", "x".repeat(20_000)));
        assertThat(visitor.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1009);
    }

    @Test
    void answersTooLongMessagesWithAnErrorTheWidgetShows() throws Exception {
        Visitor visitor = new Visitor().open(ORIGIN);
        visitor.send(hello(null, 0));
        visitor.next("welcome");
        visitor.send(say("c-long-message", "x".repeat(2_001)));
        Map<String, Object> error = visitor.next("error");
        assertThat(error.get("code")).isEqualTo("too-long");
        assertThat(error.get("id")).isEqualTo("c-long-message");
    }

    @Test
    void theFallbackStreamsTheWelcomeAndTakesPostsWithCorsForTheWidgetsWebsiteOnly() throws Exception {
        HttpResponse<InputStream> stream = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/chat/visitor/events?w=" + widget.publicKey() + "&after=0")).header("Origin", ORIGIN).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Access-Control-Allow-Origin")).contains(ORIGIN);
        BufferedReader events = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
        String token = null;
        for (String line = events.readLine(); line != null && token == null; line = events.readLine()) {
            if (line.startsWith("data:")) {
                token = (String) ChatJson.read(line.substring(5)).get("token");
            }
        }
        assertThat(token).startsWith("cv_");

        String send = "http://localhost:" + port + "/chat/visitor/send?w=" + widget.publicKey() + "&token=" + token;
        HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(send)).header("Origin", ORIGIN)
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(
                        say("c-fallback-message", "Hello over the fallback"))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).isEqualTo(200);
        assertThat(posted.headers().firstValue("Access-Control-Allow-Origin")).contains(ORIGIN);
        assertThat(posted.body()).contains("\"type\":\"ack\"").contains("\"duplicate\":false");
        String pushed = null;
        for (String line = events.readLine(); line != null && pushed == null; line = events.readLine()) {
            if (line.startsWith("data:") && line.contains("\"type\":\"line\"")) {
                pushed = line;
            }
        }
        assertThat(pushed).contains("Hello over the fallback");
        stream.body().close();

        HttpResponse<String> foreign = http.send(HttpRequest.newBuilder(URI.create(send))
                .header("Origin", "https://evil.example").POST(HttpRequest.BodyPublishers.ofString(
                        say("c-evil-message", "Hi"))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        HttpResponse<String> noToken = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/chat/visitor/send?w=" + widget.publicKey() + "&token=cv_forged")).header("Origin", ORIGIN)
                .POST(HttpRequest.BodyPublishers.ofString(say("c-forged-message", "Hi"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(noToken.statusCode()).isEqualTo(401);
    }

    @Test
    void theWidgetScriptIsPublicSmallAndLoadableFromOtherWebsites() throws Exception {
        HttpResponse<byte[]> script = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/chat/widget.js")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type").orElse("")).contains("javascript");
        assertThat(script.headers().firstValue("Cross-Origin-Resource-Policy")).contains("cross-origin");
        var gzipped = new java.io.ByteArrayOutputStream();
        try (var gzip = new java.util.zip.GZIPOutputStream(gzipped)) {
            gzip.write(script.body());
        }
        assertThat(gzipped.size()).as("widget.js gzipped").isLessThan(30 * 1024);
    }
}
