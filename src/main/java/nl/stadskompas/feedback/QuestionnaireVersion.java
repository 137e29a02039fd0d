// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import nl.stadskompas.platform.NotFoundException;
import nl.stadskompas.platform.ValidationProblem;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One version of a questionnaire. A draft holds its own questions (and, when tailored, the keys of
 * base questions it hides). Publishing stores the resolved pages and questions and makes the
 * version read-only: every answer given on it keeps meaning what it meant.
 */
@Table("fb_version")
public class QuestionnaireVersion {

    /** Longest title, in characters. */
    public static final int TITLE_MAX = 200;
    /** Longest introduction or thank-you text, in characters. */
    public static final int TEXT_MAX = 1000;

    @Id
    private final UUID id;
    private final UUID tenantId;
    private final UUID questionnaireId;
    private final int number;
    private QuestionnaireStatus status;
    private String titleNl;
    private String titleEn;
    private String introNl;
    private String introEn;
    private String thanksNl;
    private String thanksEn;
    private UUID baseVersionId;
    private final Instant createdAt;
    private Instant publishedAt;
    private String publishedByName;
    @MappedCollection(idColumn = "fb_version", keyColumn = "question_index")
    private final List<Question> questions;
    @MappedCollection(idColumn = "fb_version")
    private final Set<HiddenQuestion> hidden;
    @Version
    private Long version;
    /** Only in a frozen copy: its layout, worked out once. */
    @Transient
    private final QuestionnaireLayout layout;

    @PersistenceCreator
    QuestionnaireVersion(UUID id, UUID tenantId, UUID questionnaireId, int number, QuestionnaireStatus status,
            String titleNl, String titleEn, String introNl, String introEn, String thanksNl, String thanksEn,
            UUID baseVersionId, Instant createdAt, Instant publishedAt, String publishedByName,
            List<Question> questions, Set<HiddenQuestion> hidden, Long version) {
        this.id = id;
        this.tenantId = tenantId;
        this.questionnaireId = questionnaireId;
        this.number = number;
        this.status = status;
        this.titleNl = titleNl;
        this.titleEn = titleEn;
        this.introNl = introNl;
        this.introEn = introEn;
        this.thanksNl = thanksNl;
        this.thanksEn = thanksEn;
        this.baseVersionId = baseVersionId;
        this.createdAt = createdAt;
        this.publishedAt = publishedAt;
        this.publishedByName = publishedByName;
        this.questions = new ArrayList<>(questions == null ? List.of() : questions);
        this.hidden = new HashSet<>(hidden == null ? Set.of() : hidden);
        this.version = version;
        this.layout = null;
    }

    /**
     * A copy of this published version that cannot be changed at all: its lists cannot be changed
     * and, being published, it refuses every change a draft allows. Safe to share between requests.
     */
    QuestionnaireVersion frozenCopy() {
        if (isDraft()) {
            throw new IllegalStateException("Only a published version can be frozen");
        }
        return new QuestionnaireVersion(this);
    }

    private QuestionnaireVersion(QuestionnaireVersion from) {
        this.id = from.id;
        this.tenantId = from.tenantId;
        this.questionnaireId = from.questionnaireId;
        this.number = from.number;
        this.status = from.status;
        this.titleNl = from.titleNl;
        this.titleEn = from.titleEn;
        this.introNl = from.introNl;
        this.introEn = from.introEn;
        this.thanksNl = from.thanksNl;
        this.thanksEn = from.thanksEn;
        this.baseVersionId = from.baseVersionId;
        this.createdAt = from.createdAt;
        this.publishedAt = from.publishedAt;
        this.publishedByName = from.publishedByName;
        this.questions = List.copyOf(from.questions);
        this.hidden = Set.copyOf(from.hidden);
        this.version = from.version;
        this.layout = new QuestionnaireLayout(this.questions);
    }

    /** The first draft of a new questionnaire. */
    static QuestionnaireVersion first(UUID tenantId, UUID questionnaireId, VersionTexts texts, Instant now) {
        QuestionnaireVersion v = new QuestionnaireVersion(UUID.randomUUID(), tenantId, questionnaireId, 1,
                QuestionnaireStatus.DRAFT, null, null, null, null, null, null, null, now, null, null, List.of(),
                Set.of(), null);
        v.describe(texts);
        return v;
    }

