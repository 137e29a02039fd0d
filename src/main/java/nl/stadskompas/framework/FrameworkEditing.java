// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.framework;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import nl.stadskompas.organisation.OrganisationCatalogue;
import nl.stadskompas.platform.NotFoundException;
import nl.stadskompas.platform.TenantContext;
import nl.stadskompas.platform.ValidationProblem;
import nl.stadskompas.platform.ValidationProblem.FieldProblem;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading and changing a tenant's framework: versions and their history, the one draft and its
 * items, publishing. Every operation is limited to the tenant it is given.
 */
@Service
public class FrameworkEditing {

    /** The name a new, empty framework starts with. */
    static final String DEFAULT_NAME = "Dienstverleningskader";

    private final Frameworks frameworks;
    private final FrameworkVersions versions;
    private final OrganisationCatalogue catalogue;
    private final JdbcClient jdbc;
    private final Clock clock;

    FrameworkEditing(Frameworks frameworks, FrameworkVersions versions, OrganisationCatalogue catalogue,
            JdbcClient jdbc, Clock clock) {
        this.frameworks = frameworks;
        this.versions = versions;
        this.catalogue = catalogue;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    // --- reading -------------------------------------------------------------------------------

    /** The draft if there is one, else the latest published version; empty when there is neither. */
    @Transactional(readOnly = true)
    public Optional<FrameworkVersion> current(UUID tenantId) {
        return findDraft(tenantId).or(() -> latestPublished(tenantId));
    }

    @Transactional(readOnly = true)
    public Optional<FrameworkVersion> latestPublished(UUID tenantId) {
        return jdbc.sql("SELECT id FROM fw_version WHERE tenant_id = :t AND status = 'PUBLISHED' "
                        + "ORDER BY published_at DESC, created_at DESC LIMIT 1")
                .param("t", tenantId).query(UUID.class).optional()
                .flatMap(id -> versions.findByIdAndTenantId(id, tenantId));
    }

    @Transactional(readOnly = true)
    public Optional<FrameworkVersion> findDraft(UUID tenantId) {
        return frameworks.findByTenantId(tenantId)
                .filter(f -> f.draftId() != null)
                .flatMap(f -> versions.findByIdAndTenantId(f.draftId(), tenantId));
    }

    /** The draft; "not found" when there is none. */
    @Transactional(readOnly = true)
    public FrameworkVersion draft(UUID tenantId) {
        return findDraft(tenantId).orElseThrow(() -> new NotFoundException("draft"));
    }

    @Transactional(readOnly = true)
    public FrameworkVersion version(UUID tenantId, UUID versionId) {
        return versions.findByIdAndTenantId(versionId, tenantId).orElseThrow(() -> new NotFoundException("version"));
    }

    /** All versions, newest first. */
    @Transactional(readOnly = true)
    public List<VersionSummary> history(UUID tenantId) {
        return jdbc.sql("SELECT id, status, label, name, based_on, created_at, published_at, published_by_name "
                        + "FROM fw_version WHERE tenant_id = :t ORDER BY created_at DESC")
                .param("t", tenantId)
                .query((rs, n) -> new VersionSummary(rs.getObject("id", UUID.class),
                        VersionStatus.valueOf(rs.getString("status")), rs.getString("label"), rs.getString("name"),
                        rs.getString("based_on"), instant(rs.getTimestamp("created_at")),
                        instant(rs.getTimestamp("published_at")), rs.getString("published_by_name")))
                .list();
    }

    /** The label to offer when publishing: the next major number after the highest published. */
    @Transactional(readOnly = true)
    public String suggestedLabel(UUID tenantId) {
        int highest = jdbc.sql("SELECT label FROM fw_version WHERE tenant_id = :t AND label IS NOT NULL")
                .param("t", tenantId).query(String.class).list().stream()
                .filter(FrameworkRules::isLabel)
                .mapToInt(l -> Integer.parseInt(l.substring(0, l.indexOf('.'))))
                .max().orElse(0);
        return (highest + 1) + ".0";
    }

    /** The current name of a norm's team or service, falling back to the name it was given. */
    @Transactional(readOnly = true)
    public String scopeName(UUID tenantId, Norm norm) {
        if (norm.scopeId() == null) {
            return norm.scopeName();
        }
        Optional<String> current = norm.scope() == NormScope.TEAM
                ? catalogue.team(tenantId, norm.scopeId()).map(OrganisationCatalogue.TeamReference::name)
                : catalogue.service(tenantId, norm.scopeId()).map(OrganisationCatalogue.ServiceReference::name);
        return current.orElse(norm.scopeName());
    }

    // --- versions ------------------------------------------------------------------------------

    /**
     * Starts a draft: a copy of the latest published version, or an empty framework when nothing
     * was published yet. Refused when a draft exists.
     */
    @Transactional
    public FrameworkVersion startDraft(TenantContext tenant) {
        Optional<FrameworkVersion> published = latestPublished(tenant.tenantId());
        FrameworkContent content = published.map(FrameworkVersion::content)
                .orElse(new FrameworkContent(DEFAULT_NAME, null, List.of(), List.of(), List.of(), List.of(), List.of()));
        return createDraft(tenant.tenantId(), tenant.userId(), content, published.map(FrameworkVersion::label).orElse(null));
    }

    /** A new draft with the given content; refused when a draft exists. */
    @Transactional
    FrameworkVersion createDraft(UUID tenantId, UUID by, FrameworkContent content, String basedOn) {
        Framework framework = frameworkOf(tenantId);
        FrameworkVersion draft = FrameworkVersion.draft(tenantId, framework.id(), content, basedOn, clock.instant(), by);
        framework.startDraft(draft.id());
        try {
            frameworks.save(framework);
        } catch (OptimisticLockingFailureException | DuplicateKeyException e) {
            throw ValidationProblem.of("draft", "framework.draft.exists");
        }
        return versions.save(draft);
    }

    @Transactional
    public void discardDraft(TenantContext tenant) {
        Framework framework = frameworks.findByTenantId(tenant.tenantId())
                .filter(f -> f.draftId() != null).orElseThrow(() -> new NotFoundException("draft"));
        UUID draftId = framework.draftId();
        framework.closeDraft();
        saveFramework(framework);
        versions.deleteById(draftId);
    }

    /**
     * Publishes the draft under a new label of the form {@code 2.0}. From then on it cannot change.
     */
    @Transactional
    public FrameworkVersion publish(TenantContext tenant, String label) {
        FrameworkVersion draft = draft(tenant.tenantId());
        String clean = label == null ? "" : label.trim();
        if (!FrameworkRules.isLabel(clean)) {
            throw ValidationProblem.of("label", "framework.publish.labelForm");
        }
        boolean taken = jdbc.sql("SELECT COUNT(*) FROM fw_version WHERE tenant_id = :t AND label = :l")
                .param("t", tenant.tenantId()).param("l", clean).query(Long.class).single() > 0;
        if (taken) {
            throw ValidationProblem.of("label", "framework.publish.labelTaken", clean);
        }
        draft.publish(clean, clock.instant(), tenant.userId(), tenant.username());
        Framework framework = frameworks.findByTenantId(tenant.tenantId()).orElseThrow();
        framework.closeDraft();
        saveFramework(framework);
        return saveVersion(draft);
    }

    /** Changes the draft's name and introduction. */
    @Transactional
    public void describe(TenantContext tenant, String name, String description) {
        change(tenant, v -> v.describe(name, description));
    }

    // --- items of the draft --------------------------------------------------------------------

    @Transactional
    public CoreValue addCoreValue(TenantContext tenant, CoreValue value) {
        FrameworkVersion v = change(tenant, d -> d.addCoreValue(value));
        return v.coreValues().getLast();
    }

    @Transactional
    public void changeCoreValue(TenantContext tenant, String code, CoreValue value) {
        change(tenant, d -> d.changeCoreValue(code, value));
    }

    @Transactional
    public void removeCoreValue(TenantContext tenant, String code) {
        change(tenant, d -> d.removeCoreValue(code));
    }

    @Transactional
    public Promise addPromise(TenantContext tenant, Promise promise) {
        return change(tenant, d -> d.addPromise(promise)).promises().getLast();
    }

    @Transactional
    public void changePromise(TenantContext tenant, String code, Promise promise) {
        change(tenant, d -> d.changePromise(code, promise));
    }

    @Transactional
    public void removePromise(TenantContext tenant, String code) {
        change(tenant, d -> d.removePromise(code));
    }

    @Transactional
    public Statement addStatement(TenantContext tenant, Statement statement) {
        return change(tenant, d -> d.addStatement(statement)).statements().getLast();
    }

    @Transactional
    public void changeStatement(TenantContext tenant, String code, Statement statement) {
        change(tenant, d -> d.changeStatement(code, statement));
    }

    @Transactional
    public void removeStatement(TenantContext tenant, String code) {
        change(tenant, d -> d.removeStatement(code));
    }

    @Transactional
    public ServiceAspect addAspect(TenantContext tenant, ServiceAspect aspect) {
        return change(tenant, d -> d.addAspect(aspect)).aspects().getLast();
    }

    @Transactional
    public void changeAspect(TenantContext tenant, String code, ServiceAspect aspect) {
        change(tenant, d -> d.changeAspect(code, aspect));
    }

    @Transactional
    public void removeAspect(TenantContext tenant, String code) {
        change(tenant, d -> d.removeAspect(code));
    }

    @Transactional
    public Norm addNorm(TenantContext tenant, NormInput input) {
        return change(tenant, d -> withScope(tenant.tenantId(), input, norm -> d.addNorm(norm))).norms().getLast();
    }

    @Transactional
    public void changeNorm(TenantContext tenant, String code, NormInput input) {
        change(tenant, d -> {
            d.norm(code).orElseThrow(() -> new NotFoundException("norm"));
            withScope(tenant.tenantId(), input, norm -> d.changeNorm(code, norm));
        });
    }

    @Transactional
    public void removeNorm(TenantContext tenant, String code) {
        change(tenant, d -> d.removeNorm(code));
    }

    /**
     * Looks the norm's team or service up in the organisation and hands the norm on; problems with
     * the scope are reported together with the norm's other problems.
     */
    private void withScope(UUID tenantId, NormInput input, Consumer<Norm> apply) {
        List<FieldProblem> scopeProblems = new ArrayList<>();
        UUID scopeId = null;
        String scopeName = null;
        if (input.scope() == NormScope.TEAM || input.scope() == NormScope.SERVICE) {
            boolean team = input.scope() == NormScope.TEAM;
            if (input.scopeId() == null) {
                scopeProblems.add(new FieldProblem("scopeId",
                        team ? "framework.norm.teamRequired" : "framework.norm.serviceRequired"));
            } else {
                Optional<String> found = team
                        ? catalogue.team(tenantId, input.scopeId()).map(OrganisationCatalogue.TeamReference::name)
                        : catalogue.service(tenantId, input.scopeId()).map(OrganisationCatalogue.ServiceReference::name);
                if (found.isEmpty()) {
                    scopeProblems.add(new FieldProblem("scopeId",
                            team ? "framework.norm.unknownTeam" : "framework.norm.unknownService"));
                } else {
                    scopeId = input.scopeId();
                    scopeName = found.get();
                }
            }
        }
        Norm norm = new Norm(input.code(), input.name(), input.measure(), input.threshold(), input.unit(),
                input.targetPercent(), input.scope(), scopeId, scopeName);
        List<FieldProblem> problems = new ArrayList<>();
        try {
            apply.accept(norm);
        } catch (ValidationProblem problem) {
            problems.addAll(problem.problems());
        }
        if (!scopeProblems.isEmpty() || !problems.isEmpty()) {
            // The scope check and the norm's own rules may both object to a missing team: say it once.
            LinkedHashSet<String> seen = new LinkedHashSet<>();
            List<FieldProblem> all = new ArrayList<>();
            for (FieldProblem p : concat(scopeProblems, problems)) {
                if (seen.add(p.field())) {
                    all.add(p);
                }
            }
            throw new ValidationProblem(all);
        }
    }

    private static List<FieldProblem> concat(List<FieldProblem> a, List<FieldProblem> b) {
        List<FieldProblem> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private FrameworkVersion change(TenantContext tenant, Consumer<FrameworkVersion> change) {
        FrameworkVersion draft = draft(tenant.tenantId());
        change.accept(draft);
        return saveVersion(draft);
    }

    private FrameworkVersion saveVersion(FrameworkVersion version) {
        try {
            return versions.save(version);
        } catch (OptimisticLockingFailureException e) {
            throw ValidationProblem.of("version", "framework.concurrentChange");
        }
    }

    private void saveFramework(Framework framework) {
        try {
            frameworks.save(framework);
        } catch (OptimisticLockingFailureException e) {
            throw ValidationProblem.of("version", "framework.concurrentChange");
        }
    }

    private Framework frameworkOf(UUID tenantId) {
        return frameworks.findByTenantId(tenantId).orElseGet(() -> Framework.create(tenantId, clock.instant()));
    }

    private static java.time.Instant instant(java.sql.Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
