// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;

import nl.stadskompas.contacts.Appointment;
import nl.stadskompas.contacts.ConsentKind;
import nl.stadskompas.contacts.ContactPreferences;
import nl.stadskompas.contacts.Preferences;
import nl.stadskompas.platform.ValidationProblem;
import nl.stadskompas.platform.ValidationProblem.FieldProblem;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Messages a resident did not ask for but agreed to: a notice some weeks before a passport, ID card
 * or driving licence expires, and help after a life event with links to the services that fit. Both
 * have templates (per channel and language) and go through {@link Messaging#queue}, which withholds
 * them without the resident's consent and sends them by the channel the resident chose. The
 * expiry notice is queued by a persistent job at its notice time, so consent is checked then, not
 * when the date was registered (a resident may agree or withdraw in between).
 */
@Service
public class ProactiveNotices {

    static final TaskDescriptor<Void> EXPIRY_TASK = TaskDescriptor.of("proactive-document-expiry");
    private static final int NOTICE_HOUR = 9;

    private final JdbcClient jdbc;
    private final SchedulerClient scheduler;
    private final Messaging messaging;
    private final ContactPreferences preferences;
    private final ProactiveTexts texts;
    private final MessageTemplates templates;
    private final Clock clock;
    private final int noticeWeeks;

    ProactiveNotices(JdbcClient jdbc, SchedulerClient scheduler, Messaging messaging, ContactPreferences preferences,
            ProactiveTexts texts, MessageTemplates templates, Clock clock,
            @Value("${stadskompas.proactive.expiry-notice-weeks:6}") int noticeWeeks) {
        this.templates = templates;
        this.jdbc = jdbc;
        this.scheduler = scheduler;
        this.messaging = messaging;
        this.preferences = preferences;
        this.texts = texts;
        this.clock = clock;
        this.noticeWeeks = noticeWeeks;
    }

    /** A document a resident holds that expires. */
    public enum Document {
        PASSPORT, ID_CARD, DRIVING_LICENCE
    }

    /** A moment in life after which the organisation can offer help. */
    public enum LifeEvent {
        MOVED, BIRTH
    }

    /**
     * Registers that a resident's document expires on a date (in practice fed from the population
     * register); registering the same document and date again changes nothing.
     *
     * @return when the notice will be considered (sent only with consent)
     * @throws ValidationProblem when the address, document or date is not usable
     */
    @Transactional
    public ExpiryNotice registerExpiry(UUID tenantId, String email, Document document, LocalDate expiresOn) {
        List<FieldProblem> problems = new ArrayList<>();
        if (email == null || !email.strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            problems.add(new FieldProblem("email", "proactive.email.invalid"));
        }
        if (document == null) {
            problems.add(new FieldProblem("document", "proactive.document.required"));
        }
        if (expiresOn == null) {
            problems.add(new FieldProblem("expiresOn", "proactive.expiresOn.required"));
        } else if (!expiresOn.isAfter(LocalDate.now(clock.withZone(Appointment.ZONE)))) {
            problems.add(new FieldProblem("expiresOn", "proactive.expiresOn.past"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationProblem(problems);
        }
        Instant now = clock.instant();
        Instant noticeAt = expiresOn.minusWeeks(noticeWeeks).atTime(NOTICE_HOUR, 0).atZone(Appointment.ZONE).toInstant();
        if (noticeAt.isBefore(now)) {
            noticeAt = now;
        }
        String key = "document-expiry-" + document + "-" + expiresOn + "-"
                + java.util.HexFormat.of().formatHex(sha256(email.strip().toLowerCase(Locale.ROOT))).substring(0, 32);
        UUID id = UUID.randomUUID();
        int inserted = jdbc.sql("""
                INSERT INTO ntf_pro_document_expiry (id, tenant_id, recipient, document, expires_on, notice_at,
                    registered_at, dedup_key) VALUES (:id, :t, :r, :d, :e, :n, :now, :k) ON CONFLICT DO NOTHING""")
                .param("id", id).param("t", tenantId).param("r", email.strip()).param("d", document.name())
                .param("e", expiresOn).param("n", Timestamp.from(noticeAt)).param("now", Timestamp.from(now))
                .param("k", key)
                .update();
        if (inserted == 0) {
            return jdbc.sql("SELECT id, notice_at FROM ntf_pro_document_expiry WHERE tenant_id = :t AND dedup_key = :k")
                    .param("t", tenantId).param("k", key)
                    .query((rs, n) -> new ExpiryNotice(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant()))
                    .single();
        }
        scheduler.scheduleIfNotExists(EXPIRY_TASK.instance(id.toString()).scheduledTo(noticeAt));
        return new ExpiryNotice(id, noticeAt);
    }

    /** Queues the notice of a registered expiry (run by its job at the notice time). */
    @Transactional
    void sendExpiryNotice(UUID id) {
        jdbc.sql("SELECT tenant_id, recipient, document, expires_on, dedup_key FROM ntf_pro_document_expiry WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> new Object[] { rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getString(5) })
                .optional()
                .ifPresent(row -> {
                    UUID tenantId = (UUID) row[0];
                    String email = (String) row[1];
                    Locale locale = localeOf(tenantId, email);
                    String document = texts.text("proactive.document." + row[2], locale);
                    String body = texts.text("proactive.expiry.body", locale, document,
                            ProactiveTexts.date((LocalDate) row[3], locale))
                            + "\n\n" + texts.text("proactive.expiry.why", locale);
                    messaging.queue(new OutgoingMessage(tenantId, ConsentKind.DOCUMENT_EXPIRY.messageKind(),
                            Channel.EMAIL, email, locale, texts.text("proactive.expiry.subject", locale, document),
                            texts.letter(tenantId, locale, body), null, (String) row[4],
                            MessageTemplates.values("document", document, "expiresOn",
                                    ProactiveTexts.date((LocalDate) row[3], locale),
                                    "reachUs", texts.reachUs(tenantId, locale),
                                    "organisation", texts.organisation(tenantId))));
                });
    }

    /**
     * Offers help after a life event (registered through the API, for example from the population
     * register), with links to the services the organisation set for it. Sent only with consent;
     * registering the same event again sends nothing more.
     *
     * @return the id of the message in the log (withheld without consent)
     */
    @Transactional
    public UUID lifeEvent(UUID tenantId, String email, LifeEvent event, LocalDate date) {
        List<FieldProblem> problems = new ArrayList<>();
        if (email == null || !email.strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            problems.add(new FieldProblem("email", "proactive.email.invalid"));
        }
        if (event == null) {
            problems.add(new FieldProblem("event", "proactive.lifeEvent.required"));
        }
        if (date == null) {
            problems.add(new FieldProblem("date", "proactive.date.required"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationProblem(problems);
        }
        Locale locale = localeOf(tenantId, email);
        boolean english = Locale.ENGLISH.equals(locale);
        String links = links(tenantId, event).stream()
                .map(l -> "- " + (english && l.titleEn() != null ? l.titleEn() : l.titleNl()) + ": " + l.url())
                .collect(Collectors.joining("\n"));
        // The template's placeholders; Messaging.queue uses them for the tenant's own text and for SMS and
        // letters, the built-in e-mail text filled in with them is the e-mail.
        Map<String, String> values = MessageTemplates.values(
                "title", texts.text("proactive.lifeEvent." + event + ".subject", locale),
                "intro", texts.text("proactive.lifeEvent." + event + ".body", locale),
                "links", links.isEmpty() ? texts.text("proactive.lifeEvent.noLinks", locale) : links,
                "reachUs", texts.reachUs(tenantId, locale), "organisation", texts.organisation(tenantId));
        MessageTemplates.Rendered mail = MessageTemplates.render(
                templates.builtIn(TemplateKind.LIFE_EVENT, Channel.EMAIL, locale.getLanguage()), values);
        String key = "life-event-" + event + "-" + date + "-"
                + java.util.HexFormat.of().formatHex(sha256(email.strip().toLowerCase(Locale.ROOT))).substring(0, 32);
        return messaging.queue(new OutgoingMessage(tenantId, ConsentKind.LIFE_EVENT.messageKind(), Channel.EMAIL,
                email.strip(), locale, mail.subject(), mail.body(), null, key, values));
    }

    /** The services a resident is pointed to after this life event, in order. */
    @Transactional(readOnly = true)
    public List<Link> links(UUID tenantId, LifeEvent event) {
        return jdbc.sql("SELECT title_nl, title_en, url FROM ntf_pro_life_event_link WHERE tenant_id = :t "
                        + "AND life_event = :e ORDER BY position")
                .param("t", tenantId).param("e", event.name())
                .query((rs, n) -> new Link(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    /**
     * Replaces the services a resident is pointed to after this life event.
     *
     * @throws ValidationProblem when a title is missing or an address is not https; nothing changes
     */
    @Transactional
    public void setLinks(UUID tenantId, LifeEvent event, List<Link> links) {
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < links.size(); i++) {
            Link link = links.get(i);
            if (link.titleNl() == null || link.titleNl().isBlank() || link.titleNl().length() > 200) {
                problems.add(new FieldProblem("links[" + i + "].titleNl", "proactive.link.title.invalid"));
            }
            if (link.url() == null || !link.url().startsWith("https://") || link.url().length() > 500) {
                problems.add(new FieldProblem("links[" + i + "].url", "proactive.link.url.invalid"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationProblem(problems);
        }
        jdbc.sql("DELETE FROM ntf_pro_life_event_link WHERE tenant_id = :t AND life_event = :e")
                .param("t", tenantId).param("e", event.name()).update();
        for (int i = 0; i < links.size(); i++) {
            Link link = links.get(i);
            jdbc.sql("INSERT INTO ntf_pro_life_event_link (tenant_id, life_event, position, title_nl, title_en, url) "
                            + "VALUES (:t, :e, :p, :nl, :en, :u)")
                    .param("t", tenantId).param("e", event.name()).param("p", i).param("nl", link.titleNl().strip())
                    .param("en", link.titleEn() == null || link.titleEn().isBlank() ? null : link.titleEn().strip())
                    .param("u", link.url().strip())
                    .update();
        }
    }

    private Locale localeOf(UUID tenantId, String email) {
        return ProactiveTexts.locale(preferences.preferences(tenantId, email).map(Preferences::language).orElse("nl"));
    }

    private static byte[] sha256(String value) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A registered expiry.
     *
     * @param noticeAt when the notice is due (queued then, and sent only with consent)
     */
    public record ExpiryNotice(UUID id, Instant noticeAt) {
    }

    /** A service to point a resident to, with its address. */
    public record Link(String titleNl, String titleEn, String url) {
    }
}
