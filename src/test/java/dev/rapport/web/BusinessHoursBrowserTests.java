package dev.rapport.web;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.rapport.agents.Roster;
import dev.rapport.agents.Team;
import dev.rapport.business.BusinessCalendar;
import dev.rapport.business.BusinessHours;
import dev.rapport.business.BusinessProfile;
import dev.rapport.shared.ControllableClock;
import dev.rapport.support.BrowserPages;
import dev.rapport.support.Browsers;
import dev.rapport.support.TestBusiness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.EnumSet;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin sets the business hours and gives the weekend shift its own, in real Chromium. Has its own application
 * context (see the property), so that the page shows only this business's teams.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "rapport.test.context=business-hours")
class BusinessHoursBrowserTests {

    @LocalServerPort int port;
    @Autowired BusinessProfile profile;
    @Autowired BusinessCalendar calendar;
    @Autowired Roster roster;
    @Autowired ControllableClock clock;

    private BrowserPages pages;
    private Team weekendShift;

    @BeforeEach
    void setUp() {
        TestBusiness.ensureSetUp(profile);
        roster.createTeam("Support", "Answers customers");
        roster.createTeam("Billing", "Invoices and refunds");
        weekendShift = roster.createTeam("Weekend shift", "Saturdays and Sundays");
        clock.freezeAt(Instant.parse("2025-06-04T09:00:00Z"));
        pages = new BrowserPages(port);
    }

    @AfterEach
    void close() {
        pages.close();
        clock.resume();
    }

    @Test
    void anAdminSetsTheBusinessHoursAndGivesTheWeekendShiftItsOwn() {
        Page admin = pages.signedIn(TestBusiness.ADMIN_EMAIL);
        admin.navigate(pages.url("/admin/business/hours"));
        assertThat(admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Hours").setExact(true)))
                .hasAttribute("aria-current", "page");
        assertThat(admin.locator(".hours-heading .badge")).hasText("Open now");
        Locator weekend = admin.locator("#team-" + weekendShift.id());
        assertThat(weekend.getByLabel("Opens")).isHidden();

        Locator business = admin.locator("article").first();
        business.getByLabel("Saturday").check();
        business.getByLabel("Closes").fill("18:00");
        weekend.getByLabel("Its own hours").check();
        assertThat(weekend.getByLabel("Opens")).isVisible();
        for (String day : new String[] {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"}) {
            weekend.getByLabel(day).uncheck();
        }
        weekend.getByLabel("Saturday").check();
        weekend.getByLabel("Sunday").check();
        weekend.getByLabel("Opens").fill("16:00");
        weekend.getByLabel("Closes").fill("10:00");
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save business hours")).click();

        assertThat(weekend.locator("p.error"))
                .hasText("The closing time must be after the opening time (16:00).");
        assertThat(weekend.getByLabel("Opens")).hasValue("16:00");
        assertThat(weekend.getByLabel("Sunday")).isChecked();
        assertThat(business.getByLabel("Saturday")).isChecked();
        assertThat(business.getByLabel("Closes")).hasValue("18:00");
        Browsers.screenshot(admin, "business-hours-error-desktop");

        weekend.getByLabel("Opens").fill("10:00");
        weekend.getByLabel("Closes").fill("16:00");
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save business hours")).click();

        assertThat(admin.locator(".flash.notice")).hasText("Business hours saved.");
        assertThat(calendar.businessHours()).isEqualTo(new BusinessHours(
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY), LocalTime.of(9, 0), LocalTime.of(18, 0)));
        assertThat(calendar.ownHoursOf(weekendShift.id())).contains(new BusinessHours(
                EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), LocalTime.of(10, 0), LocalTime.of(16, 0)));
        Browsers.screenshot(admin, "business-hours-desktop");
        admin.setViewportSize(375, 812);
        Browsers.screenshot(admin, "business-hours-phone");
    }
}
