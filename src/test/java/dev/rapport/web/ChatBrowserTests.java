package dev.rapport.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.sun.net.httpserver.HttpServer;
import dev.rapport.agents.Agent;
import dev.rapport.agents.Passwords;
import dev.rapport.agents.Role;
import dev.rapport.agents.Roster;
import dev.rapport.agents.Team;
import dev.rapport.business.BusinessProfile;
import dev.rapport.chat.ChatWidget;
import dev.rapport.chat.IdentitySignature;
import dev.rapport.chat.WidgetDirectory;
import dev.rapport.chat.WidgetTerms;
import dev.rapport.conversations.Channel;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.Desk;
import dev.rapport.conversations.Message;
import dev.rapport.customers.CustomerDirectory;
import dev.rapport.customers.NewCustomer;
import dev.rapport.shared.EmailAddress;
import dev.rapport.support.BrowserPages;
import dev.rapport.support.Browsers;
import dev.rapport.support.FreePorts;
import dev.rapport.support.RapportWebTest;
import dev.rapport.support.TestBusiness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live chat in real Chromium with two browser contexts: a shop's page with the widget's one script tag (served by the
 * test on its own origin) and the agent console. The visitor writes, the agent sees it live with the customer's card
 * and replies, both see each other typing, the visitor's network is cut and restored mid-conversation without a
 * message lost or doubled; with nobody online the widget takes an email address instead; and with Rapport unreachable
 * the shop's page works exactly as before.
 */
@RapportWebTest
class ChatBrowserTests {

    @LocalServerPort int port;
    @Autowired BusinessProfile profile;
    @Autowired Roster roster;
    @Autowired Passwords passwords;
    @Autowired WidgetDirectory widgets;
    @Autowired CustomerDirectory customers;
    @Autowired Desk desk;

