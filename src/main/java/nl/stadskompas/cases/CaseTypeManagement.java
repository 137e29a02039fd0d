// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.cases;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import nl.stadskompas.organisation.OrganisationCatalogue;
import nl.stadskompas.platform.NotFoundException;
import nl.stadskompas.platform.ValidationProblem;
import nl.stadskompas.platform.ValidationProblem.FieldProblem;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating, changing and reading a tenant's case types. A type must name a team of the tenant, a
 * service of the tenant (when given), and statuses with unique codes, resident texts in Dutch and
 * English, a first status that is not final and at least one final status.
 */
@Service
public class CaseTypeManagement {

    static final Pattern CODE = Pattern.compile("[A-Z0-9_]{1,40}");
    static final int MAX_NORM_DAYS = 400;

    private final CaseTypes caseTypes;
    private final OrganisationCatalogue organisation;

    CaseTypeManagement(CaseTypes caseTypes, OrganisationCatalogue organisation) {
        this.caseTypes = caseTypes;
        this.organisation = organisation;
    }

    @Transactional(readOnly = true)
    public List<CaseTypeView> all(UUID tenantId) {
        return caseTypes.findByTenantIdOrderByName(tenantId).stream().map(CaseType::view).toList();
    }

    /** @throws NotFoundException when the type does not exist in this tenant */
    @Transactional(readOnly = true)
    public CaseTypeView get(UUID tenantId, UUID caseTypeId) {
        return find(tenantId, caseTypeId).view();
    }

    /** @throws ValidationProblem listing every problem; nothing is saved then */
    @Transactional
    public UUID create(UUID tenantId, CaseTypeDraft draft) {
        CaseTypeDraft clean = check(tenantId, null, draft);
        return caseTypes.save(CaseType.create(tenantId, clean)).id();
    }

    /** @throws ValidationProblem listing every problem; nothing is saved then */
    @Transactional
    public void update(UUID tenantId, UUID caseTypeId, CaseTypeDraft draft) {
        CaseType type = find(tenantId, caseTypeId);
        type.change(check(tenantId, caseTypeId, draft));
        caseTypes.save(type);
    }

    CaseType find(UUID tenantId, UUID caseTypeId) {
        return caseTypes.findByTenantIdAndId(tenantId, caseTypeId).orElseThrow(() -> new NotFoundException("case type"));
    }

    private CaseTypeDraft check(UUID tenantId, UUID ownId, CaseTypeDraft draft) {
        List<FieldProblem> problems = new ArrayList<>();
        String name = trim(draft.name());
        if (name == null || name.length() > 200) {
            problems.add(new FieldProblem("name", "cases.type.name.invalid"));
        } else if (caseTypes.findByTenantIdAndName(tenantId, name).filter(t -> !t.id().equals(ownId)).isPresent()) {
            problems.add(new FieldProblem("name", "cases.type.name.taken"));
        }
        String description = trim(draft.description());
        if (description == null || description.length() > 2000) {
            problems.add(new FieldProblem("description", "cases.type.description.invalid"));
        }
        if (draft.kind() == null) {
            problems.add(new FieldProblem("kind", "NotNull"));
        }
        if (draft.ownerTeamId() == null || organisation.team(tenantId, draft.ownerTeamId()).isEmpty()) {
            problems.add(new FieldProblem("ownerTeamId", "cases.type.team.unknown"));
        }
        if (draft.serviceId() != null && organisation.service(tenantId, draft.serviceId()).isEmpty()) {
            problems.add(new FieldProblem("serviceId", "cases.type.service.unknown"));
        }
        if (draft.normDays() < 1 || draft.normDays() > MAX_NORM_DAYS) {
            problems.add(new FieldProblem("normDays", "cases.type.normDays.invalid", MAX_NORM_DAYS));
        }
        List<StatusDefinition> statuses = checkStatuses(draft.statuses() == null ? List.of() : draft.statuses(), problems);
        if (!problems.isEmpty()) {
            throw new ValidationProblem(problems);
        }
        return new CaseTypeDraft(name, description, draft.kind(), draft.serviceId(), draft.ownerTeamId(),
                draft.normDays(), statuses);
    }

    private static List<StatusDefinition> checkStatuses(List<StatusDefinition> given, List<FieldProblem> problems) {
        List<StatusDefinition> clean = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        if (given.isEmpty()) {
            problems.add(new FieldProblem("statuses", "cases.type.statuses.empty"));
            return clean;
        }
        for (int i = 0; i < given.size(); i++) {
            StatusDefinition s = given.get(i);
            String at = "statuses[" + i + "].";
            String code = trim(s.code()) == null ? null : trim(s.code()).toUpperCase(Locale.ROOT);
            if (code == null || !CODE.matcher(code).matches()) {
                problems.add(new FieldProblem(at + "code", "cases.type.status.code.invalid", i + 1));
            } else if (!codes.add(code)) {
                problems.add(new FieldProblem(at + "code", "cases.type.status.code.duplicate", i + 1));
            }
            String statusName = trim(s.name());
            if (statusName == null || statusName.length() > 200) {
                problems.add(new FieldProblem(at + "name", "cases.type.status.name.invalid", i + 1));
            }
            String textNl = trim(s.residentTextNl());
            String textEn = trim(s.residentTextEn());
            if (textNl == null || textNl.length() > 1000) {
                problems.add(new FieldProblem(at + "residentTextNl", "cases.type.status.text.invalid", i + 1));
            }
            if (textEn == null || textEn.length() > 1000) {
                problems.add(new FieldProblem(at + "residentTextEn", "cases.type.status.text.invalid", i + 1));
            }
            String nextNl = trim(s.nextStepNl());
            String nextEn = trim(s.nextStepEn());
            if ((nextNl == null) != (nextEn == null) || (nextNl != null && (nextNl.length() > 1000 || nextEn.length() > 1000))) {
                problems.add(new FieldProblem(at + "nextStepEn", "cases.type.status.nextStep.bothLanguages", i + 1));
            }
            if (!s.finalStatus() && nextNl == null) {
                problems.add(new FieldProblem(at + "nextStepNl", "cases.type.status.nextStep.required", i + 1));
            }
            Actor actor = s.actor() == null ? (s.finalStatus() ? Actor.NOBODY : Actor.MUNICIPALITY) : s.actor();
            clean.add(new StatusDefinition(code, statusName, textNl, textEn, nextNl, nextEn, actor, s.informResident(),
                    s.finalStatus()));
        }
        if (given.getFirst().finalStatus()) {
            problems.add(new FieldProblem("statuses", "cases.type.statuses.firstFinal"));
        }
        if (given.stream().noneMatch(StatusDefinition::finalStatus)) {
            problems.add(new FieldProblem("statuses", "cases.type.statuses.noFinal"));
        }
        return clean;
    }

    static String trim(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
