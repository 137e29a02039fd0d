// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import nl.stadskompas.cases.WorkingDayCalendar.LiberationDay;

import org.junit.jupiter.api.Test;

/**
 * Dutch working days: weekends and public holidays do not count.
 */
class WorkingDayCalendarTests {

    private final WorkingDayCalendar calendar = new WorkingDayCalendar(LiberationDay.LUSTRUM_YEARS);

    @Test
    void easterMondayIsNoWorkingDayButGoodFridayIs() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 4, 6))).as("Easter Monday 2026").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 4, 3))).as("Good Friday 2026").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 4, 7))).isTrue();
    }

    @Test
    void kingsDayOnASundayMovesToSaturdayTheTwentySixth() {
        // 27 April 2025 was a Sunday: King's Day was celebrated on Saturday 26 April.
        assertThat(calendar.holidaysIn(2025)).contains(LocalDate.of(2025, 4, 26))
                .doesNotContain(LocalDate.of(2025, 4, 27));
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 4, 28))).as("the Monday after").isTrue();
        // On a weekday it is a day off.
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 4, 27))).isFalse();
    }

    @Test
    void liberationDayIsADayOffOnlyInLustrumYearsByDefault() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 5, 5))).as("2025, a lustrum year").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2030, 5, 6))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 5, 5))).as("2026").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 5, 5))).as("2027").isTrue();
    }

    @Test
    void liberationDayCanCountEveryYearOrNever() {
        assertThat(new WorkingDayCalendar(LiberationDay.EVERY_YEAR).isWorkingDay(LocalDate.of(2026, 5, 5))).isFalse();
        assertThat(new WorkingDayCalendar(LiberationDay.NEVER).isWorkingDay(LocalDate.of(2025, 5, 5))).isTrue();
    }

    @Test
    void christmasAndBoxingDayAndNewYearAreNoWorkingDays() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 12, 25))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 12, 26))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 1))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 12, 24))).isTrue();
    }

    @Test
    void ascensionAndWhitMondayAreNoWorkingDays() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 5, 14))).as("Ascension 2026").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 5, 25))).as("Whit Monday 2026").isFalse();
    }

    @Test
    void addingWorkingDaysSkipsWeekends() {
        // Friday 9 January 2026 + 1 working day = Monday 12 January.
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 1, 9), 1)).isEqualTo(LocalDate.of(2026, 1, 12));
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 1, 5), 10)).isEqualTo(LocalDate.of(2026, 1, 19));
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 1, 10), 0)).isEqualTo(LocalDate.of(2026, 1, 10));
    }

    @Test
    void addingWorkingDaysSkipsChristmasAndNewYear() {
        // Wednesday 23 Dec 2026 + 3: the 24th, then 25-27 are off, then the 28th and 29th.
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 12, 23), 3)).isEqualTo(LocalDate.of(2026, 12, 29));
        // Thursday 31 Dec 2026 + 1: New Year's Day (Friday) and the weekend are off, so Monday 4 January.
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 12, 31), 1)).isEqualTo(LocalDate.of(2027, 1, 4));
    }

    @Test
    void addingWorkingDaysSkipsEasterMonday() {
        // Thursday 2 April 2026 + 2: Good Friday 3rd counts, Easter Monday 6th does not -> Tuesday 7th.
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 4, 2), 2)).isEqualTo(LocalDate.of(2026, 4, 7));
    }

    @Test
    void countsWorkingDaysBetweenTwoDates() {
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 5))).isZero();
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 1, 9), LocalDate.of(2026, 1, 12))).isEqualTo(1);
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 1, 12), LocalDate.of(2026, 1, 9))).isEqualTo(-1);
        LocalDate start = LocalDate.of(2026, 12, 21);
        assertThat(calendar.workingDaysBetween(start, calendar.plusWorkingDays(start, 8))).isEqualTo(8);
    }
}