    private BrowserPages pages;
    private HttpServer shop;
    private final Map<String, String> shopPages = new ConcurrentHashMap<>();
    private final List<BrowserContext> contexts = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        TestBusiness.ensureSetUp(profile);
        pages = new BrowserPages(port);
        shop = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        shop.createContext("/", exchange -> {
            String html = shopPages.getOrDefault(exchange.getRequestURI().getPath(), "<h1>Not here</h1>");
            byte[] body = html.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        shop.start();
    }

    @AfterEach
    void close() {
        contexts.forEach(BrowserContext::close);
        pages.close();
        shop.stop(0);
    }

    private String shopOrigin() {
        return "http://localhost:" + shop.getAddress().getPort();
    }

    /** A shop page with its own button and the widget's snippet (pointing at {@code rapport}), plus extra head. */
    private String shopPage(String path, String rapport, ChatWidget widget, String identityScript) {
        shopPages.put(path, """
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Toy shop</title>
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <style>body{font-family:Georgia,serif;margin:40px;background:#faf7f0} button{font-size:18px}</style>
                %s</head><body>
                <h1>Wooden toys</h1><p>Hand-made trains, castles and marble runs.</p>
                <button id="add" onclick="document.getElementById('count').textContent = Number(document.getElementById('count').textContent) + 1">Add to basket</button>
                <p>In your basket: <span id="count">0</span></p>
                <script async src="%s/chat/widget.js" data-rapport-chat="%s"></script>
                </body></html>""".formatted(identityScript, rapport, widget.publicKey()));
        return shopOrigin() + path;
    }

    private Page visitorPage(int width, int height) {
        BrowserContext context = Browsers.chromium().newContext(new Browser.NewContextOptions()
                .setViewportSize(width, height));
        contexts.add(context);
        return context.newPage();
    }

    private ChatWidget widget(Team team) {
        return widgets.create(new WidgetTerms("Toy shop", team.id(), "#22614f",
                "Hi! Ask us anything about our toys.", "We are not online right now. Leave your email and we will "
                + "answer by email.", shopOrigin(), ChatWidget.Field.OPTIONAL, ChatWidget.Field.OPTIONAL, false));
    }

    private String agentInTeam(Team team, String name) {
        String email = TestBusiness.agentWithPassword(roster, passwords, Role.AGENT);
        Agent agent = roster.findAgentByEmail(EmailAddress.of(email)).orElseThrow();
        roster.update(agent.id(), name, Role.AGENT, Set.of(team.id()));
        return email;
    }

    @Test
    void aVisitorAndAnAgentChatLiveAndACutNetworkLosesAndDoublesNothing() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Team team = roster.createTeam("Shop chat " + tag, "");
        ChatWidget widget = widget(team);
        String anaEmail = "ana-" + tag + "@example.com";
        customers.create(new NewCustomer("Ana Lima", "Ana", List.of(anaEmail), List.of(),
                List.of("builds marble runs with her kids"), null, Map.of()), null);
        String signature = IdentitySignature.sign(widgets.secretOf(widget), "4711-" + tag, anaEmail);
        String shopUrl = shopPage("/toys", "http://localhost:" + port, widget,
                "<script>window.RapportChat = { identity: { id: '4711-" + tag + "', email: '" + anaEmail
                        + "', name: 'Ana Lima', signature: '" + signature + "' } };</script>");

        Page maria = pages.signedIn(agentInTeam(team, "Maria"));
        maria.navigate(pages.url("/chats"));
        maria.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Go online")).click();
        assertThat(maria.locator(".chat-availability")).containsText("Online for chat");
        Locator sound = maria.locator(".chat-availability [data-chat-sound]");
        assertThat(sound).hasText("Sound on");
        sound.click();
        assertThat(sound).hasAttribute("aria-pressed", "false");
        maria.reload();
        assertThat(maria.locator(".chat-availability [data-chat-sound]")).hasText("Sound off");
        maria.locator(".chat-availability [data-chat-sound]").click();
        assertThat(maria.locator(".chat-availability [data-chat-sound]")).hasAttribute("aria-pressed", "true");
        maria.navigate(pages.url("/inbox?view=all-open&team=" + team.id().value()));
        assertThat(maria.locator("#chat-cues")).hasAttribute("data-connected", "true");
        maria.locator("h1").click();

        Page ana = visitorPage(1280, 860);
        ana.navigate(shopUrl);
        Locator launcher = ana.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Chat with us"));
        launcher.click();
        Locator panel = ana.locator("#rapport-chat-panel");
        assertThat(panel).isVisible();
        assertThat(panel).containsText("Welcome back, Ana!");
        assertThat(panel).containsText("We are online");
        Locator input = ana.getByLabel("Your message");
        input.fill("Hello! Does the big marble run <b>fit</b> a 3-year-old? See https://toys.example/runs");
        input.press("Enter");
        assertThat(panel.locator(".meta").last()).hasText("Sent");
        assertThat(panel.locator(".msg.visitor a")).hasAttribute("href", "https://toys.example/runs");
        assertThat(panel.locator(".msg.visitor b")).hasCount(0);

        Locator cue = maria.locator("#chat-cues .chat-cue.new-chat");
        assertThat(cue).containsText("New chat from Ana Lima");
        assertThat(cue).containsText("Does the big marble run <b>fit</b>");
        assertThat(cue).hasAttribute("data-sound", "played");
        Locator row = maria.locator(".conversation-row.new-chat").filter(new Locator.FilterOptions().setHasText("Ana Lima"));
        assertThat(row).isVisible();
        assertThat(row).containsText("Live chat waiting");
        Browsers.screenshot(maria, "chat-inbox-new-chat");
        row.locator("a.row-link").click();
        assertThat(maria.locator(".thread")).containsText("Does the big marble run <b>fit</b> a 3-year-old?");
        assertThat(maria.locator("#customer-card")).containsText("builds marble runs with her kids");
        Locator chatPanel = maria.locator(".chat-panel");
        assertThat(chatPanel).containsText(shopUrl);
        assertThat(chatPanel).containsText("verified");
        assertThat(chatPanel.locator("[data-chat-connection]")).hasText("live");

        input.pressSequentially("Also", new Locator.PressSequentiallyOptions().setDelay(20));
        assertThat(chatPanel.locator("[data-chat-typing]")).isVisible();
        assertThat(chatPanel.locator("[data-chat-typing]")).containsText("Ana Lima is typing");
        input.press("Enter");
        assertThat(maria.locator(".thread .chat-arrived")).containsText("Also");
        assertThat(chatPanel.locator("[data-chat-typing]")).isHidden();

        maria.locator("#body").pressSequentially("Hi Ana", new Locator.PressSequentiallyOptions().setDelay(20));
        assertThat(panel.locator(".typing")).hasText("Maria is typing…");
        maria.locator("#body").fill("Hi Ana, yes: the big run is fine from 3, the marbles are 25 mm.");
        maria.locator("#composer button[type=submit]").click();
        assertThat(panel.locator(".msg.agent")).containsText("the marbles are 25 mm");
        assertThat(panel).containsText("Maria is helping you");
        assertThat(panel.locator(".meta").last()).hasText("Seen");
        Browsers.screenshot(ana, "chat-widget-desktop");

        ana.context().setOffline(true);
        input.fill("Great, and do you gift-wrap?");
        input.press("Enter");
        String number = maria.url().replaceAll(".*/conversations/(\\d+).*", "$1");
        Conversation conversation = desk.findByNumber(Long.parseLong(number)).orElseThrow();
        maria.navigate(pages.url("/conversations/" + number));
        maria.locator("#body").fill("We gift-wrap for free, just tell us at checkout.");
        maria.locator("#composer button[type=submit]").click();
        ana.waitForTimeout(1500);
        ana.context().setOffline(false);

        assertThat(panel.locator(".msg.agent").filter(new Locator.FilterOptions().setHasText("gift-wrap for free")))
                .hasCount(1, new com.microsoft.playwright.assertions.LocatorAssertions.HasCountOptions().setTimeout(20_000));
        assertThat(panel.locator(".msg.visitor").filter(new Locator.FilterOptions().setHasText("do you gift-wrap?")))
                .hasCount(1);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(desk.messages(conversation.id()).stream().filter(m -> m.kind() == Message.Kind.INBOUND)
                        .map(Message::body).toList()).containsExactly(
                        "Hello! Does the big marble run <b>fit</b> a 3-year-old? See https://toys.example/runs",
                        "Also", "Great, and do you gift-wrap?"));
        assertThat(desk.messages(conversation.id()).stream().filter(m -> m.kind() == Message.Kind.REPLY)).hasSize(2);

