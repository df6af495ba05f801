package dev.rapport.web;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import dev.rapport.agents.Passwords;
import dev.rapport.agents.Role;
import dev.rapport.agents.Roster;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.business.BusinessProfile;
import dev.rapport.conversations.Channel;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.Desk;
import dev.rapport.conversations.NewConversation;
import dev.rapport.conversations.Requester;
import dev.rapport.customers.Customer;
import dev.rapport.customers.CustomerDirectory;
import dev.rapport.customers.IdentityKind;
import dev.rapport.customers.NewCustomer;
import dev.rapport.shared.EmailAddress;
import dev.rapport.support.BrowserPages;
import dev.rapport.support.Browsers;
import dev.rapport.support.RapportWebTest;
import dev.rapport.support.TestBusiness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The customer card and customer pages as an agent uses them, in real Chromium: the card beside a conversation with
 * passions and notes edited in place, the "learn one thing" prompt, merging two customers, continuity routing with its
 * reason, and the composer's greeting with the name the customer likes to be called.
 */
@RapportWebTest
class CustomerCardBrowserTests {

    @LocalServerPort int port;
    @Autowired BusinessProfile profile;
    @Autowired Roster roster;
    @Autowired Passwords passwords;
    @Autowired Desk desk;
    @Autowired CustomerDirectory directory;

    private BrowserPages pages;
    private String tag;

    @BeforeEach
    void setUp() {
        TestBusiness.ensureSetUp(profile);
        pages = new BrowserPages(port);
        tag = "k" + UUID.randomUUID().toString().substring(0, 7);
    }

    @AfterEach
    void close() {
        pages.close();
    }

    @Test
    void theCardBesideAConversationShowsThePersonAndTakesPassionsAndNotesInPlace() {
        String email = "paul-" + tag + "@customers.example";
        Customer paul = directory.create(new NewCustomer("Paul Martin", "Paulie", List.of(email), List.of(),
                List.of(), "Harbour Models " + tag), null);
        String number = pages.contactForm("Paul Martin", email.toUpperCase(Locale.ROOT),
                "Wheels for the red roadster " + tag,
                "Do you still have spare wheels for the 1969 red roadster?");

        Page maria = pages.signedIn(agent("Maria " + tag).email);
        maria.navigate(pages.url("/conversations/" + number));
        Locator card = maria.locator("#customer-card");
        assertThat(card.locator(".call-them")).hasText("Paulie");
        assertThat(card.locator(".card-kicker")).containsText("Customer #" + grouped(paul.number()));
        assertThat(card).containsText("Paul Martin");
        assertThat(card).containsText("Harbour Models " + tag);
        assertThat(card).containsText("(1 in all)");
        assertThat(card.locator(".recent")).containsText("Wheels for the red roadster " + tag);
        double nameSize = px(card.locator(".call-them").evaluate("e => getComputedStyle(e).fontSize"));
        double bodySize = px(card.locator(".card-line").first().evaluate("e => getComputedStyle(e).fontSize"));
        assertThat(nameSize).as("the preferred name is shown large").isGreaterThanOrEqualTo(bodySize * 1.5);
        BoundingBox name = card.locator(".call-them").boundingBox();
        BoundingBox addPassion = card.getByLabel("Add a passion").boundingBox();
        assertThat(name.x).as("the card stands beside the thread").isGreaterThan(640);
        assertThat(addPassion.y + addPassion.height).as("name and passions visible without scrolling on a laptop")
                .isLessThanOrEqualTo(860);

        maria.evaluate("() => window.stillThisPage = true");
        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add").setExact(true)).click();
        assertThat(card.locator(".flash.problem")).isVisible();
        card.getByLabel("Add a passion").fill("Restores 1960s die-cast cars");
        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add").setExact(true)).click();
        assertThat(card.locator(".passion")).hasCount(1);
        assertThat(card.locator(".passion")).containsText("Restores 1960s die-cast cars");
        assertThat(card.locator(".passion")).containsText("learned by Maria " + tag);
        assertThat(card.locator(".flash.problem")).hasCount(0);
        assertThat(card.getByLabel("Add a passion")).hasValue("");

        card.getByLabel("Add a personal note").fill("Call him Paulie, never Mr Martin");
        card.getByLabel("Pin on the card").check();
        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add note")).click();
        assertThat(card.locator(".customer-note.pinned")).hasCount(1);
        assertThat(card.locator(".customer-note.pinned .note-body")).hasText("Call him Paulie, never Mr Martin");
        assertThat(card.locator(".customer-note.pinned")).containsText("Maria " + tag);
        card.locator(".customer-note.pinned").getByText("Edit", new Locator.GetByTextOptions().setExact(true)).click();
        card.getByLabel("Note", new Locator.GetByLabelOptions().setExact(true))
                .fill("Call him Paulie, never Mr Martin. Races slot cars on Sundays.");
        Browsers.screenshot(maria, "customer-card-editing-note-desktop");
        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save note")).click();
        assertThat(card.locator(".customer-note.pinned .note-body"))
                .hasText("Call him Paulie, never Mr Martin. Races slot cars on Sundays.");
        assertThat(card.locator(".customer-note.pinned")).containsText("edited");
        assertThat(maria).hasURL(pages.url("/conversations/" + number));
        assertThat(maria.evaluate("() => window.stillThisPage === true")).as("edited in place, no page load")
                .isEqualTo(true);

        maria.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start with “Hi Paulie,”")).click();
        assertThat(maria.getByLabel("Message", new Page.GetByLabelOptions().setExact(true))).hasValue("Hi Paulie,\n\n");
        maria.getByLabel("Message", new Page.GetByLabelOptions().setExact(true)).pressSequentially("Yes, we do.");
        maria.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start with “Hi Paulie,”")).click();
        assertThat(maria.getByLabel("Message", new Page.GetByLabelOptions().setExact(true)))
                .hasValue("Hi Paulie,\n\nYes, we do.");

        maria.reload();
        assertThat(card.locator(".passion")).containsText("Restores 1960s die-cast cars");
        assertThat(card.locator(".customer-note.pinned .note-body"))
                .hasText("Call him Paulie, never Mr Martin. Races slot cars on Sundays.");
        assertThat(directory.require(paul.number()).passions()).singleElement()
                .satisfies(p -> assertThat(p.text()).isEqualTo("Restores 1960s die-cast cars"));
        Browsers.screenshot(maria, "customer-card-conversation-desktop");
        maria.setViewportSize(375, 812);
        assertThat(card.locator(".call-them")).isVisible();
        assertThat(noHorizontalOverflow(maria)).as("nothing sticks out sideways on a phone").isTrue();
        Browsers.screenshot(maria, "customer-card-conversation-phone");
    }

