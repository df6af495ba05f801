package dev.rapport.web;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
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

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** A team lead imports a CSV file in real Chromium: columns guessed, progress shown live, bad rows reported. */
@RapportWebTest
class CustomerImportBrowserTests {

    @LocalServerPort int port;
    @Autowired BusinessProfile profile;
    @Autowired Roster roster;
    @Autowired Passwords passwords;

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
    void aLeadUploadsMapsAndImportsAFileAndReadsWhichRowsWereRejected() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        StringBuilder csv = new StringBuilder("First name,Last name,E-mail,Mobile,Company,Hobbies\n");
        for (int i = 0; i < 2500; i++) {
            csv.append("Kim").append(i).append(",Import").append(tag).append(",kim").append(i).append('-').append(tag)
                    .append("@example.com,+1 415 300 ").append(String.format("%04d", i)).append(",Kim Toys ")
                    .append(tag).append(",kites; jazz\n");
        }
        csv.append(",,nameless-").append(tag).append("@example.com,,,\n");
        Page lead = pages.signedIn(TestBusiness.agentWithPassword(roster, passwords, Role.LEAD));

        lead.navigate(pages.url("/customers"));
        lead.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Import from CSV")).click();
        lead.getByLabel("CSV file").setInputFiles(new FilePayload("customers-" + tag + ".csv", "text/csv",
                csv.toString().getBytes(StandardCharsets.UTF_8)));
        lead.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload and choose columns")).click();

        assertThat(lead.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("customers-" + tag + ".csv")))
                .isVisible();
        assertThat(lead.getByLabel("Import E-mail as")).hasValue("EMAIL");
        assertThat(lead.getByLabel("Import First name as")).hasValue("FIRST_NAME");
        assertThat(lead.getByLabel("Import Mobile as")).hasValue("PHONE");
        assertThat(lead.getByLabel("Import Hobbies as")).hasValue("PASSIONS");
        assertThat(lead.locator(".samples").first()).containsText("Kim0");
        Browsers.screenshot(lead, "customer-import-mapping-desktop");
        lead.setViewportSize(375, 812);
        Browsers.screenshot(lead, "customer-import-mapping-phone");
        assertThat(lead.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")).isEqualTo(true);
        lead.setViewportSize(1280, 860);

        lead.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import 2,501 rows")).click();
        assertThat(lead.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Import finished")))
                .isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(30000));
        assertThat(lead.locator("#import-progress")).containsText("2,500 imported");
        assertThat(lead.locator("#import-progress")).containsText("1 rejected");
        assertThat(lead.getByRole(AriaRole.ROW).filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("nameless-" + tag))).containsText("The name is missing.");
        Browsers.screenshot(lead, "customer-import-done-desktop");
        lead.setViewportSize(375, 812);
        Browsers.screenshot(lead, "customer-import-done-phone");
        lead.setViewportSize(1280, 860);

        Page admin = pages.signedIn(TestBusiness.ADMIN_EMAIL);
        admin.navigate(pages.url("/admin/customer-attributes"));
        admin.locator("#label").fill("Buyer type " + tag);
        admin.getByLabel("Kind of value").selectOption("CHOICE");
        admin.getByLabel("Choices, one per line (for a choice)").fill("dealer\nend user");
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add field")).click();
        assertThat(admin.locator("table")).containsText("Buyer type " + tag);
        Browsers.screenshot(admin, "customer-fields-admin-desktop");
        admin.setViewportSize(375, 812);
        Browsers.screenshot(admin, "customer-fields-admin-phone");

        lead.navigate(pages.url("/customers?q=Kim2499+Import" + tag));
        assertThat(lead.locator("table")).containsText("Kim2499 Import" + tag);
        lead.getByText("Kim2499 Import" + tag).first().click();
        lead.getByLabel("Buyer type " + tag).selectOption("dealer");
        lead.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save fields")).click();
        assertThat(lead.locator("#customer-card")).containsText("dealer");
        Browsers.screenshot(lead, "customer-page-fields-desktop");
        lead.setViewportSize(375, 812);
        Browsers.screenshot(lead, "customer-page-fields-phone");
    }
}
