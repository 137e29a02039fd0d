// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import nl.stadskompas.notifications.Channel;
import nl.stadskompas.notifications.Messaging;
import nl.stadskompas.notifications.OutgoingMessage;
import nl.stadskompas.organisation.OrganisationRegistry;
import nl.stadskompas.platform.TenantContext;
import nl.stadskompas.platform.ValidationProblem;
import nl.stadskompas.platform.ValidationProblem.FieldProblem;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal e-mail invitations to a questionnaire. Each address gets its own single-use link; only
 * the hash of the link's token is stored. The invitation and its reminder are queued as messages at
 * once (the reminder with a later due time), so this module never keeps the address; answering
 * withdraws the reminder. An answer given through the link is stored like any other: nothing ties
 * it to the invitation.
 *
 * <p>A person is invited at most once per configured interval, whichever way (a list, an API call
 * or a closed case), tracked by a keyed hash of the address. A list skips those invited within the
 * interval and says how many.
 */
@Service
public class Invitations {

    /** The part of a personal link after the questionnaire's public path: {@code /v/<id>/u/<token>}. */
    public static final String PERSONAL_PATH = "/u/";
    /** The most addresses in one list. */
    public static final int LIST_MAX = 2000;

    private static final Pattern EMAIL = Pattern.compile("[^@\\s,;<>]+@[^@\\s,;<>]+\\.[^@\\s,;<>]+");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,;]+");
    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    private final QuestionnaireEditing editing;
    private final Messaging messaging;
    private final OrganisationRegistry organisations;
    private final MessageSource texts;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final String publicUrl;
    private final int reminderDays;
    private final int intervalDays;
    static final String DEVELOPMENT_PERSON_KEY = "development-only-change-me";

    private final byte[] personKey;
    private final SecureRandom random = new SecureRandom();

    Invitations(QuestionnaireEditing editing, Messaging messaging, OrganisationRegistry organisations,
            MessageSource texts, JdbcClient jdbc, Clock clock,
            @Value("${stadskompas.public-url:http://localhost:8080}") String publicUrl,
            @Value("${stadskompas.feedback.invitations.reminder-days:7}") int reminderDays,
            @Value("${stadskompas.feedback.invitations.interval-days:90}") int intervalDays,
            @Value("${stadskompas.feedback.invitations.person-key}") String personKey, Environment environment) {
        this.editing = editing;
        this.messaging = messaging;
        this.organisations = organisations;
        this.texts = texts;
        this.jdbc = jdbc;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.reminderDays = reminderDays;
        this.intervalDays = intervalDays;
        this.personKey = personKey(personKey, environment);
    }

    /**
     * The key of the keyed hash of addresses. The development value in the default settings is refused
     * when the application runs on PostgreSQL (production), because anyone who knows it could test
     * whether an address was invited.
     */
    static byte[] personKey(String configured, Environment environment) {
        if (configured == null || configured.length() < 16) {
            throw new IllegalStateException("stadskompas.feedback.invitations.person-key needs at least 16 characters");
        }
        if (configured.equals(DEVELOPMENT_PERSON_KEY) && environment.acceptsProfiles(Profiles.of("postgres"))) {
            throw new IllegalStateException("stadskompas.feedback.invitations.person-key "
                    + "(STADSKOMPAS_FEEDBACK_INVITATIONS_PERSON_KEY) still has its development value: set a random "
                    + "value of at least 16 characters, the same on every node (see docs/production.md)");
        }
        return configured.getBytes(StandardCharsets.UTF_8);
    }

    /** Where an invitation came from. */
    public enum Source {
        /** A list of addresses uploaded or pasted by an employee. */
        LIST,
        /** The REST API (continuous measurement). */
        API,
        /** A closed case (continuous measurement). */
        CASE
    }

    /** The state of a personal link. */
    public enum LinkState {
        VALID, USED, UNKNOWN
    }

    /** What came of inviting one person for continuous measurement. */
    public enum Outcome {
        INVITED, RECENTLY_INVITED
    }

    /**
     * What came of inviting a list.
     *
     * @param invited how many were invited now
     * @param skipped how many were not, because they were invited within the interval
     */
    public record ListOutcome(int invited, int skipped) {
    }

    /** How many were invited and how many of them answered. */
    public record Counts(long invited, long answered, long reminders) {
    }

    public int reminderDays() {
        return reminderDays;
    }

    public int intervalDays() {
        return intervalDays;
    }

    /**
     * Reads a pasted or uploaded list of addresses (separated by new lines, commas, semicolons or
     * spaces). Every address must be valid, or nothing is sent; duplicates count once.
     *
     * @throws ValidationProblem on field {@code addresses} naming the first wrong addresses
     */
    public List<String> readList(String text) {
        Set<String> addresses = new LinkedHashSet<>();
        List<String> wrong = new ArrayList<>();
        for (String part : SEPARATORS.split(text == null ? "" : text.strip())) {
            if (part.isBlank()) {
                continue;
            }
            String address = part.strip();
            if (address.length() > 254 || !EMAIL.matcher(address).matches()) {
                wrong.add(address.length() > 60 ? address.substring(0, 60) + "..." : address);
            } else {
                addresses.add(address.toLowerCase(Locale.ROOT));
            }
        }
        if (!wrong.isEmpty()) {
            throw ValidationProblem.of("addresses", "feedback.invite.wrongAddresses", wrong.size(),
                    String.join(", ", wrong.subList(0, Math.min(5, wrong.size()))));
        }
        if (addresses.isEmpty()) {
            throw ValidationProblem.of("addresses", "feedback.invite.noAddresses");
        }
        if (addresses.size() > LIST_MAX) {
            throw ValidationProblem.of("addresses", "feedback.invite.tooMany", LIST_MAX);
        }
        return List.copyOf(addresses);
    }

    /**
     * Invites every address of a list to a published questionnaire, each with a personal link and
     * a reminder, except those invited (to any questionnaire of the organisation, in any way) within
     * the interval. A wrong address sends nothing at all.
     *
     * @return how many were invited and how many skipped
     */
    @Transactional
    public ListOutcome inviteList(TenantContext tenant, UUID questionnaireId, String addresses, Locale language) {
        Questionnaire q = invitable(tenant.tenantId(), questionnaireId);
        List<String> list = readList(addresses);
        int invited = 0;
        for (String address : list) {
            if (claim(tenant.tenantId(), address)) {
                send(q, address, language, Source.LIST);
                invited++;
            }
        }
        return new ListOutcome(invited, list.size() - invited);
    }

    /**
     * Invites one person for continuous measurement, unless they were invited (to any questionnaire
     * of the organisation) within the interval.
     *
     * @throws ValidationProblem for a malformed address or a questionnaire that is not published
     */
    @Transactional
    public Outcome inviteOne(UUID tenantId, UUID questionnaireId, String address, Locale language, Source source) {
        Questionnaire q = invitable(tenantId, questionnaireId);
        String email = address == null ? "" : address.strip().toLowerCase(Locale.ROOT);
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            throw ValidationProblem.of("email", "feedback.invite.wrongAddress");
        }
        if (!claim(tenantId, email)) {
            return Outcome.RECENTLY_INVITED;
        }
        send(q, email, language, source);
        return Outcome.INVITED;
    }

    /**
     * Records that the person (a lower-case address) is invited now, unless they were invited within
     * the interval.
     *
     * @return false when they were invited within the interval (nothing is recorded then)
     */
    private boolean claim(UUID tenantId, String email) {
        String key = personKey(tenantId, email);
        Instant now = clock.instant();
        Instant last = jdbc.sql("SELECT last_invited_at FROM fb_invited_person WHERE tenant_id = :t AND person_key = :k")
                .param("t", tenantId).param("k", key).query(Timestamp.class).optional()
                .map(Timestamp::toInstant).orElse(null);
        if (last != null && last.isAfter(now.minus(Duration.ofDays(intervalDays)))) {
            return false;
        }
        if (last == null) {
            jdbc.sql("INSERT INTO fb_invited_person (tenant_id, person_key, last_invited_at) VALUES (:t, :k, :at)")
                    .param("t", tenantId).param("k", key).param("at", Timestamp.from(now)).update();
        } else {
            jdbc.sql("UPDATE fb_invited_person SET last_invited_at = :at WHERE tenant_id = :t AND person_key = :k")
                    .param("t", tenantId).param("k", key).param("at", Timestamp.from(now)).update();
        }
        return true;
    }

    /** Whether a personal link of this questionnaire can still be used. */
    @Transactional(readOnly = true)
    public LinkState state(Questionnaire questionnaire, String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return LinkState.UNKNOWN;
        }
        return jdbc.sql("SELECT used_on FROM fb_invitation WHERE tenant_id = :t AND questionnaire_id = :q "
                        + "AND token_hash = :h")
                .param("t", questionnaire.tenantId()).param("q", questionnaire.id()).param("h", hash(token))
                .query((rs, n) -> rs.getDate(1) == null ? LinkState.VALID : LinkState.USED)
                .optional().orElse(LinkState.UNKNOWN);
    }

    /**
     * Marks a personal link used after its answer was stored and withdraws its reminder. Only the
     * day is recorded, like the answer's, so the two cannot be matched by the time.
     *
     * @return false when the link was used before (or is unknown)
     */
    @Transactional
    public boolean redeem(Questionnaire questionnaire, String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return false;
        }
        Optional<UUID> id = jdbc.sql("SELECT id FROM fb_invitation WHERE tenant_id = :t AND questionnaire_id = :q "
                        + "AND token_hash = :h AND used_on IS NULL")
                .param("t", questionnaire.tenantId()).param("q", questionnaire.id()).param("h", hash(token))
                .query(UUID.class).optional();
        if (id.isEmpty()) {
            return false;
        }
        int updated = jdbc.sql("UPDATE fb_invitation SET used_on = :d WHERE id = :id AND used_on IS NULL")
                .param("d", LocalDate.now(clock.withZone(ZONE))).param("id", id.get()).update();
        if (updated == 0) {
            return false;
        }
        messaging.cancel(questionnaire.tenantId(), reminderKey(id.get()));
        return true;
    }

    /** How many were invited to the questionnaire and how many answered through their link. */
    @Transactional(readOnly = true)
    public Counts counts(UUID tenantId, UUID questionnaireId) {
        return jdbc.sql("SELECT COUNT(*), COUNT(used_on), SUM(CASE WHEN reminder THEN 1 ELSE 0 END) FROM fb_invitation "
                        + "WHERE tenant_id = :t AND questionnaire_id = :q")
                .param("t", tenantId).param("q", questionnaireId)
                .query((rs, n) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
    }

    // --- continuous measurement after a closed case ---------------------------------------------

    /** The case types whose closed cases invite their requester to this questionnaire. */
    @Transactional(readOnly = true)
    public Set<UUID> caseTypes(UUID tenantId, UUID questionnaireId) {
        return Set.copyOf(jdbc.sql("SELECT case_type_id FROM fb_case_trigger WHERE tenant_id = :t AND questionnaire_id = :q")
                .param("t", tenantId).param("q", questionnaireId).query(UUID.class).list());
    }

    /**
     * Sets which case types invite to this questionnaire. A case type invites to one questionnaire:
     * choosing it here takes it away from another.
     */
    @Transactional
    public void changeCaseTypes(TenantContext tenant, UUID questionnaireId, Set<UUID> caseTypeIds) {
        editing.questionnaire(tenant.tenantId(), questionnaireId);
        jdbc.sql("DELETE FROM fb_case_trigger WHERE tenant_id = :t AND questionnaire_id = :q")
                .param("t", tenant.tenantId()).param("q", questionnaireId).update();
        for (UUID type : caseTypeIds) {
            jdbc.sql("DELETE FROM fb_case_trigger WHERE tenant_id = :t AND case_type_id = :c")
                    .param("t", tenant.tenantId()).param("c", type).update();
            jdbc.sql("INSERT INTO fb_case_trigger (tenant_id, case_type_id, questionnaire_id) VALUES (:t, :c, :q)")
                    .param("t", tenant.tenantId()).param("c", type).param("q", questionnaireId).update();
        }
    }

    /** The questionnaire a closed case of this type invites to, if any. */
    @Transactional(readOnly = true)
    public Optional<UUID> questionnaireForCaseType(UUID tenantId, UUID caseTypeId) {
        return jdbc.sql("SELECT questionnaire_id FROM fb_case_trigger WHERE tenant_id = :t AND case_type_id = :c")
                .param("t", tenantId).param("c", caseTypeId).query(UUID.class).optional();
    }

    /** Whether the questionnaire can be answered now (published and in its field period). */
    @Transactional(readOnly = true)
    public boolean answerable(UUID tenantId, UUID questionnaireId) {
        Questionnaire q = editing.questionnaire(tenantId, questionnaireId);
        return editing.published(q).isPresent() && q.isOpenOn(LocalDate.now(clock.withZone(ZONE)));
    }

    // --- helpers -------------------------------------------------------------------------------

    private Questionnaire invitable(UUID tenantId, UUID questionnaireId) {
        Questionnaire q = editing.questionnaire(tenantId, questionnaireId);
        LocalDate today = LocalDate.now(clock.withZone(ZONE));
        if (editing.published(q).isEmpty() || (q.openUntil() != null && q.openUntil().isBefore(today))) {
            throw ValidationProblem.of("questionnaire", "feedback.invite.notOpen");
        }
        return q;
    }

    private void send(Questionnaire q, String email, Locale language, Source source) {
        Locale locale = language != null && "en".equals(language.getLanguage()) ? Locale.ENGLISH : Locale.of("nl");
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZONE);
        Instant reminderAt = now.plus(Duration.ofDays(reminderDays));
        LocalDate reminderDay = LocalDate.ofInstant(reminderAt, ZONE);
        boolean reminder = reminderDays > 0 && (q.openUntil() == null || !q.openUntil().isBefore(reminderDay));
        jdbc.sql("INSERT INTO fb_invitation (id, tenant_id, questionnaire_id, token_hash, source, invited_on, reminder) "
                        + "VALUES (:id, :t, :q, :h, :s, :d, :r)")
                .param("id", id).param("t", q.tenantId()).param("q", q.id()).param("h", hash(token))
                .param("s", source.name()).param("d", today).param("r", reminder).update();
        String link = publicUrl + "/v/" + q.publicId() + PERSONAL_PATH + token + "?lang=" + locale.getLanguage();
        QuestionnaireVersion version = editing.published(q).orElseThrow();
        String organisation = organisations.nameOf(q.tenantId());
        String title = version.title(locale);
        String until = q.openUntil() == null ? ""
                : texts.getMessage("feedback.invite.mail.until", new Object[] { q.openUntil()
                        .format(java.time.format.DateTimeFormatter.ofPattern("d MMMM uuuu", locale)) }, locale);
        Object[] args = { organisation, title, link, until, reminderDays };
        messaging.queue(new OutgoingMessage(q.tenantId(), "feedback.invitation", Channel.EMAIL, email, locale,
                texts.getMessage("feedback.invite.mail.subject", args, locale),
                texts.getMessage("feedback.invite.mail.body", args, locale), null, "feedback-invitation-" + id));
        if (reminder) {
            messaging.queue(new OutgoingMessage(q.tenantId(), "feedback.invitation-reminder", Channel.EMAIL, email,
                    locale, texts.getMessage("feedback.invite.reminder.subject", args, locale),
                    texts.getMessage("feedback.invite.reminder.body", args, locale), reminderAt, reminderKey(id)));
        }
    }

    private static String reminderKey(UUID invitationId) {
        return "feedback-invitation-" + invitationId + "-reminder";
    }

    private String personKey(UUID tenantId, String email) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(personKey, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((tenantId + ":" + email).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