    @Test
    void afterThreeConversationsWithoutAPassionTheCardAsksToLearnOneThingUntilDismissed() {
        String email = "kim-" + tag + "@customers.example";
        start("Kim Lee", email, "First question " + tag);
        start("Kim Lee", email, "Second question " + tag);
        Conversation third = start("Kim Lee", email, "Third question " + tag);

        AgentLogin maria = agent("Maria " + tag);
        Page page = pages.signedIn(maria.email);
        page.navigate(pages.url("/conversations/" + third.number()));
        Locator prompt = page.locator("#customer-card .learn-prompt");
        assertThat(prompt).containsText("You’ve talked with Kim 3 times.");
        assertThat(prompt).containsText("What are they passionate about?");
        assertThat(page.locator("#customer-card")).containsText("(3 in all)");

        prompt.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Not now")).click();
        assertThat(page.locator("#customer-card .learn-prompt")).hasCount(0);
        assertThat(page.locator("#customer-card .call-them")).hasText("Kim");
        page.reload();
        assertThat(page.locator("#customer-card .call-them")).hasText("Kim");
        assertThat(page.locator("#customer-card .learn-prompt")).hasCount(0);

        Page sam = pages.signedIn(agent("Sam " + tag).email);
        sam.navigate(pages.url("/conversations/" + third.number()));
        Locator samsPrompt = sam.locator("#customer-card .learn-prompt");
        assertThat(samsPrompt).containsText("You’ve talked with Kim 3 times.");
        samsPrompt.getByLabel("Their passion").fill("Grows bonsai");
        samsPrompt.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
        assertThat(sam.locator("#customer-card .passion")).containsText("Grows bonsai");
        assertThat(sam.locator("#customer-card .learn-prompt")).hasCount(0);
        sam.reload();
        assertThat(sam.locator("#customer-card .passion")).containsText("Grows bonsai");
        assertThat(sam.locator("#customer-card .learn-prompt")).hasCount(0);
    }

