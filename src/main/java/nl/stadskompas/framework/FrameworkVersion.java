// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.framework;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import nl.stadskompas.platform.NotFoundException;
import nl.stadskompas.platform.ValidationProblem;
import nl.stadskompas.platform.ValidationProblem.FieldProblem;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One version of an organisation's service framework, with everything in it. A draft can be
 * changed; a published version refuses every change, so history stays as it was published.
 */
@Table("fw_version")
public class FrameworkVersion {

    @Id
    private final UUID id;
    private final UUID tenantId;
    private final UUID frameworkId;
    private VersionStatus status;
    private String label;
    private String name;
    private String description;
    private final String basedOn;
    private final Instant createdAt;
    private final UUID createdBy;
    private Instant publishedAt;
    private UUID publishedBy;
    private String publishedByName;
    @MappedCollection(idColumn = "fw_version", keyColumn = "item_index")
    private final List<CoreValue> coreValues;
    @MappedCollection(idColumn = "fw_version", keyColumn = "item_index")
    private final List<Promise> promises;
    @MappedCollection(idColumn = "fw_version", keyColumn = "item_index")
    private final List<Statement> statements;
    @MappedCollection(idColumn = "fw_version", keyColumn = "item_index")
    private final List<ServiceAspect> aspects;
    @MappedCollection(idColumn = "fw_version", keyColumn = "item_index")
    private final List<Norm> norms;
    @Version
    private Long version;

    @PersistenceCreator
    FrameworkVersion(UUID id, UUID tenantId, UUID frameworkId, VersionStatus status, String label, String name,
            String description, String basedOn, Instant createdAt, UUID createdBy, Instant publishedAt,
            UUID publishedBy, String publishedByName, List<CoreValue> coreValues, List<Promise> promises, List<Statement> statements,
            List<ServiceAspect> aspects, List<Norm> norms, Long version) {
        this.id = id;
        this.tenantId = tenantId;
        this.frameworkId = frameworkId;
        this.status = status;
        this.label = label;
        this.name = name;
        this.description = description;
        this.basedOn = basedOn;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.publishedAt = publishedAt;
        this.publishedBy = publishedBy;
        this.publishedByName = publishedByName;
        this.coreValues = new ArrayList<>(coreValues == null ? List.of() : coreValues);
        this.promises = new ArrayList<>(promises == null ? List.of() : promises);
        this.statements = new ArrayList<>(statements == null ? List.of() : statements);
        this.aspects = new ArrayList<>(aspects == null ? List.of() : aspects);
        this.norms = new ArrayList<>(norms == null ? List.of() : norms);
        this.version = version;
    }

    /** A new draft with the given content, which the caller has checked. */
    static FrameworkVersion draft(UUID tenantId, UUID frameworkId, FrameworkContent content, String basedOn,
            Instant now, UUID by) {
        return new FrameworkVersion(UUID.randomUUID(), tenantId, frameworkId, VersionStatus.DRAFT, null,
                content.name(), content.description(), basedOn, now, by, null, null, null, content.coreValues(),
                content.promises(), content.statements(), content.aspects(), content.norms(), null);
    }

    /** Everything in this version, as a value. */
    public FrameworkContent content() {
        return new FrameworkContent(name, description, List.copyOf(coreValues), List.copyOf(promises),
                List.copyOf(statements), List.copyOf(aspects), List.copyOf(norms));
    }

    // --- changes; each refuses a published version -------------------------------------------

    void describe(String newName, String newDescription) {
        requireDraft();
        String cleanName = tidy(newName);
        String cleanDescription = tidy(newDescription);
        List<FieldProblem> problems = new ArrayList<>();
        if (cleanName == null) {
            problems.add(new FieldProblem("name", "framework.field.required"));
        } else if (cleanName.length() > FrameworkRules.NAME_MAX) {
            problems.add(new FieldProblem("name", "framework.field.tooLong", FrameworkRules.NAME_MAX));
        }
        if (cleanDescription != null && cleanDescription.length() > FrameworkRules.DESCRIPTION_MAX) {
            problems.add(new FieldProblem("description", "framework.field.tooLong", FrameworkRules.DESCRIPTION_MAX));
        }
        failIf(problems);
        this.name = cleanName;
        this.description = cleanDescription;
    }

    void addCoreValue(CoreValue value) {
        requireDraft();
        CoreValue clean = Cleaning.clean(value);
        List<FieldProblem> problems = new ArrayList<>(FrameworkRules.check(clean));
        unique(problems, coreValues, CoreValue::code, clean.code());
        failIf(problems);
        coreValues.add(clean);
    }

    void changeCoreValue(String code, CoreValue value) {
        requireDraft();
        int at = indexOf(coreValues, CoreValue::code, code, "core value");
        CoreValue clean = Cleaning.clean(new CoreValue(coreValues.get(at).code(), value.name(), value.description()));
        failIf(FrameworkRules.check(clean));
        coreValues.set(at, clean);
    }

    void removeCoreValue(String code) {
        requireDraft();
        coreValues.remove(indexOf(coreValues, CoreValue::code, code, "core value"));
    }

