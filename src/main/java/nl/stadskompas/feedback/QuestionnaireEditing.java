// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import nl.stadskompas.organisation.OrganisationCatalogue;
import nl.stadskompas.platform.NotFoundException;
import nl.stadskompas.platform.TenantContext;
import nl.stadskompas.platform.ValidationProblem;
import nl.stadskompas.platform.ValidationProblem.FieldProblem;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writing questionnaires: creating and tailoring them, the draft's texts and questions, publishing
 * (which freezes the version) and starting the next version. Every operation is limited to the
 * tenant it is given.
 */
@Service
public class QuestionnaireEditing {

    private static final char[] PUBLIC_ID_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();
    private static final int PUBLIC_ID_LENGTH = 10;

    private final Questionnaires questionnaires;
    private final QuestionnaireVersions versions;
    private final QuestionBank bank;
    private final OrganisationCatalogue catalogue;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    QuestionnaireEditing(Questionnaires questionnaires, QuestionnaireVersions versions, QuestionBank bank,
            OrganisationCatalogue catalogue, JdbcClient jdbc, Clock clock) {
        this.questionnaires = questionnaires;
        this.versions = versions;
        this.bank = bank;
        this.catalogue = catalogue;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    // --- reading -------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<QuestionnaireSummary> list(UUID tenantId) {
        Map<UUID, Long> counts = jdbc.sql("SELECT questionnaire_id, COUNT(*) AS n FROM fb_response WHERE tenant_id = :t "
                        + "GROUP BY questionnaire_id")
                .param("t", tenantId)
                .query((rs, i) -> Map.entry(rs.getObject("questionnaire_id", UUID.class), rs.getLong("n"))).list()
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return questionnaires.findByTenantIdOrderByName(tenantId).stream()
                .map(q -> new QuestionnaireSummary(q.id(), q.name(), q.kind(), q.schedule(), q.baseId(), q.serviceId(),
                        published(q).map(QuestionnaireVersion::number).orElse(null), q.draftId() != null,
                        counts.getOrDefault(q.id(), 0L)))
                .toList();
    }

    @Transactional(readOnly = true)
    public Questionnaire questionnaire(UUID tenantId, UUID id) {
        return questionnaires.findByIdAndTenantId(id, tenantId).orElseThrow(() -> new NotFoundException("questionnaire"));
    }

    /**
     * The questionnaire behind a public link, in any tenant. Every resident's page and submission
     * asks this, so it is one plain statement without a transaction of its own: a derived repository
     * query built its SQL anew on every call, which cost more CPU than the rest of a submission.
     */
    public Optional<Questionnaire> byPublicId(String publicId) {
        if (publicId == null || publicId.length() != PUBLIC_ID_LENGTH) {
            return Optional.empty();
        }
        return jdbc.sql(BY_PUBLIC_ID).param("p", publicId).query(QuestionnaireEditing::questionnaire).optional();
    }

    private static final String BY_PUBLIC_ID = "SELECT id, tenant_id, public_id, kind, schedule, name, base_id, "
            + "service_id, open_from, open_until, target_responses, draft_id, published_id, created_at, version "
            + "FROM fb_questionnaire WHERE public_id = :p";

    private static Questionnaire questionnaire(ResultSet rs, int row) throws SQLException {
        int target = rs.getInt("target_responses");
        Integer targetResponses = rs.wasNull() ? null : target;
        return new Questionnaire(rs.getObject("id", UUID.class), rs.getObject("tenant_id", UUID.class),
                rs.getString("public_id"), QuestionnaireKind.valueOf(rs.getString("kind")),
                Schedule.valueOf(rs.getString("schedule")), rs.getString("name"), rs.getObject("base_id", UUID.class),
                rs.getObject("service_id", UUID.class), rs.getObject("open_from", LocalDate.class),
                rs.getObject("open_until", LocalDate.class), targetResponses, rs.getObject("draft_id", UUID.class),
                rs.getObject("published_id", UUID.class), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getLong("version"));
    }