        ana.reload();
        ana.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Chat with us")).click();
        assertThat(ana.locator(".msg.visitor")).hasCount(3);
        assertThat(ana.locator(".msg.agent")).hasCount(2);

        maria.navigate(pages.url("/conversations/" + number));
        assertThat(maria.locator(".chat-panel [data-chat-connection]")).not().hasText("connecting…");
        Browsers.screenshot(maria, "chat-agent-view");

        input.fill("Here is the run we have at home");
        ana.waitForFileChooser(() -> ana.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName("Attach a picture or file")).click()).setFiles(new FilePayload("setup.exe",
                "application/octet-stream", new byte[]{'M', 'Z', 0, 0}));
        assertThat(panel.locator(".notice")).containsText(".exe files cannot be sent here");
        assertThat(input).hasValue("Here is the run we have at home");
        Locator attach = ana.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Attach a picture or file"));
        ana.waitForFileChooser(() -> attach.press("Enter"))
                .setFiles(new FilePayload("marble-run.png", "image/png", picture()));
        assertThat(panel.locator(".msg.visitor img.thumb")).hasCount(1);
        assertThat(panel.locator(".meta").last()).hasText(java.util.regex.Pattern.compile("Sent|Seen"));
        assertThat(input).hasValue("Here is the run we have at home");
        input.press("Enter");
        Locator thumbnail = maria.locator(".thread .chat-arrived .attachment-thumb img");
        assertThat(thumbnail).hasCount(1);
        assertThat(maria.locator(".thread .chat-arrived .attachments")).containsText("marble-run.png");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() ->
                ((Number) thumbnail.evaluate("img => img.complete ? img.naturalWidth : 0")).intValue() == 320);
        assertThat(maria.locator(".thread .chat-arrived").last()).containsText("Here is the run we have at home");
        Browsers.screenshot(ana, "chat-widget-attachment-desktop");
        Browsers.screenshot(maria, "chat-agent-attachment");
        maria.reload();
        Locator onThePage = maria.locator(".thread .attachments .attachment-thumb img");
        assertThat(onThePage).hasCount(1);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() ->
                ((Number) onThePage.evaluate("img => img.complete ? img.naturalWidth : 0")).intValue() == 320);

        ana.reload();
        ana.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Chat with us")).click();
        Locator shown = ana.locator(".msg.visitor img.thumb");
        assertThat(shown).hasCount(1);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() ->
                ((Number) shown.evaluate("img => img.complete ? img.naturalWidth : 0")).intValue() == 320);

        maria.navigate(pages.url("/inbox?view=all-open&team=" + team.id().value()));
        assertThat(maria.locator("#chat-cues")).hasAttribute("data-connected", "true");
        ana.getByLabel("Your message").fill("One more thing: is it beech wood?");
        ana.getByLabel("Your message").press("Enter");
        Locator wrote = maria.locator("#chat-cues .chat-cue.visitor-wrote");
        assertThat(wrote).containsText("Ana Lima wrote");
        assertThat(wrote).containsText("is it beech wood?");
        assertThat(wrote.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Open")))
                .hasAttribute("href", "/conversations/" + number);
        Browsers.screenshot(maria, "chat-cue-visitor-wrote");

        Page phone = visitorPage(390, 844);
        phone.navigate(shopUrl);
        phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Chat with us")).click();
        assertThat(phone.locator("#rapport-chat-panel")).isVisible();
        Browsers.screenshot(phone, "chat-widget-phone");
        phone.waitForFileChooser(() -> phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName("Attach a picture or file")).click())
                .setFiles(new FilePayload("marble-run.png", "image/png", picture()));
        assertThat(phone.locator(".msg.visitor img.thumb")).hasCount(1);
        assertThat(phone.locator(".meta").last()).hasText("Sent");
        phone.waitForFileChooser(() -> phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName("Attach a picture or file")).click())
                .setFiles(new FilePayload("price-list.pdf", "application/pdf",
                        "%PDF-1.4\n% a price list\n".repeat(200).getBytes(StandardCharsets.US_ASCII)));
        assertThat(phone.locator(".msg.visitor .file")).containsText("price-list.pdf");
        assertThat(phone.locator(".meta").last()).hasText("Sent");
        Browsers.screenshot(phone, "chat-widget-attachment-phone");
        phone.keyboard().press("Escape");
        assertThat(phone.locator("#rapport-chat-panel")).isHidden();
    }

    /** A small picture of a marble run, as a visitor might send one. */
    private static byte[] picture() {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(320, 200,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new java.awt.GradientPaint(0, 0, new java.awt.Color(0xF6E7C8), 0, 200, new java.awt.Color(0xE2C290)));
        g.fillRect(0, 0, 320, 200);
        g.setColor(new java.awt.Color(0x8B5A2B));
        g.setStroke(new java.awt.BasicStroke(10));
        g.drawLine(30, 40, 290, 90);
        g.drawLine(290, 110, 30, 160);
        java.awt.Color[] marbles = {new java.awt.Color(0x2F6FDB), new java.awt.Color(0xE0893F),
                new java.awt.Color(0x22614F), new java.awt.Color(0xB42318)};
        for (int i = 0; i < marbles.length; i++) {
            g.setColor(marbles[i]);
            g.fillOval(60 + i * 55, 40 + i * 8 - 18, 22, 22);
        }
        g.dispose();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Test
    void withNobodyOnlineTheWidgetTakesAnEmailAddressAndTheMessageBecomesAnEmailConversation() {
        Team team = roster.createTeam("Night shift " + UUID.randomUUID().toString().substring(0, 6), "");
        ChatWidget widget = widget(team);
        Page visitor = visitorPage(1280, 860);
        visitor.navigate(shopPage("/offline", "http://localhost:" + port, widget, ""));
        visitor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Chat with us")).click();
        Locator panel = visitor.locator("#rapport-chat-panel");
        assertThat(panel).containsText("We are not online right now");
        assertThat(panel).containsText("We reply by email");
        visitor.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Paul Weber");
        visitor.getByLabel("Message", new Page.GetByLabelOptions().setExact(true)).fill("Do you ship the castle to Norway?");
        visitor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send message")).click();
        assertThat(panel).containsText("Please give your email address");
        visitor.getByLabel("Email address", new Page.GetByLabelOptions().setExact(true)).fill("paul-" + UUID.randomUUID() + "@example.com");
        visitor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send message")).click();
        assertThat(panel).containsText("Thank you! We have your message (reference #");
        assertThat(panel.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send message"))).hasCount(0);
        Browsers.screenshot(visitor, "chat-widget-offline");

        String reference = panel.textContent().replaceAll("(?s).*reference #(\\d+).*", "$1");
        Conversation conversation = desk.findByNumber(Long.parseLong(reference)).orElseThrow();
        assertThat(conversation.channel()).isEqualTo(Channel.WEB_FORM);
        assertThat(conversation.team()).contains(team.id());
        assertThat(conversation.requester().name()).isEqualTo("Paul Weber");
    }

    @Test
    void theShopsPageWorksExactlyAsBeforeWhenRapportCannotBeReached() throws IOException {
        Team team = roster.createTeam("Down " + UUID.randomUUID().toString().substring(0, 6), "");
        ChatWidget widget = widget(team);
        int deadPort = FreePorts.any();
        Page visitor = visitorPage(1280, 860);
        List<String> errors = new ArrayList<>();
        visitor.onPageError(errors::add);
        visitor.navigate(shopPage("/down", "http://localhost:" + deadPort, widget, ""));
        visitor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add to basket")).click();
        visitor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add to basket")).click();
        assertThat(visitor.locator("#count")).hasText("2");
        assertThat(visitor.locator("#rapport-chat")).hasCount(0);

        Page cut = visitorPage(1280, 860);
        cut.onPageError(errors::add);
        cut.route("http://localhost:" + port + "/**", route -> route.abort());
        cut.navigate(shopPage("/cut", "http://localhost:" + port, widget, ""));
        cut.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add to basket")).click();
        assertThat(cut.locator("#count")).hasText("1");
        cut.waitForTimeout(1500);
        assertThat(cut.locator("#rapport-chat")).hasCount(0);
        assertThat(errors).isEmpty();
    }

    @Test
    void anAdminSetsUpAWidgetAndItsSnippetBringsTheChatToTheShop() {
        Page admin = pages.signedIn(TestBusiness.ADMIN_EMAIL);
        admin.navigate(pages.url("/admin/chat"));
        admin.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Toy shop website");
        admin.getByLabel("Websites allowed to show it").fill("https://toys.example/shop");
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create widget")).click();
        assertThat(admin.locator("#widget-error")).containsText("no path");
        Browsers.screenshot(admin, "chat-admin-list");
        admin.getByLabel("Websites allowed to show it").fill(shopOrigin());
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create widget")).click();
        assertThat(admin.locator("h1")).hasText("Toy shop website");
        String snippet = admin.locator("#snippet").textContent();
        assertThat(snippet).startsWith("<script async src=\"" + pages.url("/chat/widget.js") + "\"");
        Browsers.screenshot(admin, "chat-admin-widget");

        String key = snippet.replaceAll(".*data-rapport-chat=\"([^\"]+)\".*", "$1");
        ChatWidget widget = widgets.all().stream().filter(w -> w.publicKey().equals(key)).findFirst().orElseThrow();
        Page visitor = visitorPage(1280, 860);
        visitor.navigate(shopPage("/from-admin", "http://localhost:" + port, widget, ""));
        visitor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Chat with us")).click();
        assertThat(visitor.locator("#rapport-chat-panel")).containsText("Hi there! How can we help you today?");

        Page agent = pages.signedIn(TestBusiness.agentWithPassword(roster, passwords, Role.AGENT));
        agent.navigate(pages.url("/chats"));
        Browsers.screenshot(agent, "chat-console");
        agent.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Go online")).click();
        assertThat(agent.locator(".chat-availability")).containsText("Online for chat");
        agent.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Go away")).click();
        assertThat(agent.locator(".chat-availability")).containsText("Away");
    }
}
