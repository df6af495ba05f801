package dev.rapport.web;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.rapport.agents.Passwords;
import dev.rapport.agents.Role;
import dev.rapport.agents.Roster;
import dev.rapport.business.BusinessProfile;
import dev.rapport.support.BrowserPages;
import dev.rapport.support.Browsers;
import dev.rapport.support.RapportWebTest;
import dev.rapport.support.TestBusiness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The shared inbox as agents and a customer use it, in real Chromium: live inbox, reply, note, solve, presence. */
@RapportWebTest
class InboxBrowserTests {

    @LocalServerPort int port;
    @Autowired BusinessProfile profile;
    @Autowired Roster roster;
    @Autowired Passwords passwords;
    @Autowired dev.rapport.conversations.Desk desk;

    private BrowserPages pages;

    @BeforeEach
    void setUp() {
        TestBusiness.ensureSetUp(profile);
        pages = new BrowserPages(port);
    }

    @AfterEach
    void close() {
        pages.close();
    }

    @Test
    void aWebFormMessageAppearsLiveAndIsAnsweredNotedAndSolved() {
        Page maria = pages.signedIn(TestBusiness.agentWithPassword(roster, passwords, Role.AGENT));
        maria.navigate(pages.url("/inbox?view=unassigned"));
        assertThat(maria.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Unassigned"))).isVisible();

        String subject = "Engine missing " + UUID.randomUUID().toString().substring(0, 6);
        String hostile = "<script>window.pwned=1</script><img src=x onerror=\"window.pwned=2\"> "
                + "<a href=\"javascript:window.pwned=3\">click</a>";
        Page customer = pages.page();
        customer.navigate(pages.url("/contact"));
        customer.getByLabel("Your name").fill("Ana Souza");
        customer.getByLabel("Your email").fill("ana-" + UUID.randomUUID().toString().substring(0, 6) + "@customers.example");
        customer.getByLabel("Subject").fill(subject);
        customer.getByLabel("How can we help?").fill("The train set came without its engine.\n" + hostile);
        customer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send message")).click();
        assertThat(customer.locator("#reference")).containsText("#");
        Browsers.screenshot(customer, "contact-thanks-desktop");

        Locator row = maria.locator(".conversation-row", new Page.LocatorOptions().setHasText(subject));
        assertThat(row).isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions()
                .setTimeout(1000));
        assertThat(row).containsText("waiting");
        assertThat(maria.locator("main h1")).hasCount(1);
        assertThat(maria.locator(".views a[aria-current=page] .count")).not().hasText("0");
        Browsers.screenshot(maria, "inbox-live-desktop");
        maria.setViewportSize(375, 812);
        Browsers.screenshot(maria, "inbox-live-phone");
        maria.setViewportSize(1280, 860);

        row.locator("a").click();
        assertThat(maria.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(subject))).isVisible();
        assertThat(maria.locator(".entry.message.inbound .message-body")).containsText("<script>window.pwned=1</script>");
        assertThat(maria.locator(".entry.message.inbound img")).hasCount(0);
        assertThat(maria.locator(".entry.message.inbound a[href^='javascript']")).hasCount(0);
        assertThat(maria.evaluate("() => window.pwned === undefined")).isEqualTo(true);

        maria.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Assign to me")).click();
        assertThat(maria.getByText("It's yours.")).isVisible();

        String samEmail = TestBusiness.agentWithPassword(roster, passwords, Role.AGENT);
        Page sam = pages.signedIn(samEmail);
        sam.navigate(maria.url());
        assertThat(sam.locator("#presence")).containsText("is viewing");
        assertThat(maria.locator("#presence")).containsText("is viewing");

        maria.getByLabel("Message", new Page.GetByLabelOptions().setExact(true))
                .fill("Hello Ana, a new engine leaves today by express post.");
        assertThat(sam.locator("#presence")).containsText("is writing a reply");
        long number = Long.parseLong(maria.url().replaceAll(".*/", ""));
        desk.receive(desk.findByNumber(number).orElseThrow().id(), "Ana Souza", "Also, the box was wet.",
                dev.rapport.conversations.Channel.EMAIL);
        assertThat(maria.locator("#customer-wrote")).isVisible();
        assertThat(maria.getByLabel("Message", new Page.GetByLabelOptions().setExact(true)))
                .hasValue("Hello Ana, a new engine leaves today by express post.");
        maria.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
        assertThat(maria.getByText("Reply sent to Ana Souza.")).isVisible();
        assertThat(maria.locator(".entry.message.reply")).containsText("a new engine leaves today");

        maria.getByLabel("Internal note").check();
        String samHandle = "@" + samEmail.substring(0, samEmail.indexOf('@'));
        maria.getByLabel("Message", new Page.GetByLabelOptions().setExact(true))
                .fill("Engine shipped with tracking. " + samHandle + " can you check it arrives?");
        maria.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
        assertThat(maria.locator(".entry.message.note")).containsText("Engine shipped with tracking.");
        Browsers.screenshot(maria, "conversation-desktop");
        maria.setViewportSize(375, 812);
        Browsers.screenshot(maria, "conversation-phone");
        maria.setViewportSize(1280, 860);

        sam.navigate(pages.url("/inbox"));
        assertThat(sam.locator(".bell-count")).hasText("1");
        sam.locator(".bell").click();
        assertThat(sam.locator(".notification-list li.unread")).containsText("mentioned you in #");

