// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import nl.stadskompas.platform.ValidationProblem;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A questionnaire: what stays the same over its versions. Its public id is part of the link
 * respondents use; it knows its one draft and its current published version, and when it collects
 * answers. A tailored questionnaire names its base and the service it is for.
 */
@Table("fb_questionnaire")
public class Questionnaire {

    /** Longest internal name, in characters. */
    public static final int NAME_MAX = 200;

    @Id
    private final UUID id;
    private final UUID tenantId;
    private final String publicId;
    private final QuestionnaireKind kind;
    private Schedule schedule;
    private String name;
    private final UUID baseId;
    private final UUID serviceId;
    private LocalDate openFrom;
    private LocalDate openUntil;
    private Integer targetResponses;
    private UUID draftId;
    private UUID publishedId;
    private final Instant createdAt;
    @Version
    private Long version;

    @PersistenceCreator
    Questionnaire(UUID id, UUID tenantId, String publicId, QuestionnaireKind kind, Schedule schedule, String name,
            UUID baseId, UUID serviceId, LocalDate openFrom, LocalDate openUntil, Integer targetResponses,
            UUID draftId, UUID publishedId, Instant createdAt, Long version) {
        this.id = id;
        this.tenantId = tenantId;
        this.publicId = publicId;
        this.kind = kind;
        this.schedule = schedule;
        this.name = name;
        this.baseId = baseId;
        this.serviceId = serviceId;
        this.openFrom = openFrom;
        this.openUntil = openUntil;
        this.targetResponses = targetResponses;
        this.draftId = draftId;
        this.publishedId = publishedId;
        this.createdAt = createdAt;
        this.version = version;
    }

    static Questionnaire create(UUID tenantId, String publicId, QuestionnaireKind kind, String name, UUID baseId,
            UUID serviceId, Instant now) {
        return new Questionnaire(UUID.randomUUID(), tenantId, publicId, kind, Schedule.CONTINUOUS, name, baseId,
                serviceId, null, null, null, null, null, now, null);
    }

    void startDraft(UUID versionId) {
        if (draftId != null) {
            throw ValidationProblem.of("draft", "feedback.draft.exists");
        }
        this.draftId = versionId;
    }

    void published(UUID versionId) {
        this.publishedId = versionId;
        this.draftId = null;
    }

    void settings(QuestionnaireSettings settings) {
        this.name = settings.name();
        this.schedule = settings.schedule();
        this.openFrom = settings.openFrom();
        this.openUntil = settings.openUntil();
        this.targetResponses = settings.targetResponses();
    }

    /** Whether respondents can answer on the given day: something is published and the day is in the field period. */
    public boolean isOpenOn(LocalDate day) {
        return publishedId != null && (openFrom == null || !day.isBefore(openFrom))
                && (openUntil == null || !day.isAfter(openUntil));
    }

    public UUID id() {
        return id;
    }

    public UUID tenantId() {
        return tenantId;
    }

    /** The short random id in the public link, such as {@code k7m2q9xa}. */
    public String publicId() {
        return publicId;
    }

    public QuestionnaireKind kind() {
        return kind;
    }

    public Schedule schedule() {
        return schedule;
    }

    public String name() {
        return name;
    }

    public UUID baseId() {
        return baseId;
    }

    public boolean isTailored() {
        return baseId != null;
    }

    public UUID serviceId() {
        return serviceId;
    }

    public LocalDate openFrom() {
        return openFrom;
    }

    public LocalDate openUntil() {
        return openUntil;
    }

    public Integer targetResponses() {
        return targetResponses;
    }

    public UUID draftId() {
        return draftId;
    }

    public UUID publishedId() {
        return publishedId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public QuestionnaireSettings settings() {
        return new QuestionnaireSettings(name, schedule, openFrom, openUntil, targetResponses);
    }
}