    void addPromise(Promise promise) {
        requireDraft();
        Promise clean = Cleaning.clean(promise);
        List<FieldProblem> problems = new ArrayList<>(FrameworkRules.check(clean));
        unique(problems, promises, Promise::code, clean.code());
        failIf(problems);
        promises.add(clean);
    }

    void changePromise(String code, Promise promise) {
        requireDraft();
        int at = indexOf(promises, Promise::code, code, "promise");
        Promise clean = Cleaning.clean(Promise.of(promises.get(at).code(), promise.title(), promise.description(),
                promise.needs(), promise.means(), promise.doesNotMean()));
        failIf(FrameworkRules.check(clean));
        promises.set(at, clean);
    }

    void removePromise(String code) {
        requireDraft();
        int at = indexOf(promises, Promise::code, code, "promise");
        String key = FrameworkRules.codeKey(promises.get(at).code());
        List<String> measuredBy = statements.stream()
                .filter(s -> FrameworkRules.codeKey(s.promiseCode()).equals(key)).map(Statement::code).toList();
        if (!measuredBy.isEmpty()) {
            throw ValidationProblem.of("promise", "framework.promise.inUse", String.join(", ", measuredBy));
        }
        promises.remove(at);
    }

    void addStatement(Statement statement) {
        requireDraft();
        Statement clean = linkPromise(Cleaning.clean(statement));
        List<FieldProblem> problems = new ArrayList<>(FrameworkRules.check(clean));
        unique(problems, statements, Statement::code, clean.code());
        knownPromise(problems, clean.promiseCode());
        failIf(problems);
        statements.add(clean);
    }

    void changeStatement(String code, Statement statement) {
        requireDraft();
        int at = indexOf(statements, Statement::code, code, "statement");
        Statement clean = linkPromise(Cleaning.clean(new Statement(statements.get(at).code(), statement.textNl(),
                statement.textEn(), statement.promiseCode())));
        List<FieldProblem> problems = new ArrayList<>(FrameworkRules.check(clean));
        knownPromise(problems, clean.promiseCode());
        failIf(problems);
        statements.set(at, clean);
    }

    void removeStatement(String code) {
        requireDraft();
        statements.remove(indexOf(statements, Statement::code, code, "statement"));
    }

    void addAspect(ServiceAspect aspect) {
        requireDraft();
        ServiceAspect clean = Cleaning.clean(aspect);
        List<FieldProblem> problems = new ArrayList<>(FrameworkRules.check(clean));
        unique(problems, aspects, ServiceAspect::code, clean.code());
        failIf(problems);
        aspects.add(clean);
    }

    void changeAspect(String code, ServiceAspect aspect) {
        requireDraft();
        int at = indexOf(aspects, ServiceAspect::code, code, "aspect");
        ServiceAspect clean = Cleaning.clean(new ServiceAspect(aspects.get(at).code(), aspect.nameNl(), aspect.nameEn(),
                aspect.category()));
        failIf(FrameworkRules.check(clean));
        aspects.set(at, clean);
    }

    void removeAspect(String code) {
        requireDraft();
        aspects.remove(indexOf(aspects, ServiceAspect::code, code, "aspect"));
    }

    void addNorm(Norm norm) {
        requireDraft();
        Norm clean = Cleaning.clean(norm);
        List<FieldProblem> problems = new ArrayList<>(FrameworkRules.check(clean));
        unique(problems, norms, Norm::code, clean.code());
        failIf(problems);
        norms.add(clean);
    }

    void changeNorm(String code, Norm norm) {
        requireDraft();
        int at = indexOf(norms, Norm::code, code, "norm");
        Norm clean = Cleaning.clean(new Norm(norms.get(at).code(), norm.name(), norm.measure(), norm.threshold(),
                norm.unit(), norm.targetPercent(), norm.scope(), norm.scopeId(), norm.scopeName()));
        failIf(FrameworkRules.check(clean));
        norms.set(at, clean);
    }

    void removeNorm(String code) {
        requireDraft();
        norms.remove(indexOf(norms, Norm::code, code, "norm"));
    }

    /** Makes the version read-only under the given label; the caller checked that the label is new. */
    void publish(String newLabel, Instant now, UUID by, String byName) {
        requireDraft();
        if (!FrameworkRules.isLabel(newLabel)) {
            throw ValidationProblem.of("label", "framework.publish.labelForm");
        }
        this.status = VersionStatus.PUBLISHED;
        this.label = newLabel;
        this.publishedAt = now;
        this.publishedBy = by;
        this.publishedByName = byName;
    }

    /** Refuses any change to a published version, whoever asks: history must stay as it was. */
    void requireDraft() {
        if (status != VersionStatus.DRAFT) {
            throw ValidationProblem.of("version", "framework.version.readOnly");
        }
    }

    // --- lookups -------------------------------------------------------------------------------

    public java.util.Optional<CoreValue> coreValue(String code) {
        return find(coreValues, CoreValue::code, code);
    }

    public java.util.Optional<Promise> promise(String code) {
        return find(promises, Promise::code, code);
    }

    public java.util.Optional<Statement> statement(String code) {
        return find(statements, Statement::code, code);
    }