    @Transactional(readOnly = true)
    public List<QuestionnaireVersion> versions(UUID tenantId, UUID questionnaireId) {
        questionnaire(tenantId, questionnaireId);
        return versions.findByQuestionnaireIdAndTenantIdOrderByNumberDesc(questionnaireId, tenantId);
    }

    @Transactional(readOnly = true)
    public QuestionnaireVersion version(UUID tenantId, UUID versionId) {
        return versions.findByIdAndTenantId(versionId, tenantId).orElseThrow(() -> new NotFoundException("version"));
    }

    @Transactional(readOnly = true)
    public Optional<QuestionnaireVersion> published(Questionnaire questionnaire) {
        return questionnaire.publishedId() == null ? Optional.empty()
                : versions.findByIdAndTenantId(questionnaire.publishedId(), questionnaire.tenantId());
    }

    @Transactional(readOnly = true)
    public Optional<QuestionnaireVersion> draft(Questionnaire questionnaire) {
        return questionnaire.draftId() == null ? Optional.empty()
                : versions.findByIdAndTenantId(questionnaire.draftId(), questionnaire.tenantId());
    }

    /** The tailored questionnaires made from a base. */
    @Transactional(readOnly = true)
    public List<Questionnaire> tailoredFrom(UUID tenantId, UUID baseId) {
        return questionnaires.findByTenantIdAndBaseId(tenantId, baseId);
    }

    /**
     * The questions respondents would see: a published version's own list, or for a draft its
     * questions resolved against the base's latest published version.
     */
    @Transactional(readOnly = true)
    public List<Question> resolved(Questionnaire questionnaire, QuestionnaireVersion version) {
        if (!version.isDraft()) {
            return version.questions();
        }
        if (!questionnaire.isTailored()) {
            return QuestionnaireLayout.compact(version.questions());
        }
        return QuestionnaireLayout.tailor(baseVersion(questionnaire).map(QuestionnaireVersion::questions)
                .orElse(List.of()), version.hiddenKeys(), version.questions());
    }

    /** The base's questions as a tailored draft takes them over, before hiding. */
    @Transactional(readOnly = true)
    public List<Question> baseQuestions(Questionnaire questionnaire) {
        return baseVersion(questionnaire).map(QuestionnaireVersion::questions).orElse(List.of());
    }

    /** The latest published version of the base of a tailored questionnaire. */
    @Transactional(readOnly = true)
    public Optional<QuestionnaireVersion> baseVersion(Questionnaire questionnaire) {
        if (!questionnaire.isTailored()) {
            return Optional.empty();
        }
        return questionnaires.findByIdAndTenantId(questionnaire.baseId(), questionnaire.tenantId())
                .flatMap(this::published);
    }

    /** What stands in the way of publishing the draft; empty when it can be published. */
    @Transactional(readOnly = true)
    public List<FieldProblem> problems(UUID tenantId, UUID questionnaireId) {
        Questionnaire questionnaire = questionnaire(tenantId, questionnaireId);
        QuestionnaireVersion draft = requireDraft(questionnaire);
        List<FieldProblem> problems = new ArrayList<>();
        if (questionnaire.isTailored()) {
            if (baseVersion(questionnaire).isEmpty()) {
                problems.add(new FieldProblem("base", "feedback.tailor.baseNotPublished"));
            }
            Set<String> baseKeys = baseQuestions(questionnaire).stream().map(Question::key).collect(Collectors.toSet());
            draft.questions().stream().filter(q -> baseKeys.contains(q.key())).forEach(q ->
                    problems.add(new FieldProblem("questions", "feedback.publish.duplicateKey", q.key())));
        }
        problems.addAll(new QuestionnaireLayout(resolved(questionnaire, draft)).problems());
        return problems;
    }

    // --- questionnaires ------------------------------------------------------------------------