    /**
     * A new draft that continues from a published version: the same texts and own questions, and for
     * a tailored questionnaire the same hidden base questions (the base itself is taken afresh).
     */
    static QuestionnaireVersion nextDraft(QuestionnaireVersion from, int number, Instant now) {
        List<Question> own = from.questions.stream().filter(q -> !q.isInherited()).toList();
        return new QuestionnaireVersion(UUID.randomUUID(), from.tenantId, from.questionnaireId, number,
                QuestionnaireStatus.DRAFT, from.titleNl, from.titleEn, from.introNl, from.introEn, from.thanksNl,
                from.thanksEn, null, now, null, null, own, from.hidden, null);
    }

    // --- changes of a draft --------------------------------------------------------------------

    void describe(VersionTexts texts) {
        requireDraft();
        VersionTexts clean = texts.clean();
        List<ValidationProblem.FieldProblem> problems = clean.problems();
        if (!problems.isEmpty()) {
            throw new ValidationProblem(problems);
        }
        this.titleNl = clean.titleNl();
        this.titleEn = clean.titleEn();
        this.introNl = clean.introNl();
        this.introEn = clean.introEn();
        this.thanksNl = clean.thanksNl();
        this.thanksEn = clean.thanksEn();
    }

    void addQuestion(Question question) {
        requireDraft();
        if (ownQuestion(question.key()).isPresent()) {
            throw ValidationProblem.of("itemKey", "feedback.question.alreadyIn", question.key());
        }
        questions.add(question);
    }

    void changeQuestion(String key, Question question) {
        requireDraft();
        int at = indexOf(key);
        questions.set(at, question);
    }

    void removeQuestion(String key) {
        requireDraft();
        int at = indexOf(key);
        questions.remove(at);
    }

    void hide(String key) {
        requireDraft();
        hidden.add(new HiddenQuestion(key));
    }

    void unhide(String key) {
        requireDraft();
        hidden.remove(new HiddenQuestion(key));
    }

    /**
     * Freezes the version with the resolved questions; the caller has checked them.
     *
     * @param resolved the pages and questions respondents will see
     * @param fromBase the published base version they were resolved from, for a tailored questionnaire
     */
    void publish(List<Question> resolved, UUID fromBase, Instant now, String byName) {
        requireDraft();
        questions.clear();
        questions.addAll(resolved);
        this.baseVersionId = fromBase;
        this.status = QuestionnaireStatus.PUBLISHED;
        this.publishedAt = now;
        this.publishedByName = byName;
    }

    /** Refuses every change to a published version, whoever asks. */
    void requireDraft() {
        if (status != QuestionnaireStatus.DRAFT) {
            throw ValidationProblem.of("version", "feedback.version.readOnly");
        }
    }

    private int indexOf(String key) {
        for (int i = 0; i < questions.size(); i++) {
            if (questions.get(i).key().equals(key)) {
                return i;
            }
        }
        throw new NotFoundException("question");
    }

    // --- reading -------------------------------------------------------------------------------

    public UUID id() {
        return id;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public UUID questionnaireId() {
        return questionnaireId;
    }

    public int number() {
        return number;
    }

    public QuestionnaireStatus status() {
        return status;
    }

    public boolean isDraft() {
        return status == QuestionnaireStatus.DRAFT;
    }

    public VersionTexts texts() {
        return new VersionTexts(titleNl, titleEn, introNl, introEn, thanksNl, thanksEn);
    }

    public String title(Locale locale) {
        return Texts.in(locale, titleNl, titleEn);
    }

    public String intro(Locale locale) {
        return Texts.in(locale, introNl, introEn);
    }

    public String thanks(Locale locale) {
        return Texts.in(locale, thanksNl, thanksEn);
    }

    public UUID baseVersionId() {
        return baseVersionId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    public String publishedByName() {
        return publishedByName;
    }

    /**
     * For a published version: every question respondents see. For a draft: its own questions only
     * (a tailored draft shows its base through {@link QuestionnaireEditing#resolved}).
     */
    public List<Question> questions() {
        return List.copyOf(questions);
    }

    public Optional<Question> ownQuestion(String key) {
        return questions.stream().filter(q -> q.key().equals(key)).findFirst();
    }

    /** Keys of base questions this (tailored) version does not ask. */
    public Set<String> hiddenKeys() {
        return hidden.stream().map(HiddenQuestion::key).collect(Collectors.toUnmodifiableSet());
    }

    /** The layout of a published version. */
    public QuestionnaireLayout layout() {
        return layout != null ? layout : new QuestionnaireLayout(questions);
    }
}
