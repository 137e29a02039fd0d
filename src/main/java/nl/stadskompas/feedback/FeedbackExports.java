// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import nl.stadskompas.feedback.Results.Group;
import nl.stadskompas.organisation.OrganisationCatalogue;
import nl.stadskompas.platform.Permission;
import nl.stadskompas.platform.TenantContext;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Downloads of questionnaire data. Raw answers (one row per response, one column per question,
 * free text included, with a codebook) only for {@link Permission#RESEARCH_DATA}, and every raw
 * download is logged in the {@link DataAccessLog}; they are read from the database with a cursor
 * and written as they come, so a million answers export with flat memory. Aggregate results (the
 * tables of the results page, small groups suppressed exactly as there) for everyone who may read.
 * Both as CSV (in a zip, with one file per table) and as XLSX (one sheet per table).
 */
@Service
public class FeedbackExports {

    /** Rows fetched from the database at a time; PostgreSQL uses a cursor inside a transaction. */
    static final int FETCH_SIZE = 1000;

    /** The file formats. */
    public enum Format {
        CSV("zip", "application/zip"),
        XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        private final String extension;
        private final String contentType;

        Format(String extension, String contentType) {
            this.extension = extension;
            this.contentType = contentType;
        }

        public String contentType() {
            return contentType;
        }
    }

    /** Writes the content of a download to a stream. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /** A file to download: its name, type and content, written when the response is sent. */
    public record Download(String fileName, String contentType, Body body) {
    }

    private final QuestionnaireEditing editing;
    private final FeedbackResults results;
    private final OrganisationCatalogue catalogue;
    private final MessageSource messages;
    private final DataAccessLog log;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final java.time.Clock clock;

    FeedbackExports(QuestionnaireEditing editing, FeedbackResults results, OrganisationCatalogue catalogue,
            MessageSource messages, DataAccessLog log, JdbcTemplate jdbc, PlatformTransactionManager transactions,
            java.time.Clock clock) {
        this.clock = clock;
        this.editing = editing;
        this.results = results;
        this.catalogue = catalogue;
        this.messages = messages;
        this.log = log;
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    // --- raw answers ---------------------------------------------------------------------------

    /**
     * The raw answers of a questionnaire. The download is logged now, before anything is sent.
     *
     * @throws org.springframework.security.access.AccessDeniedException without {@link Permission#RESEARCH_DATA}
     */
    public Download raw(TenantContext tenant, UUID questionnaireId, Format format, Locale locale) {
        tenant.require(Permission.RESEARCH_DATA);
        Questionnaire questionnaire = editing.questionnaire(tenant.tenantId(), questionnaireId);
        log.record(tenant, DataAccessLog.Action.RAW_EXPORT, questionnaireId, format.name());
        UUID tenantId = tenant.tenantId();
        return new Download(fileName(questionnaire, text("feedback.data.export.file.raw", locale), format),
                format.contentType, out -> {
                    try (Tabular table = Tabular.of(format, out)) {
                        writeRaw(tenantId, questionnaire, table, locale);
                    }
                });
    }

    /** A column of the raw answers and what it holds. */
    record Column(String name, String key, String text, String type, String values, String option) {
    }

    private static final List<String> CONTEXT_COLUMNS = List.of("response", "version", "date", "via", "service",
            "channel", "municipality", "location");

    /** The columns of the raw answers: the context, then the questions of every published version, latest first. */
    List<Column> columns(UUID tenantId, Questionnaire questionnaire, Locale locale) {
        List<Column> columns = new ArrayList<>();
        for (String c : CONTEXT_COLUMNS) {
            columns.add(new Column(c, null, text("feedback.data.export.column." + c, locale), null, null, null));
        }
        Set<String> seen = new LinkedHashSet<>();
        for (QuestionnaireVersion version : editing.versions(tenantId, questionnaire.id())) {
            if (version.isDraft()) {
                continue;
            }
            for (Question q : version.questions()) {
                if (!seen.add(q.key())) {
                    continue;
                }
                String type = text(q.type().messageKey(), locale);
                if (q.type() == QuestionType.MULTIPLE_CHOICE) {
                    for (ChoiceOption o : q.options()) {
                        columns.add(new Column(q.key() + "_" + o.code(), q.key(),
                                q.text(locale) + " - " + o.label(locale), type,
                                text("feedback.data.export.values.chosen", locale), o.code()));
                    }
                } else {
                    columns.add(new Column(q.key(), q.key(), q.text(locale), type, valueLabels(q, locale), null));
                }
            }
        }
        return columns;
    }

    private String valueLabels(Question q, Locale locale) {
        List<String> labels = new ArrayList<>();
        switch (q.type()) {
            case AGREEMENT -> {
                for (int v = 1; v <= 5; v++) {
                    labels.add(v + " = " + text("feedback.scale." + v, locale));
                }
                labels.add(QuestionType.DONT_KNOW + " = " + text("feedback.scale.dk", locale));
            }
            case MARK -> labels.add(text("feedback.data.export.values.mark", locale));
            case SINGLE_CHOICE -> q.options().forEach(o -> labels.add(o.code() + " = " + o.label(locale)));
            default -> labels.add(text("feedback.data.export.values.text", locale));
        }
        return String.join("; ", labels);
    }

    private void writeRaw(UUID tenantId, Questionnaire questionnaire, Tabular table, Locale locale) {
        List<Column> columns = readOnly.execute(status -> columns(tenantId, questionnaire, locale));
        Map<UUID, Integer> versions = new HashMap<>();
        Map<UUID, String> services = new HashMap<>();
        Map<UUID, String> municipalities = new HashMap<>();
        readOnly.executeWithoutResult(status -> {
            editing.versions(tenantId, questionnaire.id()).forEach(v -> versions.put(v.id(), v.number()));
            catalogue.services(tenantId).forEach(s -> services.put(s.id(), s.name()));
            catalogue.municipalities(tenantId).forEach(m -> municipalities.put(m.id(), m.name()));
        });
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            position.put(columns.get(i).name(), i);
        }
        Map<String, List<Column>> optionColumns = new HashMap<>();
        columns.stream().filter(c -> c.option() != null)
                .forEach(c -> optionColumns.computeIfAbsent(c.key(), k -> new ArrayList<>()).add(c));

        table.sheet(text("feedback.data.export.sheet.answers", locale), columns.stream().map(Column::name).toList());
        RawRows rows = new RawRows(table, columns.size(), position, optionColumns, versions, services, municipalities);
        readOnly.executeWithoutResult(status -> jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement("SELECT r.id, r.submitted_on, r.version_id, r.via, "
                    + "r.service_id, r.channel, r.municipality_id, r.location, a.question_key, a.value_number, a.value_code, "
                    + "a.value_text, a.dont_know FROM fb_response r LEFT JOIN fb_answer a ON a.response_id = r.id "
                    + "WHERE r.tenant_id = ? AND r.questionnaire_id = ? ORDER BY r.submitted_on, r.id, a.question_key, "
                    + "a.answer_index", ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(FETCH_SIZE);
            statement.setObject(1, tenantId);
            statement.setObject(2, questionnaire.id());
            return statement;
        }, rows::add));
        rows.finish();

        table.sheet(text("feedback.data.export.sheet.codebook", locale), List.of(
                text("feedback.data.export.codebook.column", locale), text("feedback.data.export.codebook.key", locale),
                text("feedback.data.export.codebook.text", locale), text("feedback.data.export.codebook.type", locale),
                text("feedback.data.export.codebook.values", locale)));
        for (Column c : columns) {
            table.row(List.of(c.name(), c.key() == null ? "" : c.key(), c.text(), c.type() == null ? "" : c.type(),
                    c.values() == null ? "" : c.values()));
        }
    }

    /** Gathers the answer rows of one response at a time and writes it when the next begins. */
    private static final class RawRows {

        private final Tabular table;
        private final int width;
        private final Map<String, Integer> position;
        private final Map<String, List<Column>> optionColumns;
        private final Map<UUID, Integer> versions;
        private final Map<UUID, String> services;
        private final Map<UUID, String> municipalities;
        private UUID current;
        private Object[] row;
        private long number;

        RawRows(Tabular table, int width, Map<String, Integer> position, Map<String, List<Column>> optionColumns,
                Map<UUID, Integer> versions, Map<UUID, String> services, Map<UUID, String> municipalities) {
            this.table = table;
            this.width = width;
            this.position = position;
            this.optionColumns = optionColumns;
            this.versions = versions;
            this.services = services;
            this.municipalities = municipalities;
        }

        void add(ResultSet rs) throws SQLException {
            UUID id = rs.getObject(1, UUID.class);
            if (!id.equals(current)) {
                finish();
                current = id;
                row = new Object[width];
                row[0] = ++number;
                row[1] = versions.get(rs.getObject(3, UUID.class));
                row[2] = rs.getDate(2).toLocalDate().toString();
                row[3] = rs.getString(4);
                UUID service = rs.getObject(5, UUID.class);
                row[4] = service == null ? null : services.getOrDefault(service, service.toString());
                row[5] = rs.getString(6);
                UUID municipality = rs.getObject(7, UUID.class);
                row[6] = municipality == null ? null : municipalities.getOrDefault(municipality, municipality.toString());
                row[7] = rs.getString(8);
            }
            String key = rs.getString(9);
            if (key == null) {
                return;
            }
            List<Column> options = optionColumns.get(key);
            if (options != null) {
                String code = rs.getString(11);
                for (Column c : options) {
                    int at = position.get(c.name());
                    if (c.option().equals(code)) {
                        row[at] = 1;
                    } else if (row[at] == null) {
                        row[at] = 0;
                    }
                }
                return;
            }
            Integer at = position.get(key);
            if (at == null) {
                return;
            }
            if (rs.getBoolean(13)) {
                row[at] = QuestionType.DONT_KNOW;
            } else {
                Object number = rs.getObject(10);
                row[at] = number != null ? ((Number) number).intValue()
                        : rs.getString(11) != null ? rs.getString(11) : rs.getString(12);
            }
        }

        void finish() {
            if (row != null) {
                table.row(java.util.Arrays.asList(row));
                row = null;
            }
        }
    }

    // --- aggregate results ---------------------------------------------------------------------

    /**
     * The results tables as the results page shows them, with the same suppression of small groups:
     * per question (n, don't know, mean, share positive and the distribution), per week, and the
     * breakdown when one is asked for.
     */
    public Download results(TenantContext tenant, UUID questionnaireId, UUID versionId, String breakdown,
            String questionKey, Format format, Locale locale) {
        tenant.require(Permission.READ);
        Questionnaire questionnaire = editing.questionnaire(tenant.tenantId(), questionnaireId);
        // Computed now, so that a wrong breakdown is refused before the download starts.
        Results r = results.results(tenant.tenantId(), questionnaireId, versionId, breakdown, questionKey, locale);
        return new Download(fileName(questionnaire, text("feedback.data.export.file.results", locale), format),
                format.contentType, out -> {
                    try (Tabular table = Tabular.of(format, out)) {
                        writeResults(r, table, locale);
                    }
                });
    }

    private void writeResults(Results r, Tabular table, Locale locale) {
        String hidden = text("feedback.data.export.suppressed", locale, r.minimumGroup());
        table.sheet(text("feedback.data.export.sheet.questions", locale), List.of(
                text("feedback.data.export.results.key", locale), text("feedback.data.export.results.question", locale),
                "n", text("feedback.data.export.results.dontKnow", locale), text("feedback.data.export.results.mean", locale),
                text("feedback.data.export.results.positive", locale), text("feedback.data.export.results.answer", locale),
                text("feedback.data.export.results.label", locale), text("feedback.data.export.results.count", locale),
                text("feedback.data.export.results.percent", locale)));
        if (r.totalSuppressed()) {
            table.row(List.of("", hidden));
        }
        for (QuestionStatistics s : r.questions()) {
            Question q = s.question();
            if (s.suppressed()) {
                table.row(List.of(q.key(), q.text(locale), hidden));
                continue;
            }
            if (s.distribution().isEmpty()) {
                table.row(java.util.Arrays.asList(q.key(), q.text(locale), s.n(), s.dontKnow(), null, null));
            }
            for (QuestionStatistics.Share share : s.distribution()) {
                table.row(java.util.Arrays.asList(q.key(), q.text(locale), s.n(), s.dontKnow(), round(s.mean()),
                        round(s.sharePositive()), share.value(), label(q, share.value(), locale), share.count(),
                        round(share.percent())));
            }
        }
        table.sheet(text("feedback.data.export.sheet.weeks", locale), List.of(
                text("feedback.data.export.results.week", locale), text("feedback.data.export.results.count", locale)));
        for (Results.WeekCount w : r.weeks()) {
            table.row(List.of(w.week().toString(), w.count() == null ? hidden : w.count()));
        }
        if (r.breakdown() != null) {
            table.sheet(text("feedback.data.export.sheet.breakdown", locale), List.of(
                    text("feedback.data.export.results.group", locale), "n",
                    text("feedback.data.export.results.mean", locale) + " " + r.breakdown().questionKey(),
                    text("feedback.data.export.results.positive", locale)));
            for (Group g : r.breakdown().groups()) {
                table.row(g.suppressed() ? List.of(g.label(), hidden)
                        : java.util.Arrays.asList(g.label(), g.n(), round(g.mean()), round(g.sharePositive())));
            }
        }
    }

    private String label(Question q, String value, Locale locale) {
        return switch (q.type()) {
            case AGREEMENT -> text("feedback.scale." + value, locale);
            case MARK -> value;
            default -> q.option(value).map(o -> o.label(locale)).orElse(value);
        };
    }

    private static Double round(Double value) {
        return value == null ? null : Math.round(value * 10) / 10.0;
    }

    // --- helpers -------------------------------------------------------------------------------

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    /** A file name from the questionnaire's name, the kind of file and today, in plain ASCII. */
    private String fileName(Questionnaire questionnaire, String kind, Format format) {
        String name = Normalizer.normalize(questionnaire.name() + "-" + kind, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replaceAll("[^A-Za-z0-9]+", "-").replaceAll("(^-|-$)", "")
                .toLowerCase(Locale.ROOT);
        name = name.length() > 80 ? name.substring(0, 80) : name;
        return name + "-" + LocalDate.now(clock) + "." + format.extension;
    }
}