    @Transactional
    public Questionnaire create(TenantContext tenant, NewQuestionnaire input) {
        List<FieldProblem> problems = new ArrayList<>();
        if (input.kind() == null) {
            problems.add(new FieldProblem("kind", "feedback.field.choose"));
        }
        problems.addAll(new QuestionnaireSettings(input.name(), Schedule.CONTINUOUS, null, null, null).problems());
        VersionTexts texts = new VersionTexts(input.titleNl(), input.titleEn(), null, null, null, null).clean();
        problems.addAll(texts.problems());
        if (!problems.isEmpty()) {
            throw new ValidationProblem(problems);
        }
        Questionnaire questionnaire = Questionnaire.create(tenant.tenantId(), newPublicId(), input.kind(),
                input.name().strip(), null, null, clock.instant());
        return startFirstDraft(questionnaire, texts);
    }

    /**
     * Makes a questionnaire for one service from a published base: it takes over the base's
     * questions, can hide them (except the statements) and add its own.
     */
    @Transactional
    public Questionnaire tailor(TenantContext tenant, UUID baseId, UUID serviceId, String name) {
        Questionnaire base = questionnaire(tenant.tenantId(), baseId);
        List<FieldProblem> problems = new ArrayList<>();
        if (base.isTailored()) {
            problems.add(new FieldProblem("base", "feedback.tailor.notFromTailored"));
        } else if (base.publishedId() == null) {
            problems.add(new FieldProblem("base", "feedback.tailor.baseNotPublished"));
        }
        var service = serviceId == null ? Optional.<OrganisationCatalogue.ServiceReference>empty()
                : catalogue.service(tenant.tenantId(), serviceId);
        if (service.isEmpty()) {
            problems.add(new FieldProblem("serviceId", "feedback.tailor.unknownService"));
        }
        String cleanName = name == null || name.isBlank() ? service.map(s -> base.name() + " - " + s.name()).orElse(null)
                : name.strip();
        problems.addAll(new QuestionnaireSettings(cleanName, Schedule.CONTINUOUS, null, null, null).problems().stream()
                .filter(p -> !(cleanName == null && "name".equals(p.field()) && !problems.isEmpty())).toList());
        if (!problems.isEmpty()) {
            throw new ValidationProblem(problems);
        }
        QuestionnaireVersion baseVersion = published(base).orElseThrow();
        Questionnaire tailored = Questionnaire.create(tenant.tenantId(), newPublicId(), base.kind(), cleanName,
                base.id(), serviceId, clock.instant());
        VersionTexts texts = baseVersion.texts();
        return startFirstDraft(tailored, texts);
    }

    private Questionnaire startFirstDraft(Questionnaire questionnaire, VersionTexts texts) {
        QuestionnaireVersion draft = QuestionnaireVersion.first(questionnaire.tenantId(), questionnaire.id(), texts,
                clock.instant());
        questionnaire.startDraft(draft.id());
        Questionnaire saved = questionnaires.save(questionnaire);
        versions.save(draft);
        return saved;
    }

    @Transactional
    public void changeSettings(TenantContext tenant, UUID questionnaireId, QuestionnaireSettings settings) {
        Questionnaire questionnaire = questionnaire(tenant.tenantId(), questionnaireId);
        QuestionnaireSettings clean = settings.clean();
        List<FieldProblem> problems = clean.problems();
        if (!problems.isEmpty()) {
            throw new ValidationProblem(problems);
        }
        questionnaire.settings(clean);
        saveQuestionnaire(questionnaire);
    }

    // --- the draft -----------------------------------------------------------------------------

    @Transactional
    public void describe(TenantContext tenant, UUID questionnaireId, VersionTexts texts) {
        change(tenant, questionnaireId, (q, draft) -> {
            draft.describe(texts);
            return null;
        });
    }

