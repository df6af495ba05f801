package dev.rapport.web;

import dev.rapport.agents.Passwords;
import dev.rapport.agents.Role;
import dev.rapport.agents.Roster;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.agents.Team;
import dev.rapport.business.BusinessCalendar;
import dev.rapport.business.BusinessHours;
import dev.rapport.business.BusinessProfile;
import dev.rapport.shared.EmailAddress;
import dev.rapport.support.RapportWebTest;
import dev.rapport.support.TestBusiness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** The admin's business hours page: business-wide hours, a team's own hours, and bad input shown where it was typed. */
@RapportWebTest
class BusinessHoursPageTests {

    @Autowired MockMvcTester mvc;
    @Autowired BusinessProfile profile;
    @Autowired BusinessCalendar calendar;
    @Autowired Roster roster;
    @Autowired Passwords passwords;

    private Team team;

    @BeforeEach
    void setUp() {
        TestBusiness.ensureSetUp(profile);
        team = roster.createTeam("Weekend desk " + UUID.randomUUID().toString().substring(0, 6), null);
    }

    @AfterEach
    void restoreTheDefaultHours() {
        calendar.saveBusinessHours(BusinessHours.DEFAULT);
        calendar.useBusinessHours(team.id());
    }

    @Test
    void showsTheBusinessHoursAndEveryTeamOnTheBusinessHoursByDefault() {
        assertThat(mvc.get().uri("/admin/business/hours").with(as(Role.ADMIN))).hasStatusOk().bodyText()
                .contains("<title>Business hours</title>")
                .contains("aria-current=\"page\" class=\"active\">Hours</a>")
                .contains("Europe/Berlin")
                .contains("value=\"09:00\"").contains("value=\"17:00\"")
                .contains("value=\"MONDAY\" id=\"business.openDays1\" name=\"business.openDays\" checked=\"checked\"")
                .contains("value=\"SATURDAY\" id=\"business.openDays6\" name=\"business.openDays\">")
                .contains(team.name())
                .contains("Same as the business <span class=\"subtle\">(Mon–Fri, 09:00–17:00)</span>");
    }

    @Test
    void onlyAdminsSeeOrChangeBusinessHours() {
        for (Role role : new Role[] {Role.AGENT, Role.LEAD, Role.TEAMMATE}) {
            assertThat(mvc.get().uri("/admin/business/hours").with(as(role))).hasStatus(HttpStatus.FORBIDDEN);
            assertThat(mvc.post().uri("/admin/business/hours").with(as(role)).with(csrf())
                    .param("business.openDays", "SATURDAY").param("business.opens", "01:00")
                    .param("business.closes", "02:00")).hasStatus(HttpStatus.FORBIDDEN);
        }
        assertThat(mvc.post().uri("/admin/business/hours").with(as(Role.ADMIN))
                .param("business.openDays", "SATURDAY").param("business.opens", "01:00")
                .param("business.closes", "02:00")).as("without a CSRF token").hasStatus(HttpStatus.FORBIDDEN);
        assertThat(calendar.businessHours()).isEqualTo(BusinessHours.DEFAULT);
    }

    @Test
    void savesTheBusinessHoursAndATeamsOwnHours() {
        assertThat(mvc.post().uri("/admin/business/hours").with(as(Role.ADMIN)).with(csrf())
                .param("business.openDays", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY")
                .param("business.opens", "08:00").param("business.closes", "18:30")
                .param("teams[0].team", team.id().toString()).param("teams[0].ownHours", "true")
                .param("teams[0].hours.openDays", "SATURDAY", "SUNDAY")
                .param("teams[0].hours.opens", "10:00").param("teams[0].hours.closes", "16:00"))
                .hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/admin/business/hours")
                .flash().containsEntry("notice", "Business hours saved.");

        assertThat(calendar.businessHours()).isEqualTo(new BusinessHours(
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY), LocalTime.of(8, 0), LocalTime.of(18, 30)));
        assertThat(calendar.ownHoursOf(team.id())).contains(new BusinessHours(
                EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), LocalTime.of(10, 0), LocalTime.of(16, 0)));
        assertThat(mvc.get().uri("/admin/business/hours").with(as(Role.ADMIN))).hasStatusOk().bodyText()
                .contains("(Mon–Sat, 08:00–18:30)").contains("value=\"18:30\"");

        assertThat(mvc.post().uri("/admin/business/hours").with(as(Role.ADMIN)).with(csrf())
                .param("business.openDays", "MONDAY").param("business.opens", "09:00").param("business.closes", "17:00")
                .param("teams[0].team", team.id().toString()).param("teams[0].ownHours", "false")
                .param("teams[0].hours.opens", "10:00").param("teams[0].hours.closes", "16:00"))
                .hasStatus(HttpStatus.FOUND);
        assertThat(calendar.ownHoursOf(team.id())).as("back to the business's hours").isEmpty();
    }

    @Test
    void badHoursAreShownNextToTheirFieldsAsTypedAndNothingIsSaved() {
        assertThat(mvc.post().uri("/admin/business/hours").with(as(Role.ADMIN)).with(csrf())
                .param("business.opens", "09:00").param("business.closes", "25:61")
                .param("teams[0].team", team.id().toString()).param("teams[0].ownHours", "true")
                .param("teams[0].hours.openDays", "SATURDAY")
                .param("teams[0].hours.opens", "18:00").param("teams[0].hours.closes", "10:00"))
                .hasStatusOk().bodyText()
                .contains("Nothing was saved yet: please check the marked hours.")
                .contains("<p class=\"error\" id=\"business-days-error\">Choose at least one open day.</p>")
                .contains("<p class=\"error\" id=\"business-closes-error\">Enter a time between 00:00 and 23:59, like 17:00.</p>")
                .contains("value=\"25:61\"")
                .contains("<p class=\"error\" id=\"team-0-closes-error\">The closing time must be after the opening time (18:00).</p>")
                .contains("value=\"18:00\"")
                .contains("value=\"SATURDAY\" id=\"teams0.hours.openDays6\" name=\"teams[0].hours.openDays\" checked")
                .contains("value=\"true\" id=\"teams0.ownHours2\" name=\"teams[0].ownHours\" checked");
        assertThat(calendar.businessHours()).isEqualTo(BusinessHours.DEFAULT);
        assertThat(calendar.ownHoursOf(team.id())).isEmpty();
    }

    private RequestPostProcessor as(Role role) {
        String email = TestBusiness.agentWithPassword(roster, passwords, role);
        SignedInAgent agent = SignedInAgent.of(roster.findAgentByEmail(EmailAddress.of(email)).orElseThrow());
        return authentication(UsernamePasswordAuthenticationToken.authenticated(agent, null, agent.getAuthorities()));
    }
}
