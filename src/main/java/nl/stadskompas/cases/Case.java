// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import nl.stadskompas.platform.ValidationProblem;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One request of a resident or entrepreneur: its type, the team that owns it, the status it is in
 * with the statuses before, and the date by which it is expected to be done. Once it reaches a final
 * status it is closed and nothing about it changes any more.
 */
@Table("case_file")
class Case {

    @Id
    private final UUID id;
    private final UUID tenantId;
    private final String reference;
    private final UUID caseTypeId;
    private final CaseKind kind;
    private final IntakeChannel channel;
    private final UUID ownerTeamId;
    private final UUID municipalityId;
    private final String subject;
    private final Instant registeredAt;
    private final LocalDate registeredOn;
    private final int normDays;
    private final LocalDate normDate;
    private LocalDate expectedDate;
    private String statusCode;
    private Instant closedAt;
    @MappedCollection(idColumn = "case_file", keyColumn = "case_file_key")
    private final List<StatusEntry> history;
    @MappedCollection(idColumn = "case_file", keyColumn = "case_file_key")
    private final List<Delay> delays;
    @Version
    private Long version;

    @PersistenceCreator
    Case(UUID id, UUID tenantId, String reference, UUID caseTypeId, CaseKind kind, IntakeChannel channel,
            UUID ownerTeamId, UUID municipalityId, String subject, Instant registeredAt, LocalDate registeredOn,
            int normDays, LocalDate normDate, LocalDate expectedDate, String statusCode, Instant closedAt,
            List<StatusEntry> history, List<Delay> delays, Long version) {
        this.id = id;
        this.tenantId = tenantId;
        this.reference = reference;
        this.caseTypeId = caseTypeId;
        this.kind = kind;
        this.channel = channel;
        this.ownerTeamId = ownerTeamId;
        this.municipalityId = municipalityId;
        this.subject = subject;
        this.registeredAt = registeredAt;
        this.registeredOn = registeredOn;
        this.normDays = normDays;
        this.normDate = normDate;
        this.expectedDate = expectedDate;
        this.statusCode = statusCode;
        this.closedAt = closedAt;
        this.history = new ArrayList<>(history == null ? List.of() : history);
        this.delays = new ArrayList<>(delays == null ? List.of() : delays);
        this.version = version;
    }

    /**
     * A new case in the first status of its type, expected the norm number of working days after the
     * day it was registered.
     */
    static Case register(UUID id, UUID tenantId, String reference, CaseType type, IntakeChannel channel, UUID ownerTeamId,
            String subject, Instant at, UUID by, WorkingDayCalendar calendar) {
        return register(id, tenantId, reference, type, channel, ownerTeamId, null, subject, at, by, calendar);
    }

    /**
     * As above, about a municipality of the organisation (null when it is not known).
     */
    static Case register(UUID id, UUID tenantId, String reference, CaseType type, IntakeChannel channel, UUID ownerTeamId,
            UUID municipalityId, String subject, Instant at, UUID by, WorkingDayCalendar calendar) {
        LocalDate on = at.atZone(WorkingDayCalendar.ZONE).toLocalDate();
        LocalDate due = calendar.plusWorkingDays(on, type.normDays());
        StatusDefinition first = type.firstStatus();
        Case created = new Case(id, tenantId, reference, type.id(), type.kind(), channel, ownerTeamId, municipalityId,
                subject, at, on,
                type.normDays(), due, due, first.code(), null, List.of(), List.of(), null);
        created.history.add(StatusEntry.of(first, at, by, null));
        return created;
    }

    /**
     * Moves the case to a status of its type; a final status closes it.
     *
     * @throws ValidationProblem when the case is closed, the status is not one of its type, or it is
     *         the status the case is already in
     */
    StatusEntry changeStatus(CaseType type, String code, String note, Instant at, UUID by) {
        if (isClosed()) {
            throw ValidationProblem.of("statusCode", "cases.status.closed");
        }
        StatusDefinition next = type.status(code)
                .orElseThrow(() -> ValidationProblem.of("statusCode", "cases.status.unknown"));
        if (next.code().equals(statusCode)) {
            throw ValidationProblem.of("statusCode", "cases.status.same");
        }
        StatusEntry entry = StatusEntry.of(next, at, by, note);
        history.add(entry);
        statusCode = next.code();
        if (next.finalStatus()) {
            closedAt = at;
        }
        return entry;
    }

    /**
     * Suspends or extends the case to a later expected date.
     *
     * @throws ValidationProblem when the case is closed or the new date is not later than both the
     *         current expected date and today
     */
    Delay delay(DelayKind delayKind, DelayReason reason, String explanation, LocalDate newDate, LocalDate today,
            Instant at, UUID by) {
        if (isClosed()) {
            throw ValidationProblem.of("newDate", "cases.status.closed");
        }
        if (delayKind == null) {
            throw ValidationProblem.of("kind", "NotNull");
        }
        if (reason == null) {
            throw ValidationProblem.of("reason", "NotNull");
        }
        if (newDate == null || !newDate.isAfter(expectedDate) || newDate.isBefore(today)) {
            throw ValidationProblem.of("newDate", "cases.delay.notLater", expectedDate);
        }
        Delay delay = new Delay(delayKind, reason, explanation, expectedDate, newDate, at, by);
        delays.add(delay);
        expectedDate = newDate;
        return delay;
    }

    boolean isClosed() {
        return closedAt != null;
    }

    /** Whether the expected date has passed while the case is still open. */
    boolean isLate(LocalDate today) {
        return !isClosed() && today.isAfter(expectedDate);
    }

    StatusEntry current() {
        return history.getLast();
    }

    Optional<Delay> lastDelay() {
        return delays.isEmpty() ? Optional.empty() : Optional.of(delays.getLast());
    }

    UUID id() {
        return id;
    }

    UUID tenantId() {
        return tenantId;
    }

    String reference() {
        return reference;
    }

    UUID caseTypeId() {
        return caseTypeId;
    }

    CaseKind kind() {
        return kind;
    }

    IntakeChannel channel() {
        return channel;
    }

    UUID ownerTeamId() {
        return ownerTeamId;
    }

    /** The municipality the case is about, or null when it is not known. */
    UUID municipalityId() {
        return municipalityId;
    }

    String subject() {
        return subject;
    }

    Instant registeredAt() {
        return registeredAt;
    }

    LocalDate registeredOn() {
        return registeredOn;
    }

    int normDays() {
        return normDays;
    }

    LocalDate normDate() {
        return normDate;
    }

    LocalDate expectedDate() {
        return expectedDate;
    }

    String statusCode() {
        return statusCode;
    }

    Instant closedAt() {
        return closedAt;
    }

    List<StatusEntry> history() {
        return List.copyOf(history);
    }

    List<Delay> delays() {
        return List.copyOf(delays);
    }
}