        maria.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Solve")).click();
        assertThat(maria.getByText("Solved.", new Page.GetByTextOptions().setExact(true))).isVisible();
        assertThat(maria.locator(".activity-line")).containsText(new String[] {"started the conversation",
                "took the conversation", "set status to Waiting on customer", "set status to Solved"});
    }

    @Test
    void aStaleChangeIsRefusedWithAClearMessage() {
        Page maria = pages.signedIn(TestBusiness.agentWithPassword(roster, passwords, Role.AGENT));
        Page customer = pages.page();
        String subject = "Stale " + UUID.randomUUID().toString().substring(0, 6);
        customer.navigate(pages.url("/contact"));
        customer.getByLabel("Your name").fill("Cleo");
        customer.getByLabel("Your email").fill("cleo-" + UUID.randomUUID().toString().substring(0, 6) + "@customers.example");
        customer.getByLabel("Subject").fill(subject);
        customer.getByLabel("How can we help?").fill("Hello?");
        customer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send message")).click();
        String number = customer.locator("#reference").textContent().replace("#", "").strip();

        Page sam = pages.signedIn(TestBusiness.agentWithPassword(roster, passwords, Role.AGENT));
        maria.navigate(pages.url("/conversations/" + number));
        sam.navigate(pages.url("/conversations/" + number));
        sam.getByLabel("Priority").selectOption("HIGH");
        sam.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save details")).click();
        assertThat(sam.getByText("Saved.")).isVisible();

        maria.getByLabel("Priority").selectOption("LOW");
        maria.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save details")).click();
        assertThat(maria.locator(".sidebar-card .flash.problem")).containsText("Someone else changed");
        maria.navigate(pages.url("/conversations/" + number));
        assertThat(maria.getByLabel("Priority")).hasValue("HIGH");

        maria.navigate(pages.url("/conversations/999999999"));
        assertThat(maria.getByRole(AriaRole.HEADING)).hasText("We could not find that page");
    }

    @Test
    void fiftyConversationsAreSolvedInOneBulkAction() {
        String email = TestBusiness.agentWithPassword(roster, passwords, Role.AGENT);
        var agent = dev.rapport.agents.SignedInAgent.of(roster.findAgentByEmail(
                dev.rapport.shared.EmailAddress.of(email)).orElseThrow());
        String tag = "bulk" + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 50; i++) {
            var conversation = desk.start(new dev.rapport.conversations.NewConversation("Order " + i,
                    new dev.rapport.conversations.Requester("Customer " + i,
                            dev.rapport.shared.EmailAddress.of("bulk" + i + "@customers.example")),
                    dev.rapport.conversations.Channel.EMAIL, "Where is order " + i + "?", null));
            desk.retag(conversation.id(), agent, java.util.Set.of(tag), null);
        }
        Page page = pages.signedIn(email);
        page.navigate(pages.url("/inbox?view=all-open&tag=" + tag));
        assertThat(page.locator(".conversation-row")).hasCount(50);

        page.keyboard().press("j");
        page.keyboard().press("j");
        assertThat(page.locator(".conversation-row.selected")).hasCount(1);

        page.getByLabel("Select all on this page").check();
        page.getByLabel("Action").selectOption("solve");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply to selected")).click();

        assertThat(page.locator(".flash.notice")).hasText("Solved 50 conversations.");
        assertThat(page.locator(".conversation-row")).hasCount(0);
        page.navigate(pages.url("/inbox?view=solved&tag=" + tag));
        assertThat(page.locator(".conversation-row")).hasCount(50);
    }

    @Test
    void anAgentMergesTwoConversationsOfOneCustomerAndSplitsAMessageOut() {
        String email = TestBusiness.agentWithPassword(roster, passwords, Role.AGENT);
        var customer = new dev.rapport.conversations.Requester("Ana Souza",
                dev.rapport.shared.EmailAddress.of("ana-" + UUID.randomUUID().toString().substring(0, 6) + "@c.example"));
        var first = desk.start(new dev.rapport.conversations.NewConversation("Engine missing", customer,
                dev.rapport.conversations.Channel.EMAIL, "The engine is missing.", null));
        var second = desk.start(new dev.rapport.conversations.NewConversation("Engine missing (again)", customer,
                dev.rapport.conversations.Channel.WEB_FORM, "Writing again about the engine.\nAlso, can I return the kite?", null));
        desk.receive(second.id(), "Ana Souza", "And one more thing: do you sell batteries?",
                dev.rapport.conversations.Channel.WEB_FORM);

        Page page = pages.signedIn(email);
        page.navigate(pages.url("/conversations/" + second.number()));
        page.getByLabel("Merge into conversation").fill(String.valueOf(first.number()));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Merge")).click();

        assertThat(page).hasURL(pages.url("/conversations/" + first.number()));
        assertThat(page.locator(".entry.message.inbound .message-body")).containsText(new String[] {
                "The engine is missing.", "Writing again about the engine.", "do you sell batteries?"});
        page.navigate(pages.url("/conversations/" + second.number()));
        assertThat(page).hasURL(pages.url("/conversations/" + first.number()));
        assertThat(page.locator("#main > .flash.notice")).containsText("was merged into this conversation");

        page.locator(".entry.message.inbound", new Page.LocatorOptions().setHasText("batteries"))
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Split into a new conversation"))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
                .setName("And one more thing: do you sell batteries?"))).isVisible();
        assertThat(page.locator(".entry.message.inbound")).hasCount(1);
        page.navigate(pages.url("/conversations/" + first.number()));
        assertThat(page.locator(".entry.message.inbound")).hasCount(2);
    }
}