    public java.util.Optional<ServiceAspect> aspect(String code) {
        return find(aspects, ServiceAspect::code, code);
    }

    public java.util.Optional<Norm> norm(String code) {
        return find(norms, Norm::code, code);
    }

    /** The first code of the form prefix + number that is not used yet, such as {@code P7}. */
    public String nextCode(String prefix) {
        List<String> used = new ArrayList<>();
        coreValues.forEach(v -> used.add(FrameworkRules.codeKey(v.code())));
        promises.forEach(v -> used.add(FrameworkRules.codeKey(v.code())));
        statements.forEach(v -> used.add(FrameworkRules.codeKey(v.code())));
        aspects.forEach(v -> used.add(FrameworkRules.codeKey(v.code())));
        norms.forEach(v -> used.add(FrameworkRules.codeKey(v.code())));
        int n = 1;
        while (used.contains(FrameworkRules.codeKey(prefix + n))) {
            n++;
        }
        return prefix + n;
    }

    private Statement linkPromise(Statement statement) {
        // Keep the promise's own spelling of its code, so that p1 and P1 do not both appear.
        return promise(statement.promiseCode())
                .map(p -> new Statement(statement.code(), statement.textNl(), statement.textEn(), p.code()))
                .orElse(statement);
    }

    private void knownPromise(List<FieldProblem> problems, String promiseCode) {
        if (promiseCode != null && promise(promiseCode).isEmpty()) {
            problems.add(new FieldProblem("promise", "framework.statement.unknownPromise", promiseCode));
        }
    }

    private static <T> java.util.Optional<T> find(List<T> items, Function<T, String> code, String wanted) {
        String key = FrameworkRules.codeKey(wanted);
        return items.stream().filter(i -> FrameworkRules.codeKey(code.apply(i)).equals(key)).findFirst();
    }

    private static <T> int indexOf(List<T> items, Function<T, String> code, String wanted, String what) {
        String key = FrameworkRules.codeKey(wanted);
        for (int i = 0; i < items.size(); i++) {
            if (FrameworkRules.codeKey(code.apply(items.get(i))).equals(key)) {
                return i;
            }
        }
        throw new NotFoundException(what);
    }

    private static <T> void unique(List<FieldProblem> problems, List<T> items, Function<T, String> code,
            String wanted) {
        if (wanted != null && find(items, code, wanted).isPresent()) {
            problems.add(new FieldProblem("code", "framework.code.taken", wanted));
        }
    }

    private static void failIf(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new ValidationProblem(problems);
        }
    }

    static String tidy(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    // --- reading -------------------------------------------------------------------------------

    public UUID id() {
        return id;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public UUID frameworkId() {
        return frameworkId;
    }

    public VersionStatus status() {
        return status;
    }

    public boolean isDraft() {
        return status == VersionStatus.DRAFT;
    }

    /** The label, such as {@code 1.0}; null for a draft. */
    public String label() {
        return label;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    /** The label of the published version this draft was copied from, or null. */
    public String basedOn() {
        return basedOn;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public UUID createdBy() {
        return createdBy;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    public UUID publishedBy() {
        return publishedBy;
    }

    /** The user name of whoever published, as it was then; null for the demo data. */
    public String publishedByName() {
        return publishedByName;
    }

    public List<CoreValue> coreValues() {
        return List.copyOf(coreValues);
    }

    public List<Promise> promises() {
        return List.copyOf(promises);
    }

    public List<Statement> statements() {
        return List.copyOf(statements);
    }

    public List<ServiceAspect> aspects() {
        return List.copyOf(aspects);
    }

    public List<Norm> norms() {
        return List.copyOf(norms);
    }

    /** Trims text and turns blank optional text into nothing, the same for every channel. */
    static final class Cleaning {

        private Cleaning() {
        }

        static CoreValue clean(CoreValue v) {
            return new CoreValue(tidy(v.code()), tidy(v.name()), tidy(v.description()));
        }

        static Promise clean(Promise p) {
            return Promise.of(tidy(p.code()), tidy(p.title()), tidy(p.description()), lines(p.needs()),
                    lines(p.means()), lines(p.doesNotMean()));
        }

        static Statement clean(Statement s) {
            return new Statement(tidy(s.code()), tidy(s.textNl()), tidy(s.textEn()), tidy(s.promiseCode()));
        }

        static ServiceAspect clean(ServiceAspect a) {
            return new ServiceAspect(tidy(a.code()), tidy(a.nameNl()), tidy(a.nameEn()), a.category());
        }

        static Norm clean(Norm n) {
            boolean organisation = n.scope() == NormScope.ORGANISATION;
            return new Norm(tidy(n.code()), tidy(n.name()), tidy(n.measure()), n.threshold(), n.unit(),
                    n.targetPercent(), n.scope(), organisation ? null : n.scopeId(),
                    organisation ? null : tidy(n.scopeName()));
        }

        /** Keeps the position of every line (so problems can point at it) but trims each. */
        private static List<String> lines(List<String> lines) {
            return lines.stream().map(l -> l == null ? "" : l.trim()).toList();
        }
    }
}
