package dev.rapport.business;

import dev.rapport.agents.Roster;
import dev.rapport.agents.SignIn;
import dev.rapport.agents.Team;
import dev.rapport.shared.ControllableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Setup runs first, on the empty database; the tests after it work with the business it created. */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BusinessModuleTests {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Autowired BusinessProfile profile;
    @Autowired BusinessCalendar calendar;
    @Autowired Roster roster;
    @Autowired SignIn signIn;
    @Autowired ControllableClock clock;

    @AfterEach
    void resumeTime() {
        clock.resume();
    }

    @Test
    @Order(1)
    void setsUpOnceWithTheFirstAdminAndRefusesBadInputAndASecondSetup(Scenario scenario) {
        assertThat(profile.isSetUp()).isFalse();
        assertThatThrownBy(() -> profile.setUp(request("Mars/Olympus", "maria@harbourlane.example", "long password 1")))
                .isInstanceOfSatisfying(BusinessProfile.SetupRejected.class,
                        e -> assertThat(e.field()).isEqualTo("timeZone"));
        assertThatThrownBy(() -> profile.setUp(request("Europe/Berlin", "maria@harbourlane.example", "short")))
                .isInstanceOfSatisfying(BusinessProfile.SetupRejected.class,
                        e -> assertThat(e.field()).isEqualTo("adminPassword"));
        assertThat(roster.hasAgents()).as("a rejected setup leaves nothing behind").isFalse();

        scenario.stimulate(() -> profile.setUp(request("Europe/Berlin", "Maria@HarbourLane.example", "long password 1")))
                .andWaitForEventOfType(BusinessSetUp.class)
                .toArriveAndVerify(setUp -> {
                    assertThat(setUp.businessName()).isEqualTo("Harbour Lane Toys");
                    assertThat(roster.findAgent(setUp.firstAdmin()).orElseThrow().name()).isEqualTo("Maria Lopez");
                });

        Business business = profile.current().orElseThrow();
        assertThat(business.timeZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(profile.isSetUp()).isTrue();
        assertThat(signIn.authenticate("maria@harbourlane.example", "long password 1", "test").isAdmin()).isTrue();
        assertThatThrownBy(() -> profile.setUp(request("UTC", "intruder@example.com", "long password 2")))
                .isInstanceOf(BusinessProfile.AlreadySetUp.class);

        profile.update("Harbour Lane Toys & Games", "America/New_York");
        assertThat(profile.current().orElseThrow().name()).isEqualTo("Harbour Lane Toys & Games");
    }

    @Test
    @Order(2)
    void aTeamWorksTheBusinessHoursUntilItIsGivenItsOwn() {
        setUpInBerlin();
        assertThat(calendar.zone()).isEqualTo(BERLIN);
        assertThat(calendar.businessHours()).isEqualTo(BusinessHours.DEFAULT);
        Team weekendShift = roster.createTeam("Weekend shift " + UUID.randomUUID().toString().substring(0, 6), null);
        Optional<Team.TeamId> team = Optional.of(weekendShift.id());
        clock.freezeAt(berlin("2025-06-07T12:00"));

        assertThat(calendar.hoursFor(team)).isEqualTo(BusinessHours.DEFAULT);
        assertThat(calendar.isOpenNow(team)).as("Saturday").isFalse();
        assertThat(calendar.endOfToday(team)).isEqualTo(berlin("2025-06-09T17:00"));

        BusinessHours weekends = new BusinessHours(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
                LocalTime.of(10, 0), LocalTime.of(16, 0));
        calendar.saveTeamHours(weekendShift.id(), weekends);

        assertThat(calendar.ownHoursOf(weekendShift.id())).contains(weekends);
        assertThat(calendar.teamsWithOwnHours()).containsEntry(weekendShift.id(), weekends);
        assertThat(calendar.hoursFor(team)).isEqualTo(weekends);
        assertThat(calendar.isOpenNow(team)).isTrue();
        assertThat(calendar.endOfToday(team)).isEqualTo(berlin("2025-06-07T16:00"));
        assertThat(calendar.next(team, LocalTime.of(10, 0))).isEqualTo(berlin("2025-06-08T10:00"));
        assertThat(calendar.plusBusinessDays(team, 2)).isEqualTo(berlin("2025-06-14T16:00"));
        assertThat(calendar.plusBusinessHours(team, clock.instant(), Duration.ofHours(5)))
                .isEqualTo(berlin("2025-06-08T11:00"));
        assertThat(calendar.endOfToday(Optional.empty())).as("everyone else keeps the business's hours")
                .isEqualTo(berlin("2025-06-09T17:00"));

        calendar.saveTeamHours(weekendShift.id(), new BusinessHours(EnumSet.of(DayOfWeek.SATURDAY),
                LocalTime.of(8, 0), LocalTime.of(12, 0)));
        assertThat(calendar.isOpenNow(team)).as("changed hours replace the old ones").isFalse();

        calendar.useBusinessHours(weekendShift.id());
        assertThat(calendar.ownHoursOf(weekendShift.id())).isEmpty();
        assertThat(calendar.hoursFor(team)).isEqualTo(BusinessHours.DEFAULT);

        assertThatThrownBy(() -> calendar.saveTeamHours(new Team.TeamId(UUID.randomUUID()), weekends))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @Order(3)
    void theBusinessWideHoursAndTimeZoneApplyToEveryTeamWithoutItsOwn() {
        setUpInBerlin();
        BusinessHours longer = new BusinessHours(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY),
                LocalTime.of(8, 0), LocalTime.of(20, 0));
        Team support = roster.createTeam("Support " + UUID.randomUUID().toString().substring(0, 6), null);

        calendar.saveBusinessHours(longer);

        assertThat(profile.current().orElseThrow().hours()).isEqualTo(longer);
        assertThat(calendar.hoursFor(Optional.of(support.id()))).isEqualTo(longer);
        assertThat(calendar.isOpen(Optional.of(support.id()), berlin("2025-06-07T19:00"))).isTrue();

        profile.update(profile.current().orElseThrow().name(), "America/New_York");
        assertThat(calendar.zone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(calendar.endOfToday(Optional.empty(), Instant.parse("2025-06-07T12:00:00Z")))
                .isEqualTo("2025-06-08T00:00:00Z").as("20:00 in New York");

        calendar.saveBusinessHours(BusinessHours.DEFAULT);
        profile.update(profile.current().orElseThrow().name(), "Europe/Berlin");
    }

    private void setUpInBerlin() {
        if (!profile.isSetUp()) {
            profile.setUp(request("Europe/Berlin", "maria@harbourlane.example", "long password 1"));
        }
        profile.update(profile.current().orElseThrow().name(), "Europe/Berlin");
    }

    private static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    private static SetupRequest request(String zone, String email, String password) {
        return new SetupRequest("Harbour Lane Toys", zone, "Maria Lopez", email, password);
    }
}
