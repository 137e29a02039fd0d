// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import nl.stadskompas.cases.CaseHandling;
import nl.stadskompas.cases.CaseHandling.RegisteredCase;
import nl.stadskompas.cases.CaseHandling.Registration;
import nl.stadskompas.cases.IntakeChannel;
import nl.stadskompas.notifications.Channel;
import nl.stadskompas.notifications.Messaging;
import nl.stadskompas.notifications.OutgoingMessage;
import nl.stadskompas.organisation.OrganisationCatalogue;
import nl.stadskompas.organisation.OrganisationRegistry;
import nl.stadskompas.platform.NotFoundException;
import nl.stadskompas.platform.TenantContext;
import nl.stadskompas.platform.ValidationProblem;
import nl.stadskompas.platform.ValidationProblem.FieldProblem;

import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The always-open feedback card: residents send an idea, compliment, complaint or question, tied to
 * a service, channel or location if they like. A card goes to the inbox of the team that owns the
 * service (or the general inbox), where employees move it through new, in progress, answered and
 * closed. An answer goes by e-mail when the resident left an address; the address is erased when
 * the card is closed. A card that needs formal handling (a complaint, a question) can be turned into
 * a case once; the card then shows the case's reference.
 */
@Service
public class FeedbackCards {

    public static final int MESSAGE_MAX = 2000;
    public static final int ANSWER_MAX = 4000;
    /** The longest subject of a case made from a card. */
    public static final int SUBJECT_MAX = 500;

    private static final Pattern EMAIL = Pattern.compile("[^@\\s,;<>]+@[^@\\s,;<>]+\\.[^@\\s,;<>]+");
    private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern LOCATION = Pattern.compile("[\\p{L}\\p{N} .,'()/-]+");