    /** Adds a question from the bank to the draft, on the given page (the last page when null). */
    @Transactional
    public Question addFromBank(TenantContext tenant, UUID questionnaireId, String itemKey, Integer page) {
        BankEntry entry = bank.entry(tenant.tenantId(), itemKey)
                .orElseThrow(() -> ValidationProblem.of("itemKey", "feedback.question.unknownItem"));
        return change(tenant, questionnaireId, (q, draft) -> {
            List<Question> resolved = resolved(q, draft);
            if (resolved.stream().anyMatch(r -> r.key().equals(entry.key()))
                    || baseQuestions(q).stream().anyMatch(r -> r.key().equals(entry.key()))) {
                throw ValidationProblem.of("itemKey", "feedback.question.alreadyIn", entry.key());
            }
            int lastPage = resolved.stream().mapToInt(Question::page).max().orElse(1);
            int target = page == null ? lastPage : page;
            if (target < 1 || target > QuestionChange.PAGES_MAX) {
                throw ValidationProblem.of("page", "feedback.question.page", QuestionChange.PAGES_MAX);
            }
            Question question = entry.toQuestion(target, q.kind());
            draft.addQuestion(question);
            return question;
        });
    }

    @Transactional
    public void changeQuestion(TenantContext tenant, UUID questionnaireId, String key, QuestionChange change) {
        change(tenant, questionnaireId, (q, draft) -> {
            Question current = draft.ownQuestion(key).orElseThrow(() -> new NotFoundException("question"));
            Question changed = apply(current, change);
            draft.changeQuestion(key, changed);
            List<FieldProblem> problems = new QuestionnaireLayout(resolved(q, draft)).problems().stream()
                    .filter(p -> p.args().length > 0 && key.equals(p.args()[0])).map(QuestionnaireEditing::onForm)
                    .toList();
            if (!problems.isEmpty()) {
                throw new ValidationProblem(problems);
            }
            return null;
        });
    }

    private static FieldProblem onForm(FieldProblem p) {
        String field = p.code().contains("condition") ? "conditionKey" : "options";
        return new FieldProblem(field, p.code(), p.args());
    }

