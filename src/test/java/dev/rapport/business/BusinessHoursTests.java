package dev.rapport.business;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BusinessHoursTests {

    private static final LocalTime NINE = LocalTime.of(9, 0);
    private static final LocalTime FIVE = LocalTime.of(17, 0);

    @Test
    void theDefaultIsMondayToFridayNineToFive() {
        assertThat(BusinessHours.DEFAULT.openDays()).containsExactly(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
        assertThat(BusinessHours.DEFAULT.opens()).isEqualTo(NINE);
        assertThat(BusinessHours.DEFAULT.closes()).isEqualTo(FIVE);
        assertThat(BusinessHours.DEFAULT.isOpenOn(SATURDAY)).isFalse();
    }

    @Test
    void refusesHoursWithoutAnOpenDayNamingTheField() {
        assertThatThrownBy(() -> new BusinessHours(Set.of(), NINE, FIVE))
                .isInstanceOfSatisfying(BusinessHours.Rejected.class, e -> assertThat(e.field()).isEqualTo("openDays"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Choose at least one open day.");
        assertThatThrownBy(() -> new BusinessHours(null, NINE, FIVE)).hasMessage("Choose at least one open day.");
    }

    @Test
    void refusesClosingAtOrBeforeOpening() {
        assertThatThrownBy(() -> new BusinessHours(Set.of(MONDAY), NINE, NINE))
                .isInstanceOfSatisfying(BusinessHours.Rejected.class, e -> assertThat(e.field()).isEqualTo("closes"))
                .hasMessage("The closing time must be after the opening time (09:00).");
        assertThatThrownBy(() -> new BusinessHours(Set.of(MONDAY), FIVE, NINE))
                .hasMessage("The closing time must be after the opening time (17:00).");
    }

    @Test
    void refusesMissingTimes() {
        assertThatThrownBy(() -> new BusinessHours(Set.of(MONDAY), null, FIVE))
                .isInstanceOfSatisfying(BusinessHours.Rejected.class, e -> assertThat(e.field()).isEqualTo("opens"));
        assertThatThrownBy(() -> new BusinessHours(Set.of(MONDAY), NINE, null))
                .isInstanceOfSatisfying(BusinessHours.Rejected.class, e -> assertThat(e.field()).isEqualTo("closes"));
    }

    @Test
    void keepsItsOwnCopyOfTheDaysInWeekOrder() {
        Set<DayOfWeek> days = new HashSet<>(Set.of(SATURDAY, MONDAY));
        BusinessHours hours = new BusinessHours(days, NINE, FIVE);
        days.add(FRIDAY);

        assertThat(hours.openDays()).containsExactly(MONDAY, SATURDAY);
        assertThatThrownBy(() -> hours.openDays().add(FRIDAY)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void survivesTheTripThroughItsColumns() {
        BusinessHours hours = new BusinessHours(EnumSet.of(SATURDAY, MONDAY), LocalTime.of(7, 30), LocalTime.of(22, 0));

        assertThat(hours.openDaysColumn()).isEqualTo("MONDAY,SATURDAY");
        assertThat(BusinessHours.fromColumns(hours.openDaysColumn(), hours.opens(), hours.closes())).isEqualTo(hours);
    }
}