    private final JdbcClient jdbc;
    private final OrganisationCatalogue catalogue;
    private final OrganisationRegistry organisations;
    private final Messaging messaging;
    private final MessageSource texts;
    private final DataAccessLog log;
    private final CaseHandling cases;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    FeedbackCards(JdbcClient jdbc, OrganisationCatalogue catalogue, OrganisationRegistry organisations,
            Messaging messaging, MessageSource texts, DataAccessLog log, CaseHandling cases, Clock clock) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.organisations = organisations;
        this.messaging = messaging;
        this.texts = texts;
        this.log = log;
        this.cases = cases;
        this.clock = clock;
    }

    /** What a card is about. */
    public enum Kind {
        IDEA, COMPLIMENT, COMPLAINT, QUESTION
    }

    /** Where a card stands. */
    public enum Status {
        NEW, IN_PROGRESS, ANSWERED, CLOSED
    }

    /**
     * A card as the resident fills it in.
     *
     * @param consent whether the resident agreed that we use the address to answer
     * @param token the form's random token, so that sending twice stores one card
     */
    public record CardInput(String kind, String message, String service, String channel, String location, String email,
            boolean consent, String token) {
    }

    /**
     * A card as employees see it.
     *
     * @param caseId the case it was turned into, or null
     * @param caseReference that case's reference, such as {@code Z-2026-000123}, or null
     */
    public record Card(UUID id, Kind kind, String message, UUID serviceId, UUID teamId, String channel, String location,
            String email, String language, Status status, String answer, Instant receivedAt, Instant answeredAt,
            Instant closedAt, UUID caseId, String caseReference) {

        public boolean canAnswer() {
            return email != null && status != Status.CLOSED;
        }

        /** Whether the card can still be turned into a case: not closed, and not turned into one before. */
        public boolean canOpenCase() {
            return caseId == null && status != Status.CLOSED;
        }

        /** The case subject proposed for this card: its message, cut at a word if it is too long. */
        public String proposedSubject() {
            if (message.length() <= SUBJECT_MAX) {
                return message;
            }
            String cut = message.substring(0, SUBJECT_MAX - 3);
            int space = cut.lastIndexOf(' ');
            return (space > SUBJECT_MAX / 2 ? cut.substring(0, space) : cut).strip() + "...";
        }
    }

    /** The case a card was turned into. */
    public record OpenedCase(UUID caseId, String reference) {
    }

    /** A fresh token for the card form: 128 random bits. */
    public String newToken() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /**
     * Checks a link's service for the organisation: one of another organisation (or nonsense) is
     * dropped.
     */
    @Transactional(readOnly = true)
    public Optional<UUID> service(UUID tenantId, String service) {
        try {
            UUID id = service == null || service.isBlank() ? null : UUID.fromString(service.strip());
            return id == null ? Optional.empty() : catalogue.service(tenantId, id).map(s -> id);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Receives a card. Bad input stores nothing.
     *
     * @return false when a card with the same token was received before (nothing is stored again)
     * @throws ValidationProblem with field names of {@link CardInput}
     */
    @Transactional
    public boolean submit(UUID tenantId, CardInput input, Locale language) {
        List<FieldProblem> problems = new ArrayList<>();
        Kind kind = null;
        try {
            kind = input.kind() == null ? null : Kind.valueOf(input.kind());
        } catch (IllegalArgumentException e) {
            kind = null;
        }
        if (kind == null) {
            problems.add(new FieldProblem("kind", "feedback.card.kind.required"));
        }
        String message = input.message() == null ? "" : input.message().strip();
        if (message.isEmpty()) {
            problems.add(new FieldProblem("message", "feedback.card.message.required"));
        } else if (message.length() > MESSAGE_MAX) {
            problems.add(new FieldProblem("message", "feedback.card.message.tooLong", MESSAGE_MAX));
        }
        String email = input.email() == null || input.email().isBlank() ? null
                : input.email().strip().toLowerCase(Locale.ROOT);
        if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            problems.add(new FieldProblem("email", "feedback.card.email.wrong"));
        } else if (email != null && !input.consent()) {
            problems.add(new FieldProblem("consent", "feedback.card.consent.required"));
        }
        if (input.token() == null || !TOKEN.matcher(input.token()).matches()) {
            problems.add(new FieldProblem("token", "feedback.card.token"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationProblem(problems);
        }
        UUID serviceId = service(tenantId, input.service()).orElse(null);
        UUID teamId = serviceId == null ? null
                : catalogue.service(tenantId, serviceId).map(OrganisationCatalogue.ServiceReference::ownerTeamId)
                        .orElse(null);
        String channel = input.channel() == null ? null : input.channel().strip().toUpperCase(Locale.ROOT);
        String location = input.location() == null ? null : input.location().strip();
        if (location != null && (location.isEmpty() || location.length() > 100 || !LOCATION.matcher(location).matches())) {
            location = null;
        }
        try {
            jdbc.sql("INSERT INTO fb_card (id, tenant_id, kind, message, service_id, team_id, channel, location, email, "
                            + "language, status, received_at, token_hash) VALUES (:id, :t, :k, :m, :s, :team, :c, :l, "
                            + ":e, :lang, 'NEW', :at, :h)")
                    .param("id", UUID.randomUUID()).param("t", tenantId).param("k", kind.name()).param("m", message)
                    .param("s", serviceId).param("team", teamId)
                    .param("c", Channels.known(channel) ? channel : null).param("l", location).param("e", email)
                    .param("lang", "en".equals(language.getLanguage()) ? "en" : "nl")
                    .param("at", OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC))
                    .param("h", hash(input.token())).update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /**
     * The cards of the organisation, newest first, for one team's inbox ({@code null}: every team;
     * {@link #GENERAL}: cards without a team), optionally with one status.
     */
    @Transactional(readOnly = true)
    public List<Card> inbox(TenantContext tenant, UUID teamId, Status status) {
        return inbox(tenant, teamId, status, null);
    }

    /** As {@link #inbox(TenantContext, UUID, Status)}, optionally with one kind of card only. */
    @Transactional(readOnly = true)
    public List<Card> inbox(TenantContext tenant, UUID teamId, Status status, Kind kind) {
        StringBuilder sql = new StringBuilder("SELECT * FROM fb_card WHERE tenant_id = :t");
        if (GENERAL.equals(teamId)) {
            sql.append(" AND team_id IS NULL");
        } else if (teamId != null) {
            sql.append(" AND team_id = :team");
        }
        if (status != null) {
            sql.append(" AND status = :s");
        }
        if (kind != null) {
            sql.append(" AND kind = :k");
        }
        sql.append(" ORDER BY received_at DESC");
        var query = jdbc.sql(sql.toString()).param("t", tenant.tenantId());
        if (teamId != null && !GENERAL.equals(teamId)) {
            query = query.param("team", teamId);
        }
        if (status != null) {
            query = query.param("s", status.name());
        }
        if (kind != null) {
            query = query.param("k", kind.name());
        }
        return query.query((rs, n) -> card(rs)).list();
    }

    /** Stands for "cards without a team" in {@link #inbox}. */
    public static final UUID GENERAL = new UUID(0, 0);

    /** One card; looking at a card with an address is logged. */
    @Transactional
    public Card card(TenantContext tenant, UUID id) {
        Card card = find(tenant.tenantId(), id);
        if (card.email() != null) {
            log.record(tenant, DataAccessLog.Action.CARD_VIEWED, null, id.toString());
        }
        return card;
    }

    /** Moves a card to another status; closing erases the address. */
    @Transactional
    public void changeStatus(TenantContext tenant, UUID id, Status status) {
        Card card = find(tenant.tenantId(), id);
        if (card.status() == Status.CLOSED) {
            throw ValidationProblem.of("status", "feedback.card.closedAlready");
        }
        if (status == Status.CLOSED) {
            jdbc.sql("UPDATE fb_card SET status = 'CLOSED', email = NULL, closed_at = :at WHERE tenant_id = :t AND id = :id")
                    .param("at", now()).param("t", tenant.tenantId()).param("id", id).update();
        } else {
            jdbc.sql("UPDATE fb_card SET status = :s WHERE tenant_id = :t AND id = :id")
                    .param("s", status.name()).param("t", tenant.tenantId()).param("id", id).update();
        }
    }

    /** Sends an answer to the resident by e-mail and marks the card answered. */
    @Transactional
    public void answer(TenantContext tenant, UUID id, String answer) {
        Card card = find(tenant.tenantId(), id);
        String text = answer == null ? "" : answer.strip();
        if (text.isEmpty()) {
            throw ValidationProblem.of("answer", "feedback.card.answer.required");
        }
        if (text.length() > ANSWER_MAX) {
            throw ValidationProblem.of("answer", "feedback.card.answer.tooLong", ANSWER_MAX);
        }
        if (!card.canAnswer()) {
            throw ValidationProblem.of("answer", "feedback.card.answer.noAddress");
        }
        Locale locale = "en".equals(card.language()) ? Locale.ENGLISH : Locale.of("nl");
        String organisation = organisations.nameOf(tenant.tenantId());
        String kind = texts.getMessage("feedback.card.kind." + card.kind().name(), null, locale);
        Object[] args = { organisation, kind.toLowerCase(locale), text, card.message() };
        jdbc.sql("UPDATE fb_card SET status = 'ANSWERED', answer = :a, answered_at = :at WHERE tenant_id = :t AND id = :id")
                .param("a", text).param("at", now()).param("t", tenant.tenantId()).param("id", id).update();
        messaging.queue(new OutgoingMessage(tenant.tenantId(), "feedback.card-answer", Channel.EMAIL, card.email(),
                locale, texts.getMessage("feedback.card.mail.subject", args, locale),
                texts.getMessage("feedback.card.mail.body", args, locale), null,
                "feedback-card-" + id + "-answer-" + clock.millis()));
    }

    /**
     * Turns a card into a case of the chosen case type, handled by that type's team. The resident's
     * address, if they left one, goes with it, so they get the case's usual receipt and updates. A
     * card is turned into a case at most once; a new card moves to "in progress".
     *
     * @param subject the case's subject; empty for {@link Card#proposedSubject()}
     * @throws ValidationProblem when the card was turned into a case before or is closed, or for a
     *         case type or subject the cases module refuses (field names {@code caseTypeId} and
     *         {@code subject}); nothing is stored then
     */
    @Transactional
    public OpenedCase openCase(TenantContext tenant, UUID id, UUID caseTypeId, String subject) {
        Card card = find(tenant.tenantId(), id);
        if (card.caseReference() != null) {
            throw ValidationProblem.of("caseTypeId", "feedback.card.case.already", card.caseReference());
        }
        if (card.status() == Status.CLOSED) {
            throw ValidationProblem.of("caseTypeId", "feedback.card.case.closed");
        }
        String text = subject == null || subject.isBlank() ? card.proposedSubject() : subject.strip();
        RegisteredCase created = cases.registerUnnamed(tenant.tenantId(), tenant.userId(), new Registration(caseTypeId,
                IntakeChannel.ONLINE, null, text, null, card.email(), null, card.language()));
        // The condition guards against a second employee converting the same card at the same moment:
        // the loser's transaction, and so its case, is rolled back.
        int updated = jdbc.sql("UPDATE fb_card SET case_id = :c, case_reference = :r, status = CASE WHEN status = 'NEW' "
                        + "THEN 'IN_PROGRESS' ELSE status END WHERE tenant_id = :t AND id = :id AND case_id IS NULL "
                        + "AND status <> 'CLOSED'")
                .param("c", created.caseId()).param("r", created.reference()).param("t", tenant.tenantId())
                .param("id", id).update();
        if (updated == 0) {
            throw ValidationProblem.of("caseTypeId", "feedback.card.case.changed");
        }
        return new OpenedCase(created.caseId(), created.reference());
    }

    /**
     * Stores a card as it stands, without checks or messages: for demo data only.
     */
    @Transactional
    void storeDemo(UUID tenantId, Kind kind, String message, UUID serviceId, UUID teamId, String channel, String email,
            Status status, String answer, Instant receivedAt) {
        Instant answeredAt = answer == null ? null : receivedAt.plus(java.time.Duration.ofDays(2));
        Instant closedAt = status == Status.CLOSED ? receivedAt.plus(java.time.Duration.ofDays(3)) : null;
        jdbc.sql("INSERT INTO fb_card (id, tenant_id, kind, message, service_id, team_id, channel, location, email, "
                        + "language, status, answer, received_at, answered_at, closed_at, token_hash) VALUES (:id, :t, "
                        + ":k, :m, :s, :team, :c, NULL, :e, 'nl', :st, :a, :at, :ans, :closed, :h)")
                .param("id", UUID.randomUUID()).param("t", tenantId).param("k", kind.name()).param("m", message)
                .param("s", serviceId).param("team", teamId).param("c", channel)
                .param("e", status == Status.CLOSED ? null : email).param("st", status.name()).param("a", answer)
                .param("at", OffsetDateTime.ofInstant(receivedAt, java.time.ZoneOffset.UTC))
                .param("ans", answeredAt == null ? null : OffsetDateTime.ofInstant(answeredAt, java.time.ZoneOffset.UTC))
                .param("closed", closedAt == null ? null : OffsetDateTime.ofInstant(closedAt, java.time.ZoneOffset.UTC))
                .param("h", hash(newToken())).update();
    }

    /** Whether the organisation has any cards. */
    @Transactional(readOnly = true)
    boolean any(UUID tenantId) {
        return jdbc.sql("SELECT COUNT(*) FROM fb_card WHERE tenant_id = :t").param("t", tenantId).query(Long.class)
                .single() > 0;
    }

    private Card find(UUID tenantId, UUID id) {
        return jdbc.sql("SELECT * FROM fb_card WHERE tenant_id = :t AND id = :id").param("t", tenantId).param("id", id)
                .query((rs, n) -> card(rs)).optional().orElseThrow(() -> new NotFoundException("card"));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
    }

    private static Card card(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Card(rs.getObject("id", UUID.class), Kind.valueOf(rs.getString("kind")), rs.getString("message"),
                rs.getObject("service_id", UUID.class), rs.getObject("team_id", UUID.class), rs.getString("channel"),
                rs.getString("location"), rs.getString("email"), rs.getString("language"),
                Status.valueOf(rs.getString("status")), rs.getString("answer"), instant(rs, "received_at"),
                instant(rs, "answered_at"), instant(rs, "closed_at"), rs.getObject("case_id", UUID.class),
                rs.getString("case_reference"));
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
