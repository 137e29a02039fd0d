// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may ask about cases, for example the module that keeps residents informed:
 * a case's facts and current resident texts, how to reach its requester, and a progress link to put
 * in a message. Every call names the tenant; a case of another tenant is simply not there.
 */
@Service
public class CaseTracking {

    /** The public path of a progress page, followed by the token. */
    public static final String PROGRESS_PATH = "/volgen/";

    private final Cases cases;
    private final CaseTypes caseTypes;
    private final Requesters requesters;
    private final ProgressTokens tokens;
    private final Clock clock;

    CaseTracking(Cases cases, CaseTypes caseTypes, Requesters requesters, ProgressTokens tokens, Clock clock) {
        this.cases = cases;
        this.caseTypes = caseTypes;
        this.requesters = requesters;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** The case as other modules see it, or empty when it does not exist in the tenant. */
    @Transactional(readOnly = true)
    public Optional<CaseSnapshot> find(UUID tenantId, UUID caseId) {
        return cases.findByTenantIdAndId(tenantId, caseId).map(this::snapshot);
    }

    /** The case with this reference in the tenant. */
    @Transactional(readOnly = true)
    public Optional<CaseSnapshot> findByReference(UUID tenantId, String reference) {
        return cases.findByTenantIdAndReference(tenantId, reference).map(this::snapshot);
    }

    /** The tenant's open cases of a kind (for example complaints, for a regular update). */
    @Transactional(readOnly = true)
    public List<CaseSnapshot> openCases(UUID tenantId, CaseKind kind) {
        return cases.findByTenantIdAndKindAndClosedAtIsNull(tenantId, kind).stream().map(this::snapshot).toList();
    }

    /**
     * The tenant's case types with their statuses, for modules that map their own kinds and
     * statuses onto them (such as an adapter for a municipality's case system).
     */
    @Transactional(readOnly = true)
    public List<CaseTypeView> caseTypes(UUID tenantId) {
        return caseTypes.findByTenantIdOrderByName(tenantId).stream().map(CaseType::view).toList();
    }

    /**
     * How to reach the person who made the request: only for sending them messages about this case.
     */
    @Transactional(readOnly = true)
    public Optional<RequesterContact> requester(UUID tenantId, UUID caseId) {
        return requesters.findByTenantIdAndId(tenantId, caseId).map(Requester::contact);
    }

    /**
     * A new progress link for the case, to put in a message or letter: the path
     * {@code /volgen/<token>} (prefix it with the site's address). The token is not stored, so keep
     * it only in the message. Earlier links keep working until an employee replaces them.
     *
     * @return empty when the case does not exist in the tenant
     */
    @Transactional
    public Optional<String> issueProgressLink(UUID tenantId, UUID caseId) {
        return cases.findByTenantIdAndId(tenantId, caseId)
                .map(c -> PROGRESS_PATH + tokens.issue(tenantId, caseId, clock.instant()));
    }

    private CaseSnapshot snapshot(Case c) {
        StatusEntry s = c.current();
        String typeName = caseTypes.findByTenantIdAndId(c.tenantId(), c.caseTypeId()).map(CaseType::name).orElse("");
        return new CaseSnapshot(c.id(), c.tenantId(), c.reference(), c.caseTypeId(), typeName, c.kind(), c.channel(),
                c.ownerTeamId(), c.subject(), c.registeredAt(), c.normDate(), c.expectedDate(), s.code(),
                s.residentTextNl(), s.residentTextEn(), s.nextStepNl(), s.nextStepEn(), s.actor(), c.isClosed(),
                c.closedAt(), c.lastDelay().orElse(null));
    }

    /**
     * A case's facts as other modules see them.
     *
     * @param residentTextNl where it stands, in plain Dutch, as the resident reads it
     * @param nextStepNl what happens next, in plain Dutch (null when nothing does)
     * @param lastDelay the latest suspension or extension, or null
     */
    public record CaseSnapshot(UUID caseId, UUID tenantId, String reference, UUID caseTypeId, String caseTypeName,
            CaseKind kind, IntakeChannel channel, UUID ownerTeamId, String subject, Instant registeredAt,
            LocalDate normDate, LocalDate expectedDate, String statusCode, String residentTextNl,
            String residentTextEn, String nextStepNl, String nextStepEn, Actor actor, boolean closed,
            Instant closedAt, Delay lastDelay) {
    }
}
