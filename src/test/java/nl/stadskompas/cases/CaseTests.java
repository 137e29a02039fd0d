// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import nl.stadskompas.cases.WorkingDayCalendar.LiberationDay;
import nl.stadskompas.platform.ValidationProblem;

import org.junit.jupiter.api.Test;

/**
 * The rules of a case, without a database: expected dates, status changes and delays.
 */
class CaseTests {

    private final WorkingDayCalendar calendar = new WorkingDayCalendar(LiberationDay.LUSTRUM_YEARS);
    private final CaseType type = new CaseType(UUID.randomUUID(), UUID.randomUUID(), "Klacht", "Een klacht.",
            CaseKind.COMPLAINT, null, UUID.randomUUID(), 5, CaseFixtures.complaintStatuses(), 1L);

    private static Instant at(int year, int month, int day) {
        return ZonedDateTime.of(year, month, day, 10, 0, 0, 0, WorkingDayCalendar.ZONE).toInstant();
    }

    private Case registeredOn(Instant at) {
        return Case.register(UUID.randomUUID(), type.tenantId(), "Z-2026-000001", type, IntakeChannel.PHONE,
                type.ownerTeamId(), "Onderwerp", at, null, calendar);
    }

    @Test
    void theExpectedDateIsTheNormInWorkingDaysAfterRegistration() {
        // Thursday 23 April 2026 + 5 working days: Friday 24, Monday 27 is King's Day, then 28, 29, 30, 1 May.
        Case c = registeredOn(at(2026, 4, 23));
        assertThat(c.expectedDate()).isEqualTo(LocalDate.of(2026, 5, 1));
        assertThat(c.normDate()).isEqualTo(c.expectedDate());
        assertThat(c.statusCode()).isEqualTo("ONTVANGEN");
    }

    @Test
    void aCaseRegisteredLateInTheEveningCountsFromThatDutchDay() {
        // 22:30 UTC on Friday 9 January is already Saturday in Amsterdam: + 1 working day is Monday 12.
        Case c = registeredOn(Instant.parse("2026-01-09T23:30:00Z"));
        assertThat(c.registeredOn()).isEqualTo(LocalDate.of(2026, 1, 10));
        Case d = registeredOn(at(2026, 1, 9));
        assertThat(d.expectedDate()).isEqualTo(LocalDate.of(2026, 1, 16));
    }

    @Test
    void aStatusOutsideTheCaseTypeIsRefused() {
        Case c = registeredOn(at(2026, 3, 2));
        assertThatThrownBy(() -> c.changeStatus(type, "VERGUND", null, at(2026, 3, 3), null))
                .isInstanceOf(ValidationProblem.class);
        assertThatThrownBy(() -> c.changeStatus(type, "ONTVANGEN", null, at(2026, 3, 3), null))
                .isInstanceOfSatisfying(ValidationProblem.class,
                        p -> assertThat(p.problems().getFirst().code()).isEqualTo("cases.status.same"));
        assertThat(c.history()).hasSize(1);
    }

    @Test
    void aFinalStatusClosesTheCaseAndNothingChangesAfterwards() {
        Case c = registeredOn(at(2026, 3, 2));
        c.changeStatus(type, "AFGEROND", "klaar", at(2026, 3, 4), null);
        assertThat(c.isClosed()).isTrue();
        assertThat(c.isLate(LocalDate.of(2027, 1, 1))).as("a closed case is never late").isFalse();
        assertThatThrownBy(() -> c.changeStatus(type, "IN_BEHANDELING", null, at(2026, 3, 5), null))
                .isInstanceOf(ValidationProblem.class);
        assertThatThrownBy(() -> c.delay(DelayKind.EXTENSION, DelayReason.BUSY, null, LocalDate.of(2026, 6, 1),
                LocalDate.of(2026, 3, 5), at(2026, 3, 5), null)).isInstanceOf(ValidationProblem.class);
        assertThat(c.history()).extracting(StatusEntry::code).containsExactly("ONTVANGEN", "AFGEROND");
    }

    @Test
    void aSuspensionMovesTheExpectedDateButKeepsTheNormDate() {
        Case c = registeredOn(at(2026, 3, 2));
        LocalDate norm = c.expectedDate();
        c.delay(DelayKind.SUSPENSION, DelayReason.WAITING_FOR_RESIDENT, "Foto nodig", norm.plusDays(14),
                LocalDate.of(2026, 3, 4), at(2026, 3, 4), null);
        assertThat(c.expectedDate()).isEqualTo(norm.plusDays(14));
        assertThat(c.normDate()).isEqualTo(norm);
        assertThat(c.lastDelay()).hasValueSatisfying(d -> assertThat(d.previousDate()).isEqualTo(norm));
        assertThat(c.isLate(norm.plusDays(1))).as("not late within the new date").isFalse();
        assertThat(c.isLate(norm.plusDays(15))).isTrue();
    }

    @Test
    void aDelayMustBeLaterThanTheExpectedDateAndNotInThePast() {
        Case c = registeredOn(at(2026, 3, 2));
        LocalDate expected = c.expectedDate();
        assertThatThrownBy(() -> c.delay(DelayKind.EXTENSION, DelayReason.COMPLEX, null, expected,
                LocalDate.of(2026, 3, 3), at(2026, 3, 3), null)).isInstanceOf(ValidationProblem.class);
        // Already late: the new date must not lie before today either.
        assertThatThrownBy(() -> c.delay(DelayKind.EXTENSION, DelayReason.COMPLEX, null, expected.plusDays(1),
                expected.plusDays(10), at(2026, 4, 1), null)).isInstanceOf(ValidationProblem.class);
        assertThatThrownBy(() -> c.delay(DelayKind.EXTENSION, null, null, expected.plusDays(5),
                LocalDate.of(2026, 3, 3), at(2026, 3, 3), null)).isInstanceOf(ValidationProblem.class);
        assertThat(c.delays()).isEmpty();
    }

    @Test
    void theTimelineKeepsTheTextsTheResidentWasGiven() {
        Case c = registeredOn(at(2026, 3, 2));
        CaseType changed = new CaseType(type.id(), type.tenantId(), "Klacht", "x", CaseKind.COMPLAINT, null,
                type.ownerTeamId(), 5, List.of(
                        new StatusDefinition("ONTVANGEN", "Ontvangen", "Nieuwe tekst", "New text", "x", "x",
                                Actor.MUNICIPALITY, true, false),
                        new StatusDefinition("KLAAR", "Klaar", "Klaar", "Done", null, null, Actor.NOBODY, true, true)),
                2L);
        c.changeStatus(changed, "KLAAR", null, at(2026, 3, 3), null);
        assertThat(c.history().getFirst().residentTextNl()).isEqualTo("We hebben uw klacht ontvangen.");
    }
}
