// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.stadskompas.platform.ValidationProblem;
import nl.stadskompas.platform.ValidationProblem.FieldProblem;

import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The texts of messages per kind, channel and language. A tenant may write its own; otherwise the
 * built-in text (bundle {@code i18n/notifications-templates}) is used. Texts name their variable
 * parts between braces, e.g. {@code {reference}}; only the placeholders of the kind are allowed.
 */
@Service
public class MessageTemplates {

    /** A placeholder: a name between braces. */
    static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}\\s]*)}");
    static final int MAX_SUBJECT = 300;
    static final int MAX_BODY = 5000;

    private final JdbcClient jdbc;
    private final MessageSource texts;
    private final Clock clock;

    MessageTemplates(JdbcClient jdbc, MessageSource texts, Clock clock) {
        this.jdbc = jdbc;
        this.texts = texts;
        this.clock = clock;
    }

    /**
     * A text with placeholders.
     *
     * @param subject the subject line (e-mail) or heading (letter); null for SMS
     * @param body the text
     * @param custom whether the tenant wrote it (false: the built-in text)
     */
    public record Template(String subject, String body, boolean custom) {
    }

    /** A text with its placeholders filled in. */
    public record Rendered(String subject, String body) {
    }

    /** The tenant's own template, if it wrote one. */
    @Transactional(readOnly = true)
    public Optional<Template> custom(UUID tenantId, String kind, Channel channel, String language) {
        return jdbc.sql("SELECT subject, body FROM ntf_template WHERE tenant_id = :t AND kind = :k AND channel = :c "
                        + "AND language = :l")
                .param("t", tenantId).param("k", kind).param("c", channel.name()).param("l", language)
                .query((rs, n) -> new Template(rs.getString(1), rs.getString(2), true))
                .optional();
    }

    /** The template that applies: the tenant's own, else the built-in one. */
    @Transactional(readOnly = true)
    public Template effective(UUID tenantId, TemplateKind kind, Channel channel, String language) {
        return custom(tenantId, kind.kind(), channel, language).orElseGet(() -> builtIn(kind, channel, language));
    }

    /** The built-in template. A letter without a text of its own uses the e-mail's. */
    public Template builtIn(TemplateKind kind, Channel channel, String language) {
        Locale locale = locale(language);
        String base = "notifications-templates.text." + kind.kind() + ".";
        String body = raw(base + channel.name() + ".body", locale);
        String subject = channel == Channel.SMS ? null : raw(base + channel.name() + ".subject", locale);
        if (body == null && channel == Channel.LETTER) {
            return new Template(raw(base + "EMAIL.subject", locale), raw(base + "EMAIL.body", locale), false);
        }
        return new Template(subject, body == null ? "" : body, false);
    }

    /**
     * Saves the tenant's own template.
     *
     * @throws ValidationProblem when a text is missing or too long, or names a placeholder the kind does not
     *         have; nothing is saved then
     */
    @Transactional
    public void save(UUID tenantId, UUID userId, TemplateKind kind, Channel channel, String language, String subject,
            String body) {
        validate(kind, channel, subject, body);
        String lang = language(language);
        String cleanSubject = channel == Channel.SMS ? null : subject.strip();
        int updated = jdbc.sql("UPDATE ntf_template SET subject = :s, body = :b, updated_at = :now, updated_by = :u "
                        + "WHERE tenant_id = :t AND kind = :k AND channel = :c AND language = :l")
                .param("s", cleanSubject).param("b", body.strip()).param("now", Timestamp.from(clock.instant()))
                .param("u", userId).param("t", tenantId).param("k", kind.kind()).param("c", channel.name())
                .param("l", lang)
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO ntf_template (tenant_id, kind, channel, language, subject, body, updated_at, "
                            + "updated_by) VALUES (:t, :k, :c, :l, :s, :b, :now, :u)")
                    .param("s", cleanSubject).param("b", body.strip()).param("now", Timestamp.from(clock.instant()))
                    .param("u", userId).param("t", tenantId).param("k", kind.kind()).param("c", channel.name())
                    .param("l", lang)
                    .update();
        }
    }

    /** Goes back to the built-in template. */
    @Transactional
    public void reset(UUID tenantId, TemplateKind kind, Channel channel, String language) {
        jdbc.sql("DELETE FROM ntf_template WHERE tenant_id = :t AND kind = :k AND channel = :c AND language = :l")
                .param("t", tenantId).param("k", kind.kind()).param("c", channel.name()).param("l", language(language))
                .update();
    }

    /**
     * Checks a text before it is saved or previewed.
     *
     * @throws ValidationProblem listing every problem
     */
    public void validate(TemplateKind kind, Channel channel, String subject, String body) {
        List<FieldProblem> problems = new ArrayList<>();
        if (channel != Channel.SMS) {
            if (subject == null || subject.isBlank()) {
                problems.add(new FieldProblem("subject", "notifications-templates.subject.required", new Object[0]));
            } else if (subject.length() > MAX_SUBJECT) {
                problems.add(new FieldProblem("subject", "notifications-templates.subject.tooLong",
                        new Object[] { MAX_SUBJECT }));
            } else {
                unknown(kind, subject).forEach(name -> problems.add(new FieldProblem("subject",
                        "notifications-templates.placeholder.unknown", new Object[] { "{" + name + "}" })));
            }
        }
        if (body == null || body.isBlank()) {
            problems.add(new FieldProblem("body", "notifications-templates.body.required", new Object[0]));
        } else if (body.length() > MAX_BODY) {
            problems.add(new FieldProblem("body", "notifications-templates.body.tooLong", new Object[] { MAX_BODY }));
        } else {
            unknown(kind, body).forEach(name -> problems.add(new FieldProblem("body",
                    "notifications-templates.placeholder.unknown", new Object[] { "{" + name + "}" })));
        }
        if (!problems.isEmpty()) {
            throw new ValidationProblem(problems);
        }
    }

    /** The placeholders in a text that the kind does not have. */
    static Set<String> unknown(TemplateKind kind, String text) {
        Set<String> unknown = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (!kind.placeholders().contains(m.group(1))) {
                unknown.add(m.group(1));
            }
        }
        return unknown;
    }

    /** Placeholder values from name, value pairs; a missing value becomes empty. */
    public static Map<String, String> values(String... namesAndValues) {
        Map<String, String> values = new java.util.HashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            values.put(namesAndValues[i], namesAndValues[i + 1] == null ? "" : namesAndValues[i + 1]);
        }
        return values;
    }

    /** Fills in the placeholders; a value that is missing becomes empty. */
    public static Rendered render(Template template, Map<String, String> values) {
        return new Rendered(template.subject() == null ? null : fill(template.subject(), values),
                fill(template.body(), values));
    }

    static String fill(String text, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Example values for a preview, in the language of the template. */
    public Map<String, String> examples(TemplateKind kind, String language) {
        Locale locale = locale(language);
        java.util.LinkedHashMap<String, String> values = new java.util.LinkedHashMap<>();
        for (String name : kind.placeholders()) {
            String example = raw("notifications-templates.example." + name, locale);
            values.put(name, example == null ? name : example);
        }
        return values;
    }

    private String raw(String key, Locale locale) {
        try {
            // Without arguments the text is taken as written: braces are placeholders, not MessageFormat.
            return texts.getMessage(key, null, locale);
        } catch (NoSuchMessageException e) {
            return null;
        }
    }

    static String language(String language) {
        return "en".equals(language) ? "en" : "nl";
    }

    static Locale locale(String language) {
        return "en".equals(language) ? Locale.ENGLISH : Locale.of("nl");
    }
}