    private static Question apply(Question current, QuestionChange change) {
        List<FieldProblem> problems = new ArrayList<>();
        String textNl = current.isStatement() ? current.textNl() : Texts.tidy(change.textNl());
        String textEn = current.isStatement() ? current.textEn() : Texts.tidy(change.textEn());
        BankInput texts = new BankInput(current.type(), textNl, textEn, change.helpNl(), change.helpEn(),
                change.options()).clean();
        problems.addAll(texts.problems());
        if (change.page() < 1 || change.page() > QuestionChange.PAGES_MAX) {
            problems.add(new FieldProblem("page", "feedback.question.page", QuestionChange.PAGES_MAX));
        }
        String conditionKey = Texts.tidy(change.conditionKey());
        if (conditionKey != null && conditionKey.equals(current.key())) {
            problems.add(new FieldProblem("conditionKey", "feedback.publish.conditionNotEarlier", current.key(),
                    conditionKey));
        }
        if (conditionKey != null && change.conditionValues().isEmpty()) {
            problems.add(new FieldProblem("conditionValues", "feedback.question.conditionValuesRequired"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationProblem(problems);
        }
        return current.withTexts(texts.textNl(), texts.textEn(), texts.helpNl(), texts.helpEn())
                .withOptions(texts.options()).onPage(change.page()).required(change.required())
                .when(conditionKey == null ? null : new Condition(conditionKey, change.conditionValues()));
    }

    @Transactional
    public void removeQuestion(TenantContext tenant, UUID questionnaireId, String key) {
        change(tenant, questionnaireId, (q, draft) -> {
            draft.removeQuestion(key);
            return null;
        });
    }

    /** Hides a base question in a tailored draft. Statements cannot be hidden: they are the shared KPIs. */
    @Transactional
    public void hide(TenantContext tenant, UUID questionnaireId, String key) {
        change(tenant, questionnaireId, (q, draft) -> {
            Question base = baseQuestions(q).stream().filter(b -> b.key().equals(key)).findFirst()
                    .orElseThrow(() -> new NotFoundException("question"));
            if (base.isStatement()) {
                throw ValidationProblem.of("key", "feedback.tailor.statementStays", key);
            }
            draft.hide(key);
            return null;
        });
    }

    @Transactional
    public void unhide(TenantContext tenant, UUID questionnaireId, String key) {
        change(tenant, questionnaireId, (q, draft) -> {
            draft.unhide(key);
            return null;
        });
    }

    /**
     * Publishes the draft: its resolved pages and questions are stored with it and never change
     * again, and it becomes the version respondents answer.
     */
    @Transactional
    public QuestionnaireVersion publish(TenantContext tenant, UUID questionnaireId) {
        List<FieldProblem> problems = problems(tenant.tenantId(), questionnaireId);
        if (!problems.isEmpty()) {
            throw new ValidationProblem(problems);
        }
        Questionnaire questionnaire = questionnaire(tenant.tenantId(), questionnaireId);
        QuestionnaireVersion draft = requireDraft(questionnaire);
        List<Question> resolved = resolved(questionnaire, draft);
        draft.publish(resolved, baseVersion(questionnaire).map(QuestionnaireVersion::id).orElse(null),
                clock.instant(), tenant.username());
        questionnaire.published(draft.id());
        saveQuestionnaire(questionnaire);
        return saveVersion(draft);
    }

    /** Starts the next version as a draft, from the published one. */
    @Transactional
    public QuestionnaireVersion newVersion(TenantContext tenant, UUID questionnaireId) {
        Questionnaire questionnaire = questionnaire(tenant.tenantId(), questionnaireId);
        if (questionnaire.draftId() != null) {
            throw ValidationProblem.of("draft", "feedback.draft.exists");
        }
        QuestionnaireVersion published = published(questionnaire).orElseThrow(() -> new NotFoundException("version"));
        int next = versions.findByQuestionnaireIdAndTenantIdOrderByNumberDesc(questionnaire.id(), tenant.tenantId())
                .stream().mapToInt(QuestionnaireVersion::number).max().orElse(0) + 1;
        QuestionnaireVersion draft = QuestionnaireVersion.nextDraft(published, next, clock.instant());
        questionnaire.startDraft(draft.id());
        saveQuestionnaire(questionnaire);
        return versions.save(draft);
    }

    // --- helpers -------------------------------------------------------------------------------

    private interface DraftChange<T> {
        T apply(Questionnaire questionnaire, QuestionnaireVersion draft);
    }

    private <T> T change(TenantContext tenant, UUID questionnaireId, DraftChange<T> change) {
        Questionnaire questionnaire = questionnaire(tenant.tenantId(), questionnaireId);
        QuestionnaireVersion draft = requireDraft(questionnaire);
        T result = change.apply(questionnaire, draft);
        saveVersion(draft);
        return result;
    }

    private QuestionnaireVersion requireDraft(Questionnaire questionnaire) {
        return draft(questionnaire).orElseThrow(() -> new NotFoundException("draft"));
    }

    private QuestionnaireVersion saveVersion(QuestionnaireVersion version) {
        try {
            return versions.save(version);
        } catch (OptimisticLockingFailureException e) {
            throw ValidationProblem.of("version", "feedback.concurrentChange");
        }
    }

    private void saveQuestionnaire(Questionnaire questionnaire) {
        try {
            questionnaires.save(questionnaire);
        } catch (OptimisticLockingFailureException e) {
            throw ValidationProblem.of("version", "feedback.concurrentChange");
        }
    }

    private String newPublicId() {
        StringBuilder id = new StringBuilder(PUBLIC_ID_LENGTH);
        for (int i = 0; i < PUBLIC_ID_LENGTH; i++) {
            id.append(PUBLIC_ID_ALPHABET[random.nextInt(PUBLIC_ID_ALPHABET.length)]);
        }
        return id.toString();
    }

    static Comparator<Question> byPage() {
        return Comparator.comparingInt(Question::page);
    }
}