    @Test
    void anAgentMergesTwoCustomersFromTheCustomerPage() {
        String work = "paul.work-" + tag + "@customers.example";
        String home = "paul.home-" + tag + "@customers.example";
        start("Paul Martin " + tag, work, "Invoice for the shop " + tag);
        start("Paul " + tag, home, "Birthday present for my son " + tag);
        Customer atWork = directory.lookup(IdentityKind.EMAIL, work).orElseThrow();
        Customer atHome = directory.lookup(IdentityKind.EMAIL, home).orElseThrow();
        directory.addNote(atHome.number(), "Collects Hot Wheels with his sons", true, SignedInAgent.of(
                roster.findAgentByEmail(EmailAddress.of(TestBusiness.ADMIN_EMAIL)).orElseThrow()));

        Page page = pages.signedIn(agent("Maria " + tag).email);
        page.navigate(pages.url("/customers?q=" + tag));
        assertThat(page.locator("table.table tbody tr")).hasCount(2);
        Browsers.screenshot(page, "customers-list-search-desktop");
        page.navigate(pages.url("/customers"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Customers"))).isVisible();
        assertThat(page.locator("table.table tbody tr").first()).containsText("Paul " + tag);
        Browsers.screenshot(page, "customers-list-desktop");
        page.setViewportSize(375, 812);
        assertThat(noHorizontalOverflow(page)).as("the customers list fits a phone").isTrue();
        assertThat(fitsItsBox(page.locator(".card.flush"))).as("the table needs no sideways scrolling").isTrue();
        Browsers.screenshot(page, "customers-list-phone");
        page.setViewportSize(1280, 860);

        page.locator("table.table").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                .setName("Paul Martin " + tag)).click();
        assertThat(page).hasURL(pages.url("/customers/" + atWork.number()));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Paul Martin " + tag)
                .setLevel(1))).isVisible();
        page.getByLabel("Other customer's number").fill("#" + atHome.number());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Merge").setExact(true)).click();

        assertThat(page).hasURL(pages.url("/customers/" + atWork.number()));
        assertThat(page.locator(".flash.notice")).containsText("Customer #" + atHome.number()
                + " merged into this customer");
        Locator identities = page.locator("article", new Page.LocatorOptions().setHas(page.getByRole(
                AriaRole.HEADING, new Page.GetByRoleOptions().setName("How they reach us"))));
        assertThat(identities).containsText(work);
        assertThat(identities).containsText(home);
        Locator history = page.locator("article", new Page.LocatorOptions().setHas(page.getByRole(
                AriaRole.HEADING, new Page.GetByRoleOptions().setName("History"))));
        assertThat(history.locator("li")).hasCount(2);
        assertThat(history).containsText("Invoice for the shop " + tag);
        assertThat(history).containsText("Birthday present for my son " + tag);
        assertThat(page.locator("#customer-card .customer-note.pinned")).containsText("Collects Hot Wheels");
        assertThat(page.locator("#customer-card")).containsText("(2 in all)");
        assertThat(page.locator("article", new Page.LocatorOptions().setHasText("Record changes")))
                .containsText("Customer #" + atHome.number() + " (Paul " + tag + ") merged into #" + atWork.number()
                        + "; 1 conversation moved");
        Browsers.screenshot(page, "customer-page-desktop");
        page.setViewportSize(375, 812);
        assertThat(noHorizontalOverflow(page)).as("the customer page fits a phone").isTrue();
        assertThat(fitsItsBox(history)).as("long subjects in the history stay inside the card").isTrue();
        Browsers.screenshot(page, "customer-page-phone");
        page.setViewportSize(1280, 860);

        page.navigate(pages.url("/customers/" + atHome.number()));
        assertThat(page).hasURL(pages.url("/customers/" + atWork.number()));
        assertThat(page.locator(".flash.notice")).containsText("Customer #" + atHome.number()
                + " was merged into this customer.");
        page.navigate(pages.url("/customers?q=" + tag));
        assertThat(page.locator("table.table tbody tr")).hasCount(1);

        page.navigate(pages.url("/customers/" + atWork.number()));
        page.getByLabel("Other customer's number").fill("not a number");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Merge").setExact(true)).click();
        assertThat(page.locator(".flash.problem")).hasCount(1);
        assertThat(page.locator(".flash.problem")).containsText("Enter the other customer's number");
        assertThat(page.getByLabel("Other customer's number")).hasValue("not a number");

