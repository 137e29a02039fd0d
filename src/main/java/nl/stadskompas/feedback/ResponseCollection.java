// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

import nl.stadskompas.organisation.OrganisationCatalogue;
import nl.stadskompas.platform.ValidationProblem;
import nl.stadskompas.platform.ValidationProblem.FieldProblem;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Receives answers: checks them against the version they were given on, stores them anonymously
 * (the version, the link's context and the day, never who or from where), keeps answers that a
 * respondent saves to continue later, and records a separate consent to be contacted.
 *
 * <p>A submission carries a random token from the form; a second submission with the same token
 * stores nothing, so pressing "send" twice is harmless.
 */
@Service
public class ResponseCollection {

    /** How long saved answers wait for the respondent to continue. */
    public static final int PROGRESS_DAYS = 30;

    private static final Pattern SUBMISSION_TOKEN = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern RESUME_TOKEN = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final Pattern LOCATION = Pattern.compile("[\\p{L}\\p{N} .,'()/-]+");

    private final QuestionnaireEditing editing;
    private final PublishedVersions publishedVersions;
    private final OrganisationCatalogue catalogue;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final NamedParameterJdbcTemplate batch;
    private final SecureRandom random = new SecureRandom();

    ResponseCollection(QuestionnaireEditing editing, PublishedVersions publishedVersions,
            OrganisationCatalogue catalogue, JdbcClient jdbc, NamedParameterJdbcTemplate batch,
            PlatformTransactionManager transactionManager, Clock clock) {
        this.editing = editing;
        this.publishedVersions = publishedVersions;
        this.catalogue = catalogue;
        this.jdbc = jdbc;
        this.batch = batch;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /**
     * The questionnaire behind a public link, with the version respondents answer today. The
     * questionnaire is read afresh (it can be closed or get a new version at any moment); its
     * published version comes from memory, as it never changes.
     */
    public Optional<PublicQuestionnaire> open(String publicId) {
        return editing.byPublicId(publicId).map(q -> {
            QuestionnaireVersion version = q.publishedId() == null ? null
                    : publishedVersions.find(q.publishedId())
                            .filter(v -> v.tenantId().equals(q.tenantId()) && v.questionnaireId().equals(q.id()))
                            .orElse(null);
            return new PublicQuestionnaire(q, version, version != null && q.isOpenOn(today()));
        });
    }

    /** A fresh submission token for a form: 128 random bits. */
    public String newSubmissionToken() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /**
     * The context of a link, checked against the organisation: a service or municipality of another
     * organisation, an unknown channel or an odd location is dropped. A tailored questionnaire is
     * always about its own service. No transaction: the organisation's lookups come from memory, and
     * a link without a service or municipality needs no database at all.
     */
    public ResponseContext context(Questionnaire questionnaire, String service, String channel, String municipality,
            String location) {
        UUID tenantId = questionnaire.tenantId();
        UUID serviceId = uuid(service).filter(id -> catalogue.service(tenantId, id).isPresent()).orElse(null);
        if (questionnaire.serviceId() != null) {
            serviceId = questionnaire.serviceId();
        }
        String channelCode = channel == null ? null : channel.strip().toUpperCase(Locale.ROOT);
        UUID municipalityId = uuid(municipality)
                .filter(id -> catalogue.municipalities(tenantId).stream().anyMatch(m -> m.id().equals(id)))
                .orElse(null);
        String place = location == null ? null : location.strip();
        if (place != null && (place.isEmpty() || place.length() > ResponseContext.LOCATION_MAX
                || !LOCATION.matcher(place).matches())) {
            place = null;
        }
        return new ResponseContext(serviceId, Channels.known(channelCode) ? channelCode : null, municipalityId, place);
    }

    /**
     * Reads raw form or API values into answers, checking each against its question. A value no
     * respondent can give (an unknown question, a value outside the scale, an unknown option, two
     * values for a single choice) refuses the whole submission; a text that is too long is a
     * problem the respondent can fix.
     *
     * @throws SubmissionRefused for a value the pages cannot send
     * @throws ValidationProblem for a text that is too long, with the question key as field
     */
    public Answers read(QuestionnaireLayout layout, Map<String, List<String>> raw) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, List<String>> values = new LinkedHashMap<>();
        raw.forEach((key, list) -> {
            Question question = layout.question(key)
                    .orElseThrow(() -> new SubmissionRefused("feedback.refused.unknownQuestion", key));
            List<String> kept = list == null ? List.of()
                    : list.stream().filter(v -> v != null && !v.isBlank()).toList();
            if (kept.size() > 1 && question.type() != QuestionType.MULTIPLE_CHOICE) {
                throw new SubmissionRefused("feedback.refused.value", key);
            }
            for (String value : kept) {
                String v = question.type().isText() ? value : value.strip();
                if (!question.accepts(v)) {
                    if (question.type().isText()) {
                        problems.add(new FieldProblem(key, "feedback.answer.tooLong", question.type().textMax()));
                    } else {
                        throw new SubmissionRefused("feedback.refused.value", key);
                    }
                }
            }
            values.put(key, kept);
        });
        if (!problems.isEmpty()) {
            throw new ValidationProblem(problems);
        }
        return Answers.of(values);
    }

    /** Required questions on the given pages that are shown but not answered, as problems per question key. */
    public List<FieldProblem> missing(QuestionnaireLayout layout, Answers answers, List<Integer> pages) {
        List<FieldProblem> problems = new ArrayList<>();
        for (int page : pages) {
            for (Question q : layout.shownOn(page, answers)) {
                if (q.isRequired() && !answers.has(q.key())) {
                    problems.add(new FieldProblem(q.key(), "feedback.answer.required"));
                }
            }
        }
        return problems;
    }

    /**
     * Stores a response, once per token. Answers to questions that a condition hides are dropped.
     *
     * @return whether it was stored now, or had been received before with the same token
     * @throws SubmissionRefused when the token is missing or malformed, or the questionnaire is closed
     * @throws ValidationProblem when a required question that is shown was not answered
     */
    public SubmitOutcome submit(PublicQuestionnaire target, String token, Answers answers, ResponseContext context,
            Via via) {
        return submit(target, token, answers, context, via, () -> true);
    }

    /**
     * Stores a response, once per token, if {@code admit} agrees. {@code admit} (a rate limit) is asked
     * only for a token not received before, so that sending the same form again is never refused; when
     * it says no, nothing is stored. Checking the token by inserting it, in the same transaction as the
     * response, saves a separate read of the token on every submission.
     *
     * @return whether it was stored now, had been received before, or was not admitted
     * @throws SubmissionRefused when the token is missing or malformed, or the questionnaire is closed
     * @throws ValidationProblem when a required question that is shown was not answered
     */
    public SubmitOutcome submit(PublicQuestionnaire target, String token, Answers answers, ResponseContext context,
            Via via, BooleanSupplier admit) {
        if (token == null || !SUBMISSION_TOKEN.matcher(token).matches()) {
            throw new SubmissionRefused("feedback.refused.token");
        }
        if (!target.open()) {
            throw new SubmissionRefused("feedback.refused.closed");
        }
        QuestionnaireLayout layout = target.layout();
        Answers shown = layout.keepShown(answers);
        List<FieldProblem> missing = missing(layout, shown, layout.shownPages(shown));
        if (!missing.isEmpty()) {
            throw new ValidationProblem(missing);
        }
        LocalDate today = today();
        try {
            return transactions.execute(status -> {
                // The token goes in first: a second submission stops here and stores nothing.
                jdbc.sql("INSERT INTO fb_used_token (token_hash, questionnaire_id, used_on) VALUES (:h, :q, :d)")
                        .param("h", hash(token)).param("q", target.questionnaire().id()).param("d", today).update();
                if (!admit.getAsBoolean()) {
                    status.setRollbackOnly();
                    return SubmitOutcome.NOT_ADMITTED;
                }
                store(target, shown, context, via, today);
                return SubmitOutcome.STORED;
            });
        } catch (DuplicateKeyException e) {
            return SubmitOutcome.ALREADY_RECEIVED;
        }
    }

    /**
     * Stores a response given on an earlier day, for example from demo data or an import of an
     * earlier survey; the answers must have been read with {@link #read}.
     */
    @Transactional
    void storeGiven(PublicQuestionnaire target, Answers answers, ResponseContext context, LocalDate day, Via via) {
        store(target, target.layout().keepShown(answers), context, via, day);
    }

    private void store(PublicQuestionnaire target, Answers answers, ResponseContext context, Via via, LocalDate day) {
        UUID responseId = UUID.randomUUID();
        Questionnaire q = target.questionnaire();
        jdbc.sql("INSERT INTO fb_response (id, tenant_id, questionnaire_id, version_id, submitted_on, service_id, "
                        + "channel, municipality_id, location, via) VALUES (:id, :t, :q, :v, :d, :s, :c, :m, :l, :via)")
                .param("id", responseId).param("t", q.tenantId()).param("q", q.id()).param("v", target.version().id())
                .param("d", day).param("s", context.serviceId()).param("c", context.channel())
                .param("m", context.municipalityId()).param("l", context.location()).param("via", via.name()).update();
        // All answers of the response go to the database in one batch: one round trip instead of
        // one per answer, which is most of a submission's time.
        List<MapSqlParameterSource> rows = new ArrayList<>();
        for (String key : answers.keys()) {
            Question question = target.layout().question(key).orElseThrow();
            List<String> values = answers.values(key);
            for (int i = 0; i < values.size(); i++) {
                String value = values.get(i);
                boolean dontKnow = QuestionType.DONT_KNOW.equals(value);
                Integer number = question.type().isScale() && !dontKnow ? Integer.valueOf(value) : null;
                String code = question.type().hasOptions() ? value : null;
                String text = question.type().isText() ? value : null;
                rows.add(new MapSqlParameterSource().addValue("r", responseId).addValue("k", key)
                        .addValue("i", i).addValue("n", number, Types.INTEGER).addValue("c", code, Types.VARCHAR)
                        .addValue("x", text, Types.VARCHAR).addValue("dk", dontKnow));
            }
        }
        if (!rows.isEmpty()) {
            batch.batchUpdate("INSERT INTO fb_answer (response_id, question_key, answer_index, value_number, "
                    + "value_code, value_text, dont_know) VALUES (:r, :k, :i, :n, :c, :x, :dk)",
                    rows.toArray(MapSqlParameterSource[]::new));
        }
    }

    /** Whether a submission with this token was already received. */
    @Transactional(readOnly = true)
    public boolean received(String token) {
        return token != null && SUBMISSION_TOKEN.matcher(token).matches()
                && jdbc.sql("SELECT COUNT(*) FROM fb_used_token WHERE token_hash = :h").param("h", hash(token))
                        .query(Long.class).single() > 0;
    }

    // --- continue later ------------------------------------------------------------------------

    /**
     * Saves the answers so far and returns a new resume token (128 random bits) for the link the
     * respondent keeps; only its hash is stored. A previous token of the same respondent stops working.
     */
    @Transactional
    public String saveProgress(PublicQuestionnaire target, Answers answers, ResponseContext context, int page,
            String previousToken) {
        if (!target.open()) {
            throw new SubmissionRefused("feedback.refused.closed");
        }
        LocalDate today = today();
        jdbc.sql("DELETE FROM fb_progress WHERE expires_on < :d").param("d", today).update();
        if (previousToken != null && RESUME_TOKEN.matcher(previousToken).matches()) {
            jdbc.sql("DELETE FROM fb_progress WHERE token_hash = :h").param("h", hash(previousToken)).update();
        }
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String hash = hash(token);
        Questionnaire q = target.questionnaire();
        jdbc.sql("INSERT INTO fb_progress (token_hash, tenant_id, questionnaire_id, version_id, page, service_id, "
                        + "channel, municipality_id, location, expires_on) VALUES (:h, :t, :q, :v, :p, :s, :c, :m, :l, :e)")
                .param("h", hash).param("t", q.tenantId()).param("q", q.id()).param("v", target.version().id())
                .param("p", page).param("s", context.serviceId()).param("c", context.channel())
                .param("m", context.municipalityId()).param("l", context.location())
                .param("e", today.plusDays(PROGRESS_DAYS)).update();
        for (String key : answers.keys()) {
            List<String> values = answers.values(key);
            for (int i = 0; i < values.size(); i++) {
                jdbc.sql("INSERT INTO fb_progress_answer (token_hash, question_key, value_index, answer_value) "
                                + "VALUES (:h, :k, :i, :v)")
                        .param("h", hash).param("k", key).param("i", i).param("v", values.get(i)).update();
            }
        }
        return token;
    }

    /**
     * The saved answers for a resume token of this questionnaire, if they have not expired. Answers
     * that no longer fit the current version (after a new version was published) are left out.
     */
    @Transactional(readOnly = true)
    public Optional<SavedProgress> resume(PublicQuestionnaire target, String token) {
        if (token == null || !RESUME_TOKEN.matcher(token).matches() || target.version() == null) {
            return Optional.empty();
        }
        String hash = hash(token);
        return jdbc.sql("SELECT page, service_id, channel, municipality_id, location FROM fb_progress "
                        + "WHERE token_hash = :h AND questionnaire_id = :q AND expires_on >= :d")
                .param("h", hash).param("q", target.questionnaire().id()).param("d", today())
                .query((rs, i) -> new Object[] { rs.getInt("page"), new ResponseContext(
                        rs.getObject("service_id", UUID.class), rs.getString("channel"),
                        rs.getObject("municipality_id", UUID.class), rs.getString("location")) })
                .optional().map(row -> {
                    Map<String, List<String>> raw = new LinkedHashMap<>();
                    jdbc.sql("SELECT question_key, answer_value FROM fb_progress_answer WHERE token_hash = :h "
                                    + "ORDER BY question_key, value_index")
                            .param("h", hash).query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2))).list()
                            .forEach(e -> raw.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
                    QuestionnaireLayout layout = target.layout();
                    Map<String, List<String>> fitting = new LinkedHashMap<>();
                    raw.forEach((key, values) -> layout.question(key).ifPresent(q -> {
                        List<String> ok = values.stream().filter(q::accepts).toList();
                        if (!ok.isEmpty() && (ok.size() == 1 || q.type() == QuestionType.MULTIPLE_CHOICE)) {
                            fitting.put(key, ok);
                        }
                    }));
                    return new SavedProgress(Answers.of(fitting), (ResponseContext) row[1], (Integer) row[0]);
                });
    }

    /** Forgets saved answers, for example once they were sent. */
    @Transactional
    public void forgetProgress(String token) {
        if (token != null && RESUME_TOKEN.matcher(token).matches()) {
            jdbc.sql("DELETE FROM fb_progress WHERE token_hash = :h").param("h", hash(token)).update();
        }
    }

    // --- contact consent -----------------------------------------------------------------------

    /**
     * Records that a respondent may be contacted. It refers to the questionnaire and the month only:
     * no response id, token or time, so it cannot be joined to the answers. The form's own token
     * makes a second submission of the same form store nothing.
     *
     * @return false when the same form was received before
     */
    @Transactional
    public boolean recordConsent(Questionnaire questionnaire, ContactConsent consent, Locale language, String token) {
        ContactConsent clean = consent.clean();
        List<FieldProblem> problems = clean.problems();
        if (!problems.isEmpty()) {
            throw new ValidationProblem(problems);
        }
        if (token == null || !SUBMISSION_TOKEN.matcher(token).matches()) {
            throw new SubmissionRefused("feedback.refused.token");
        }
        if (received(token)) {
            return false;
        }
        jdbc.sql("INSERT INTO fb_used_token (token_hash, questionnaire_id, used_on) VALUES (:h, :q, :d)")
                .param("h", hash(token)).param("q", questionnaire.id()).param("d", today()).update();
        jdbc.sql("INSERT INTO fb_contact_consent (id, tenant_id, questionnaire_id, received_month, name, email, phone, "
                        + "purposes, language) VALUES (:id, :t, :q, :m, :n, :e, :p, :pu, :l)")
                .param("id", UUID.randomUUID()).param("t", questionnaire.tenantId()).param("q", questionnaire.id())
                .param("m", today().withDayOfMonth(1)).param("n", clean.name()).param("e", clean.email())
                .param("p", clean.phone()).param("pu", String.join(",", clean.purposes().stream().sorted().toList()))
                .param("l", Texts.english(language) ? "en" : "nl").update();
        return true;
    }

    // --- helpers -------------------------------------------------------------------------------

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static Optional<UUID> uuid(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What became of a submission. */
    public enum SubmitOutcome {
        /** The answers were stored now. */
        STORED,
        /** The same form was sent before; nothing was stored this time. */
        ALREADY_RECEIVED,
        /** Not admitted (the sender reached the rate limit); nothing was stored. */
        NOT_ADMITTED
    }
}
