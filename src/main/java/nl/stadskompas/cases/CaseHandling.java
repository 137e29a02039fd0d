// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import nl.stadskompas.organisation.OrganisationCatalogue;
import nl.stadskompas.organisation.OrganisationCatalogue.MunicipalityReference;
import nl.stadskompas.organisation.OrganisationCatalogue.TeamReference;
import nl.stadskompas.platform.NotFoundException;
import nl.stadskompas.platform.ValidationProblem;
import nl.stadskompas.platform.ValidationProblem.FieldProblem;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What employees do with cases: register one, see a team's open cases against the norm, change the
 * status, suspend or extend, and give the resident a (new) progress link. Every change publishes its
 * event in the same transaction, so it is recorded in the event publication registry with the change.
 */
@Service
public class CaseHandling {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 -]{5,38}");

    private final Cases cases;
    private final CaseTypes caseTypes;
    private final Requesters requesters;
    private final References references;
    private final ProgressTokens tokens;
    private final OrganisationCatalogue organisation;
    private final WorkingDayCalendar calendar;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CaseHandling(Cases cases, CaseTypes caseTypes, Requesters requesters, References references, ProgressTokens tokens,
            OrganisationCatalogue organisation, WorkingDayCalendar calendar, ApplicationEventPublisher events,
            Clock clock) {
        this.cases = cases;
        this.caseTypes = caseTypes;
        this.requesters = requesters;
        this.references = references;
        this.tokens = tokens;
        this.organisation = organisation;
        this.calendar = calendar;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Registers a case in the first status of its type, with its requester and a first progress link.
     *
     * @throws ValidationProblem listing every problem; nothing is saved then
     */
    @Transactional
    public RegisteredCase register(UUID tenantId, UUID employeeId, Registration registration) {
        return register(tenantId, employeeId, registration, clock.instant());
    }

    /**
     * Registers a case for something a resident sent without giving a name, such as a feedback card:
     * the requester's name may be left out (messages then address them in general words), and so
     * may every way to reach them (then no requester is kept and nobody is sent messages). Otherwise
     * as {@link #register(UUID, UUID, Registration)}.
     *
     * @throws ValidationProblem listing every problem; nothing is saved then
     */
    @Transactional
    public RegisteredCase registerUnnamed(UUID tenantId, UUID employeeId, Registration registration) {
        return register(tenantId, employeeId, registration, clock.instant(), true);
    }

    /** Registers a case as if at the given moment (for demo data and imports). */
    @Transactional
    RegisteredCase register(UUID tenantId, UUID employeeId, Registration registration, Instant now) {
        return register(tenantId, employeeId, registration, now, false);
    }

    private RegisteredCase register(UUID tenantId, UUID employeeId, Registration registration, Instant now,
            boolean unnamed) {
        List<FieldProblem> problems = new ArrayList<>();
        CaseType type = registration.caseTypeId() == null ? null
                : caseTypes.findByTenantIdAndId(tenantId, registration.caseTypeId()).orElse(null);
        if (type == null) {
            problems.add(new FieldProblem("caseTypeId", "cases.case.type.unknown"));
        }
        if (registration.channel() == null) {
            problems.add(new FieldProblem("channel", "NotNull"));
        }
        UUID team = registration.ownerTeamId() != null ? registration.ownerTeamId()
                : type == null ? null : type.ownerTeamId();
        if (registration.ownerTeamId() != null && organisation.team(tenantId, registration.ownerTeamId()).isEmpty()) {
            problems.add(new FieldProblem("ownerTeamId", "cases.type.team.unknown"));
        }
        UUID municipality = registration.municipalityId();
        List<MunicipalityReference> municipalities = organisation.municipalities(tenantId);
        if (municipality == null && municipalities.size() == 1) {
            municipality = municipalities.get(0).id();
        } else if (municipality != null && municipalities.stream().noneMatch(m -> m.id().equals(registration
                .municipalityId()))) {
            problems.add(new FieldProblem("municipalityId", "cases.case.municipality.unknown"));
        }
        String subject = CaseTypeManagement.trim(registration.subject());
        if (subject == null || subject.length() > 500) {
            problems.add(new FieldProblem("subject", "cases.case.subject.invalid"));
        }
        String name = CaseTypeManagement.trim(registration.requesterName());
        if (name == null ? !unnamed : name.length() > 200) {
            problems.add(new FieldProblem("requesterName", "cases.requester.name.invalid"));
        }
        String email = CaseTypeManagement.trim(registration.requesterEmail());
        String phone = CaseTypeManagement.trim(registration.requesterPhone());
        if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            problems.add(new FieldProblem("requesterEmail", "Email"));
        }
        if (phone != null && !PHONE.matcher(phone).matches()) {
            problems.add(new FieldProblem("requesterPhone", "cases.requester.phone.invalid"));
        }
        if (email == null && phone == null && !unnamed) {
            problems.add(new FieldProblem("requesterEmail", "cases.requester.reachable"));
        }
        String language = registration.requesterLanguage() == null ? "nl"
                : registration.requesterLanguage().trim().toLowerCase(Locale.ROOT);
        if (!language.equals("nl") && !language.equals("en")) {
            problems.add(new FieldProblem("requesterLanguage", "cases.requester.language.invalid"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationProblem(problems);
        }
        UUID id = UUID.randomUUID();
        String reference = references.next(tenantId, now.atZone(WorkingDayCalendar.ZONE).getYear());
        Case created = Case.register(id, tenantId, reference, type, registration.channel(), team, municipality,
                subject, now, employeeId, calendar);
        cases.save(created);
        if (email != null || phone != null) {
            requesters.save(Requester.of(id, tenantId, name == null ? "" : name,
                    email == null ? null : email.toLowerCase(Locale.ROOT), phone, language));
        }
        String token = tokens.issue(tenantId, id, now);
        StatusEntry first = created.current();
        events.publishEvent(new CaseRegistered(tenantId, id, reference, type.id(), type.kind(), created.channel(), team,
                now, created.expectedDate(), first.code(), first.informResident(), employeeId));
        return new RegisteredCase(id, reference, token);
    }

    /**
     * The open cases of the tenant, or of one team, with their age in working days against the norm.
     *
     * @param teamId a team, or null for all teams
     * @param sort {@code age} (oldest first, the default) or {@code expected} (earliest expected date first)
     */
    @Transactional(readOnly = true)
    public List<OpenCase> openCases(UUID tenantId, UUID teamId, String sort) {
        LocalDate today = today();
        Map<UUID, String> teams = teamNames(tenantId);
        Map<UUID, String> types = caseTypes.findByTenantIdOrderByName(tenantId).stream()
                .collect(Collectors.toMap(CaseType::id, CaseType::name));
        List<Case> open = teamId == null ? cases.findByTenantIdAndClosedAtIsNull(tenantId)
                : cases.findByTenantIdAndOwnerTeamIdAndClosedAtIsNull(tenantId, teamId);
        Comparator<OpenCase> order = "expected".equals(sort)
                ? Comparator.comparing(OpenCase::expectedDate).thenComparing(OpenCase::reference)
                : Comparator.comparing(OpenCase::ageWorkingDays).reversed().thenComparing(OpenCase::reference);
        return open.stream().map(c -> {
            int age = calendar.workingDaysBetween(c.registeredOn(), today);
            int late = c.isLate(today) ? calendar.workingDaysBetween(c.expectedDate(), today) : 0;
            return new OpenCase(c.id(), c.reference(), c.subject(), types.getOrDefault(c.caseTypeId(), ""),
                    c.ownerTeamId(), teams.getOrDefault(c.ownerTeamId(), ""), c.current().name(), c.registeredOn(),
                    age, c.normDays(), c.expectedDate(), c.isLate(today), late, !c.delays().isEmpty());
        }).sorted(order).toList();
    }

    /** Everything an employee sees of one case. */
    @Transactional(readOnly = true)
    public CaseDetails get(UUID tenantId, UUID caseId) {
        Case c = find(tenantId, caseId);
        LocalDate today = today();
        CaseTypeView type = caseTypes.findByTenantIdAndId(tenantId, c.caseTypeId()).map(CaseType::view).orElse(null);
        List<StatusDefinition> choices = type == null || c.isClosed() ? List.of()
                : type.statuses().stream().filter(s -> !s.code().equals(c.statusCode())).toList();
        RequesterContact requester = requesters.findByTenantIdAndId(tenantId, caseId).map(Requester::contact).orElse(null);
        String municipalityName = c.municipalityId() == null ? null : organisation.municipalities(tenantId).stream()
                .filter(m -> m.id().equals(c.municipalityId())).map(MunicipalityReference::name).findFirst().orElse(null);
        return new CaseDetails(c.id(), c.reference(), c.caseTypeId(), type == null ? "" : type.name(), c.kind(),
                c.channel(), c.ownerTeamId(), teamNames(tenantId).getOrDefault(c.ownerTeamId(), ""),
                c.municipalityId(), municipalityName, c.subject(),
                c.registeredAt(), c.registeredOn(), c.normDays(), c.normDate(), c.expectedDate(),
                calendar.workingDaysBetween(c.registeredOn(), c.isClosed()
                        ? c.closedAt().atZone(WorkingDayCalendar.ZONE).toLocalDate() : today),
                c.isLate(today), c.isClosed(), c.closedAt(), c.current(), c.history(), c.delays(), requester,
                tokens.newestActive(tenantId, caseId).orElse(null), choices);
    }

    /**
     * Moves the case to another status of its type. A final status closes it.
     *
     * @throws ValidationProblem when the case is closed or the status is not one of its type
     */
    @Transactional
    public void changeStatus(UUID tenantId, UUID caseId, UUID employeeId, String statusCode, String note) {
        changeStatus(tenantId, caseId, employeeId, statusCode, note, clock.instant());
    }

    /** Changes the status as if at the given moment (for demo data and imports). */
    @Transactional
    void changeStatus(UUID tenantId, UUID caseId, UUID employeeId, String statusCode, String note, Instant now) {
        Case c = find(tenantId, caseId);
        CaseType type = caseTypes.findByTenantIdAndId(tenantId, c.caseTypeId())
                .orElseThrow(() -> ValidationProblem.of("statusCode", "cases.status.unknown"));
        String cleanNote = CaseTypeManagement.trim(note);
        if (cleanNote != null && cleanNote.length() > 2000) {
            throw ValidationProblem.of("note", "cases.status.note.tooLong");
        }
        String previous = c.statusCode();
        StatusEntry entry = c.changeStatus(type, statusCode == null ? null : statusCode.trim(), cleanNote, now, employeeId);
        cases.save(c);
        events.publishEvent(new CaseStatusChanged(tenantId, caseId, c.reference(), previous, entry.code(),
                entry.informResident(), entry.finalStatus(), c.expectedDate(), now, employeeId));
        if (c.isClosed()) {
            LocalDate closedOn = LocalDate.ofInstant(now, WorkingDayCalendar.ZONE);
            int took = calendar.workingDaysBetween(c.registeredOn(), closedOn);
            events.publishEvent(new CaseClosed(tenantId, caseId, c.reference(), c.caseTypeId(), c.kind(),
                    c.ownerTeamId(), entry.code(), c.registeredAt(), now, c.normDate(), c.expectedDate(), took,
                    !closedOn.isAfter(c.normDate())));
        }
    }

    /**
     * Suspends or extends the case to a later expected date.
     *
     * @throws ValidationProblem when the case is closed or the date is not later
     */
    @Transactional
    public void delay(UUID tenantId, UUID caseId, UUID employeeId, DelayKind kind, DelayReason reason,
            String explanation, LocalDate newDate) {
        delay(tenantId, caseId, employeeId, kind, reason, explanation, newDate, clock.instant());
    }

    /** Records a delay as if at the given moment (for demo data and imports). */
    @Transactional
    void delay(UUID tenantId, UUID caseId, UUID employeeId, DelayKind kind, DelayReason reason,
            String explanation, LocalDate newDate, Instant now) {
        Case c = find(tenantId, caseId);
        String cleanExplanation = CaseTypeManagement.trim(explanation);
        if (cleanExplanation != null && cleanExplanation.length() > 1000) {
            throw ValidationProblem.of("explanation", "cases.delay.explanation.tooLong");
        }
        Delay delay = c.delay(kind, reason, cleanExplanation, newDate, LocalDate.ofInstant(now, WorkingDayCalendar.ZONE),
                now, employeeId);
        cases.save(c);
        events.publishEvent(new CaseDelayed(tenantId, caseId, c.reference(), kind, reason, cleanExplanation,
                delay.previousDate(), delay.newDate(), now, employeeId));
    }

    /**
     * Makes every earlier progress link of the case stop working and returns a new one (the token,
     * shown once).
     */
    @Transactional
    public String replaceProgressLink(UUID tenantId, UUID caseId) {
        Case c = find(tenantId, caseId);
        Instant now = clock.instant();
        tokens.revokeAll(tenantId, c.id(), now);
        return tokens.issue(tenantId, c.id(), now);
    }

    /** Whether the token is a working progress link of this case (before drawing its QR code). */
    @Transactional(readOnly = true)
    public boolean isProgressLinkOf(UUID tenantId, UUID caseId, String token) {
        return tokens.belongsTo(token, tenantId, caseId);
    }

    Case find(UUID tenantId, UUID caseId) {
        return cases.findByTenantIdAndId(tenantId, caseId).orElseThrow(() -> new NotFoundException("case"));
    }

    private Map<UUID, String> teamNames(UUID tenantId) {
        return organisation.teams(tenantId).stream().collect(Collectors.toMap(TeamReference::id, TeamReference::name,
                (a, b) -> a));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), WorkingDayCalendar.ZONE);
    }

    /**
     * What an employee enters to register a case.
     *
     * @param ownerTeamId the team that handles it, or null for the case type's team
     * @param requesterLanguage {@code nl} or {@code en}
     * @param municipalityId the municipality of the organisation the case is about; when null and the
     *        organisation has exactly one municipality, that one; otherwise the case has none
     */
    public record Registration(UUID caseTypeId, IntakeChannel channel, UUID ownerTeamId, String subject,
            String requesterName, String requesterEmail, String requesterPhone, String requesterLanguage,
            UUID municipalityId) {

        /** Without a municipality (see above for the default). */
        public Registration(UUID caseTypeId, IntakeChannel channel, UUID ownerTeamId, String subject,
                String requesterName, String requesterEmail, String requesterPhone, String requesterLanguage) {
            this(caseTypeId, channel, ownerTeamId, subject, requesterName, requesterEmail, requesterPhone,
                    requesterLanguage, null);
        }
    }

    /** A registered case with its first progress link's token, shown once. */
    public record RegisteredCase(UUID caseId, String reference, String progressToken) {
    }

    /** An open case in a team's list. */
    public record OpenCase(UUID id, String reference, String subject, String caseTypeName, UUID ownerTeamId,
            String teamName, String statusName, LocalDate registeredOn, int ageWorkingDays, int normDays,
            LocalDate expectedDate, boolean late, int workingDaysLate, boolean delayed) {
    }

    /**
     * A case as an employee sees it, with its history, delays and requester.
     *
     * @param municipalityId the municipality the case is about, or null when not known
     * @param municipalityName its name, or null when not known
     */
    public record CaseDetails(UUID id, String reference, UUID caseTypeId, String caseTypeName, CaseKind kind,
            IntakeChannel channel, UUID ownerTeamId, String teamName, UUID municipalityId, String municipalityName,
            String subject, Instant registeredAt,
            LocalDate registeredOn, int normDays, LocalDate normDate, LocalDate expectedDate, int ageWorkingDays,
            boolean late, boolean closed, Instant closedAt, StatusEntry current, List<StatusEntry> history,
            List<Delay> delays, RequesterContact requester, Instant progressLinkSince,
            List<StatusDefinition> statusChoices) {
    }
}