        String kims = "kim-" + tag + "@customers.example";
        start("Kim " + tag, kims, "Another customer " + tag);
        long kim = directory.lookup(IdentityKind.EMAIL, kims).orElseThrow().number();
        identities.getByLabel("Kind").selectOption("EMAIL");
        identities.getByLabel("Address, number or id").fill(kims.toUpperCase(Locale.ROOT));
        identities.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add").setExact(true)).click();
        assertThat(page.locator(".flash.problem")).hasCount(1);
        assertThat(page.locator(".flash.problem")).containsText(kims + " already belongs to customer #" + kim + ".");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Open customer #" + kim)))
                .hasAttribute("href", "/customers/" + kim);
        Browsers.screenshot(page, "customer-page-identity-taken-desktop");
    }

    @Test
    void aReturningCustomerIsRoutedToTheirPersonAndTheConversationSaysWhy() {
        AgentLogin maria = agent("Maria " + tag);
        String email = "ana-" + tag + "@customers.example";
        Conversation first = start("Ana Souza", email, "Engine missing " + tag);

        Page page = pages.signedIn(maria.email);
        page.navigate(pages.url("/conversations/" + first.number()));
        assertThat(page.locator(".routing-note")).hasCount(0);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start with “Hi Ana,”")).click();
        page.getByLabel("Message", new Page.GetByLabelOptions().setExact(true)).pressSequentially(
                "a new engine leaves today.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
        assertThat(page.getByText("Reply sent to Ana Souza.")).isVisible();
        assertThat(page.locator(".entry.message.reply .message-body")).hasText("Hi Ana,\n\na new engine leaves today.");
        assertThat(page.locator("#customer-card")).containsText("Maria " + tag);

        String second = pages.contactForm("Ana Souza", "Ana-" + tag + "@Customers.example",
                "Engine arrived, box damaged " + tag,
                "The engine came but the box was crushed.");

        assertThat(desk.findByNumber(Long.parseLong(second)).orElseThrow().assignee()).contains(maria.id);
        page.navigate(pages.url("/inbox?view=mine"));
        assertThat(page.locator(".conversation-row", new Page.LocatorOptions()
                .setHasText("Engine arrived, box damaged " + tag))).isVisible();
        page.navigate(pages.url("/conversations/" + second));
        assertThat(page.locator(".routing-note")).hasText("Routed to Maria " + tag + ", who has helped Ana once");
        BoundingBox reason = page.locator(".routing-note").boundingBox();
        assertThat(reason.y + reason.height).as("the reason is in view on a laptop").isLessThanOrEqualTo(860);
        assertThat(page.getByLabel("Assignee")).hasValue(maria.id.toString());
        assertThat(page.locator(".activity-line")).containsText(new String[] {"started the conversation",
                "Routed to Maria " + tag + ", who has helped Ana once"});
        assertThat(page.locator("#customer-card")).containsText("(2 in all)");
        Browsers.screenshot(page, "routed-conversation-desktop");
    }

    private Conversation start(String name, String email, String subject) {
        return desk.start(new NewConversation(subject, new Requester(name, EmailAddress.of(email)), Channel.EMAIL,
                "Hello, it's " + name + ". " + subject, null));
    }

    private record AgentLogin(String email, dev.rapport.agents.Agent.AgentId id) {
    }

    /** An active agent with a name of its own, so the card and routing note can be checked for it. */
    private AgentLogin agent(String name) {
        String email = name.toLowerCase(Locale.ROOT).replace(' ', '-') + "@rapport.test";
        Roster.Invited invited = roster.invite(name, EmailAddress.of(email), Role.AGENT, Set.of());
        return new AgentLogin(email, passwords.acceptInvitation(invited.invitationToken(), TestBusiness.PASSWORD).id());
    }

    private static boolean noHorizontalOverflow(Page page) {
        return (Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth");
    }

    private static boolean fitsItsBox(Locator box) {
        return (Boolean) box.evaluate("e => e.scrollWidth <= e.clientWidth");
    }

    private static double px(Object cssSize) {
        return Double.parseDouble(cssSize.toString().replace("px", ""));
    }

    private static String grouped(long number) {
        return String.format(Locale.ROOT, "%,d", number);
    }
}
