// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import nl.stadskompas.cases.ProgressView.DelayView;
import nl.stadskompas.cases.ProgressView.TimelineItem;
import nl.stadskompas.organisation.OrganisationCatalogue;
import nl.stadskompas.platform.ValidationProblem;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The resident's progress page: what a secret link shows, and the preview an employee sees before
 * changing a status. A link leads nowhere when it is malformed, unknown, revoked or expired (a set
 * period after the case was closed); the caller cannot tell these apart.
 */
@Service
public class ProgressPages {

    private final ProgressTokens tokens;
    private final Cases cases;
    private final CaseTypes caseTypes;
    private final OrganisationCatalogue organisation;
    private final ContactSettingsManagement contacts;
    private final Clock clock;
    private final Duration expireAfterClosing;

    ProgressPages(ProgressTokens tokens, Cases cases, CaseTypes caseTypes, OrganisationCatalogue organisation,
            ContactSettingsManagement contacts, Clock clock,
            @Value("${stadskompas.cases.progress.expire-after-closing:30d}") Duration expireAfterClosing) {
        this.tokens = tokens;
        this.cases = cases;
        this.caseTypes = caseTypes;
        this.organisation = organisation;
        this.contacts = contacts;
        this.clock = clock;
        this.expireAfterClosing = expireAfterClosing;
    }

    /** What the link shows, or empty when it leads nowhere. */
    @Transactional(readOnly = true)
    public Optional<ProgressView> open(String token, boolean english) {
        Instant now = clock.instant();
        return tokens.find(token)
                .flatMap(t -> cases.findByTenantIdAndId(t.tenantId(), t.caseId()))
                .filter(c -> !c.isClosed() || c.closedAt().plus(expireAfterClosing).isAfter(now))
                .map(c -> view(c, english));
    }

    /**
     * The page as the resident will see it once the case has moved to the status, without changing
     * anything.
     *
     * @throws ValidationProblem when the status cannot be chosen
     */
    @Transactional(readOnly = true)
    public ProgressView preview(UUID tenantId, UUID caseId, String statusCode, boolean english) {
        Case c = cases.findByTenantIdAndId(tenantId, caseId)
                .orElseThrow(() -> new nl.stadskompas.platform.NotFoundException("case"));
        CaseType type = caseTypes.findByTenantIdAndId(tenantId, c.caseTypeId())
                .orElseThrow(() -> ValidationProblem.of("statusCode", "cases.status.unknown"));
        // A copy, changed in memory only.
        Case copy = new Case(c.id(), c.tenantId(), c.reference(), c.caseTypeId(), c.kind(), c.channel(),
                c.ownerTeamId(), c.municipalityId(), c.subject(), c.registeredAt(), c.registeredOn(), c.normDays(), c.normDate(),
                c.expectedDate(), c.statusCode(), c.closedAt(), c.history(), c.delays(), 0L);
        copy.changeStatus(type, statusCode, null, clock.instant(), null);
        return view(copy, english);
    }

    private ProgressView view(Case c, boolean english) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), WorkingDayCalendar.ZONE);
        // Statuses and delays in the order they happened.
        record Moment(Instant at, TimelineItem item) {
        }
        List<Moment> moments = new ArrayList<>();
        c.history().forEach(h -> moments.add(new Moment(h.changedAt(),
                new TimelineItem(dateOf(h.changedAt()), h.residentText(english), null))));
        c.delays().forEach(d -> moments.add(new Moment(d.delayedAt(),
                new TimelineItem(dateOf(d.delayedAt()), null, delayView(d)))));
        moments.sort(Comparator.comparing(Moment::at));
        List<TimelineItem> timeline = moments.stream().map(Moment::item).toList();
        StatusEntry current = c.current();
        String team = organisation.team(c.tenantId(), c.ownerTeamId()).map(t -> t.name()).orElse(null);
        return new ProgressView(c.reference(), c.kind(), c.subject(), c.registeredOn(), current.residentText(english),
                c.isClosed() ? null : current.nextStep(english), current.actor(), team, c.expectedDate(),
                c.isLate(today), c.isClosed(), c.isClosed() ? dateOf(c.closedAt()) : null,
                c.lastDelay().map(ProgressPages::delayView).orElse(null), timeline,
                contacts.of(c.tenantId()).orElse(null));
    }

    private static DelayView delayView(Delay d) {
        return new DelayView(d.kind(), d.reason(), d.explanation(), d.previousDate(), d.newDate());
    }

    private static LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, WorkingDayCalendar.ZONE);
    }
}
