// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.contacts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import nl.stadskompas.platform.NotFoundException;
import nl.stadskompas.platform.ValidationProblem;
import nl.stadskompas.platform.ValidationProblem.FieldProblem;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's contact preferences and consents, as other modules and the pages ask for them. A person
 * is named by an address (e-mail or phone); a person who never set anything prefers e-mail in Dutch
 * and has agreed to no proactive message. Every look or change by an employee is logged.
 */
@Service
public class ContactPreferences {

    /** The public path of the preferences page, followed by the token. */
    public static final String PAGE_PATH = "/voorkeuren/";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final MessageSource texts;
    private final String publicUrl;
    private final Duration linkValidity;

    ContactPreferences(JdbcClient jdbc, Clock clock, MessageSource texts,
            @Value("${stadskompas.public-url:http://localhost:8080}") String publicUrl,
            @Value("${stadskompas.contacts.preferences-link-validity:P400D}") Duration linkValidity) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.texts = texts;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.linkValidity = linkValidity;
    }

    /** Whether a kind of message (as queued in notifications) needs the recipient's consent. */
    public boolean consentRequired(String messageKind) {
        return ConsentKind.forMessageKind(messageKind).isPresent();
    }

    /** Whether the person with this address agreed to this kind of proactive message. */
    @Transactional(readOnly = true)
    public boolean consents(UUID tenantId, String address, ConsentKind kind) {
        return find(tenantId, address).map(p -> p.consents(kind)).orElse(false);
    }

    /** Whether a message of this kind may go to the address: always for messages that need no consent. */
    @Transactional(readOnly = true)
    public boolean consents(UUID tenantId, String address, String messageKind) {
        return ConsentKind.forMessageKind(messageKind).map(k -> consents(tenantId, address, k)).orElse(true);
    }

    /** The preferences of the person with this address, for sending them a message (not logged). */
    @Transactional(readOnly = true)
    public Optional<Preferences> preferences(UUID tenantId, String address) {
        return find(tenantId, address);
    }

    /**
     * The preferences of the person with this address, as an employee looks them up: logged.
     *
     * @throws NotFoundException when nobody with this address is known in the tenant
     */
    @Transactional
    public Preferences lookUp(UUID tenantId, UUID userId, String address) {
        Preferences found = find(tenantId, address).orElseThrow(() -> new NotFoundException("contact"));
        log(tenantId, found.personId(), userId, "VIEW");
        return found;
    }

    /**
     * Records preferences for the person with this address (creating them when new), as an employee
     * or a system does on their behalf: logged.
     *
     * @throws ValidationProblem when an address is unusable or the channel lacks its address; nothing changes
     */
    @Transactional
    public Preferences record(UUID tenantId, UUID userId, String address, PreferencesChange change) {
        if (!PersonKeys.isEmail(address) && !PersonKeys.isPhone(address)) {
            throw ValidationProblem.of("address", "contacts.address.invalid");
        }
        UUID personId = person(tenantId, address);
        apply(tenantId, personId, change);
        log(tenantId, personId, userId, "CHANGE");
        return load(tenantId, personId).orElseThrow();
    }

    /**
     * A new link to the resident's own preferences page, for the end of a message: the path
     * {@code /voorkeuren/<token>}. The person is created with default preferences when new.
     */
    @Transactional
    public String preferencesLink(UUID tenantId, String address) {
        return preferencesLink(tenantId, address, "nl");
    }

    private String preferencesLink(UUID tenantId, String address, String language) {
        UUID personId = person(tenantId, address, language);
        String token = SecretTokens.generate();
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO ct_preference_token (token_hash, tenant_id, person_id, created_at, expires_at) "
                        + "VALUES (:h, :t, :p, :now, :exp)")
                .param("h", SecretTokens.sha256(token)).param("t", tenantId).param("p", personId)
                .param("now", Timestamp.from(now)).param("exp", Timestamp.from(now.plus(linkValidity)))
                .update();
        return PAGE_PATH + token;
    }

    /** One line in plain language with the full address of a new preferences link, for the end of a message. */
    @Transactional
    public String preferencesLine(UUID tenantId, String address, Locale locale) {
        // A person first met through a message starts with the language that message was written in.
        String language = "en".equals(locale.getLanguage()) ? "en" : "nl";
        return texts.getMessage("contacts.message.preferencesLine",
                new Object[] { publicUrl + preferencesLink(tenantId, address, language) }, locale);
    }

    /** The preferences behind a link from a message, when the link is known and has not expired. */
    @Transactional(readOnly = true)
    public Optional<ResidentPreferences> open(String token) {
        return target(token).flatMap(t -> load(t.tenantId(), t.personId())
                .map(p -> new ResidentPreferences(t.tenantId(), p)));
    }

    /**
     * Saves what the resident chose on their page.
     *
     * @throws NotFoundException when the link does not work (any more)
     * @throws ValidationProblem when the choice lacks an address; nothing changes
     */
    @Transactional
    public void saveFromLink(String token, PreferencesChange change) {
        Target target = target(token).orElseThrow(() -> new NotFoundException("contact"));
        apply(target.tenantId(), target.personId(), change);
    }

    /** The person with this address, created with default preferences when new (for appointments). */
    @Transactional
    UUID person(UUID tenantId, String address) {
        return person(tenantId, address, "nl");
    }

    /** The person with this address; a new person starts with this language. */
    @Transactional
    UUID person(UUID tenantId, String address, String language) {
        String key = PersonKeys.key(tenantId, address);
        Optional<UUID> existing = personId(tenantId, key);
        if (existing.isPresent()) {
            return existing.get();
        }
        Instant now = clock.instant();
        String normalised = PersonKeys.normalise(address);
        boolean email = normalised.contains("@");
        jdbc.sql("INSERT INTO ct_person (id, tenant_id, person_key, email, phone, channel, language, created_at, "
                        + "changed_at) VALUES (:id, :t, :k, :e, :p, :c, :l, :now, :now) ON CONFLICT DO NOTHING")
                .param("id", UUID.randomUUID()).param("t", tenantId).param("k", key)
                .param("e", email ? address.strip() : null).param("p", email ? null : address.strip())
                .param("c", (email ? ContactChannel.EMAIL : ContactChannel.SMS).name())
                .param("l", language).param("now", Timestamp.from(now))
                .update();
        return personId(tenantId, key).orElseThrow();
    }

    /** The preferences of a person by id, within the tenant. */
    @Transactional(readOnly = true)
    Optional<Preferences> load(UUID tenantId, UUID personId) {
        Map<ConsentKind, Preferences.Consent> consents = new EnumMap<>(ConsentKind.class);
        jdbc.sql("SELECT kind, given, changed_at FROM ct_consent WHERE tenant_id = :t AND person_id = :p")
                .param("t", tenantId).param("p", personId)
                .query((rs, n) -> consents.put(ConsentKind.valueOf(rs.getString(1)),
                        new Preferences.Consent(rs.getBoolean(2), rs.getTimestamp(3).toInstant())))
                .list();
        return jdbc.sql("SELECT id, channel, language, email, phone, postal_address FROM ct_person "
                        + "WHERE tenant_id = :t AND id = :p")
                .param("t", tenantId).param("p", personId)
                .query((rs, n) -> new Preferences(rs.getObject(1, UUID.class), ContactChannel.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), Map.copyOf(consents)))
                .optional();
    }

    void log(UUID tenantId, UUID personId, UUID userId, String action) {
        if (userId == null) {
            return;
        }
        jdbc.sql("INSERT INTO ct_access_log (id, tenant_id, person_id, user_id, action, at) "
                        + "VALUES (:id, :t, :p, :u, :a, :at)")
                .param("id", UUID.randomUUID()).param("t", tenantId).param("p", personId).param("u", userId)
                .param("a", action).param("at", Timestamp.from(clock.instant()))
                .update();
    }

    /** Who looked at or changed a person's contact data, newest first. */
    @Transactional(readOnly = true)
    public List<AccessEntry> accessLog(UUID tenantId, UUID personId) {
        return jdbc.sql("SELECT user_id, action, at FROM ct_access_log WHERE tenant_id = :t AND person_id = :p "
                        + "ORDER BY at DESC")
                .param("t", tenantId).param("p", personId)
                .query((rs, n) -> new AccessEntry(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getTimestamp(3).toInstant()))
                .list();
    }

    private Optional<Preferences> find(UUID tenantId, String address) {
        if (address == null || address.isBlank()) {
            return Optional.empty();
        }
        return personId(tenantId, PersonKeys.key(tenantId, address)).flatMap(id -> load(tenantId, id));
    }

    private Optional<UUID> personId(UUID tenantId, String key) {
        return jdbc.sql("SELECT id FROM ct_person WHERE tenant_id = :t AND person_key = :k")
                .param("t", tenantId).param("k", key).query(UUID.class).optional();
    }

    private void apply(UUID tenantId, UUID personId, PreferencesChange change) {
        Preferences current = load(tenantId, personId).orElseThrow(() -> new NotFoundException("contact"));
        String email = change.email() == null ? current.email() : blankToNull(change.email());
        String phone = change.phone() == null ? current.phone() : blankToNull(change.phone());
        String postal = change.postalAddress() == null ? current.postalAddress() : blankToNull(change.postalAddress());
        ContactChannel channel = change.channel() == null ? current.channel() : change.channel();
        String language = change.language() == null ? current.language() : change.language();
        List<FieldProblem> problems = new ArrayList<>();
        if (email != null && !PersonKeys.isEmail(email)) {
            problems.add(new FieldProblem("email", "contacts.email.invalid"));
        }
        if (phone != null && !PersonKeys.isPhone(phone)) {
            problems.add(new FieldProblem("phone", "contacts.phone.invalid"));
        }
        if (postal != null && postal.length() > 500) {
            problems.add(new FieldProblem("postalAddress", "contacts.postalAddress.tooLong"));
        }
        if (!"nl".equals(language) && !"en".equals(language)) {
            problems.add(new FieldProblem("language", "contacts.language.invalid"));
        }
        if (channel == ContactChannel.EMAIL && email == null) {
            problems.add(new FieldProblem("channel", "contacts.channel.needsEmail"));
        } else if (channel == ContactChannel.SMS && phone == null) {
            problems.add(new FieldProblem("phone", "contacts.channel.needsPhone"));
        } else if (channel == ContactChannel.LETTER && postal == null) {
            problems.add(new FieldProblem("postalAddress", "contacts.channel.needsPostalAddress"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationProblem(problems);
        }
        Instant now = clock.instant();
        jdbc.sql("UPDATE ct_person SET channel = :c, language = :l, email = :e, phone = :p, postal_address = :a, "
                        + "changed_at = :now WHERE tenant_id = :t AND id = :id")
                .param("c", channel.name()).param("l", language).param("e", email).param("p", phone)
                .param("a", postal).param("now", Timestamp.from(now)).param("t", tenantId).param("id", personId)
                .update();
        Map<ConsentKind, Boolean> consents = change.consents() == null ? Map.of() : new HashMap<>(change.consents());
        consents.forEach((kind, given) -> {
            if (kind == null || given == null) {
                return;
            }
            Preferences.Consent before = current.consents().get(kind);
            if (before != null && before.given() == given) {
                return; // unchanged: keep the moment it was given or withdrawn
            }
            if (before == null) {
                jdbc.sql("INSERT INTO ct_consent (person_id, tenant_id, kind, given, changed_at) "
                                + "VALUES (:p, :t, :k, :g, :now)")
                        .param("p", personId).param("t", tenantId).param("k", kind.name()).param("g", given)
                        .param("now", Timestamp.from(now)).update();
            } else {
                jdbc.sql("UPDATE ct_consent SET given = :g, changed_at = :now WHERE tenant_id = :t "
                                + "AND person_id = :p AND kind = :k")
                        .param("g", given).param("now", Timestamp.from(now)).param("t", tenantId)
                        .param("p", personId).param("k", kind.name()).update();
            }
        });
    }

    private Optional<Target> target(String token) {
        if (!SecretTokens.wellFormed(token)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT tenant_id, person_id FROM ct_preference_token WHERE token_hash = :h AND expires_at > :now")
                .param("h", SecretTokens.sha256(token)).param("now", Timestamp.from(clock.instant()))
                .query((rs, n) -> new Target(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                .optional();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private record Target(UUID tenantId, UUID personId) {
    }

    /** The preferences a resident sees on their own page, with the organisation they belong to. */
    public record ResidentPreferences(UUID tenantId, Preferences preferences) {
    }

    /** One look at or change of a person's contact data by an employee. */
    public record AccessEntry(UUID userId, String action, Instant at) {
    }
}
