// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import nl.stadskompas.organisation.OrganisationCatalogue;
import nl.stadskompas.platform.NotFoundException;
import nl.stadskompas.platform.TenantContext;
import nl.stadskompas.platform.ValidationProblem;
import nl.stadskompas.platform.ValidationProblem.FieldProblem;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Longer stories of residents, recorded by employees (for example after an interview), always with
 * the resident's recorded consent and tied to a service if it is about one. A story can be deleted,
 * for example when the resident withdraws consent; reading one is logged.
 */
@Service
public class ResidentStories {

    public static final int TITLE_MAX = 200;
    public static final int STORY_MAX = 20000;
    public static final int NOTE_MAX = 500;

    private final JdbcClient jdbc;
    private final OrganisationCatalogue catalogue;
    private final DataAccessLog log;
    private final Clock clock;

    ResidentStories(JdbcClient jdbc, OrganisationCatalogue catalogue, DataAccessLog log, Clock clock) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.log = log;
        this.clock = clock;
    }

    /** How the resident gave consent. */
    public enum ConsentHow {
        ORAL, WRITTEN
    }

    /**
     * A story as an employee enters it.
     *
     * @param consent whether the resident agreed that the story is kept and used
     */
    public record StoryInput(UUID serviceId, String title, String story, LocalDate toldOn, boolean consent,
            ConsentHow consentHow, String consentNote) {
    }

    /** A recorded story. */
    public record Story(UUID id, UUID serviceId, String title, String story, LocalDate toldOn, ConsentHow consentHow,
            String consentNote, String recordedBy, OffsetDateTime recordedAt) {
    }

    /**
     * Records a story.
     *
     * @throws ValidationProblem with the field names of {@link StoryInput}; nothing is stored then
     */
    @Transactional
    public UUID record(TenantContext tenant, StoryInput input) {
        List<FieldProblem> problems = new ArrayList<>();
        String title = input.title() == null ? "" : input.title().strip();
        String story = input.story() == null ? "" : input.story().strip();
        String note = input.consentNote() == null || input.consentNote().isBlank() ? null : input.consentNote().strip();
        if (title.isEmpty()) {
            problems.add(new FieldProblem("title", "feedback.story.title.required"));
        } else if (title.length() > TITLE_MAX) {
            problems.add(new FieldProblem("title", "feedback.story.tooLong", TITLE_MAX));
        }
        if (story.isEmpty()) {
            problems.add(new FieldProblem("story", "feedback.story.story.required"));
        } else if (story.length() > STORY_MAX) {
            problems.add(new FieldProblem("story", "feedback.story.tooLong", STORY_MAX));
        }
        if (input.toldOn() == null) {
            problems.add(new FieldProblem("toldOn", "feedback.story.toldOn.required"));
        } else if (input.toldOn().isAfter(LocalDate.now(clock))) {
            problems.add(new FieldProblem("toldOn", "feedback.story.toldOn.future"));
        }
        if (!input.consent()) {
            problems.add(new FieldProblem("consent", "feedback.story.consent.required"));
        }
        if (input.consentHow() == null) {
            problems.add(new FieldProblem("consentHow", "feedback.story.consentHow.required"));
        }
        if (note != null && note.length() > NOTE_MAX) {
            problems.add(new FieldProblem("consentNote", "feedback.story.tooLong", NOTE_MAX));
        }
        if (input.serviceId() != null && catalogue.service(tenant.tenantId(), input.serviceId()).isEmpty()) {
            problems.add(new FieldProblem("serviceId", "feedback.story.service.unknown"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationProblem(problems);
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO fb_story (id, tenant_id, service_id, title, story, told_on, consent_how, consent_note, "
                        + "recorded_by, recorded_at) VALUES (:id, :t, :s, :title, :story, :d, :how, :note, :by, :at)")
                .param("id", id).param("t", tenant.tenantId()).param("s", input.serviceId()).param("title", title)
                .param("story", story).param("d", input.toldOn()).param("how", input.consentHow().name())
                .param("note", note).param("by", tenant.username())
                .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).update();
        return id;
    }

    /** The organisation's stories, newest first; for one service when given. */
    @Transactional(readOnly = true)
    public List<Story> list(TenantContext tenant, UUID serviceId) {
        String sql = "SELECT * FROM fb_story WHERE tenant_id = :t" + (serviceId == null ? "" : " AND service_id = :s")
                + " ORDER BY told_on DESC, recorded_at DESC";
        var query = jdbc.sql(sql).param("t", tenant.tenantId());
        if (serviceId != null) {
            query = query.param("s", serviceId);
        }
        return query.query((rs, n) -> story(rs)).list();
    }

    /** One story; reading it is logged. */
    @Transactional
    public Story story(TenantContext tenant, UUID id) {
        Story story = find(tenant.tenantId(), id);
        log.record(tenant, DataAccessLog.Action.STORY_VIEWED, null, id.toString());
        return story;
    }

    /** Deletes a story for good. */
    @Transactional
    public void delete(TenantContext tenant, UUID id) {
        find(tenant.tenantId(), id);
        jdbc.sql("DELETE FROM fb_story WHERE tenant_id = :t AND id = :id").param("t", tenant.tenantId()).param("id", id)
                .update();
    }

    private Story find(UUID tenantId, UUID id) {
        return jdbc.sql("SELECT * FROM fb_story WHERE tenant_id = :t AND id = :id").param("t", tenantId).param("id", id)
                .query((rs, n) -> story(rs)).optional().orElseThrow(() -> new NotFoundException("story"));
    }

    private static Story story(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Story(rs.getObject("id", UUID.class), rs.getObject("service_id", UUID.class), rs.getString("title"),
                rs.getString("story"), rs.getObject("told_on", LocalDate.class),
                ConsentHow.valueOf(rs.getString("consent_how")), rs.getString("consent_note"),
                rs.getString("recorded_by"), rs.getObject("recorded_at", OffsetDateTime.class));
    }
}
