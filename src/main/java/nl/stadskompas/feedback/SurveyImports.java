// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import nl.stadskompas.feedback.ImportRules.Cell;
import nl.stadskompas.organisation.OrganisationCatalogue;
import nl.stadskompas.platform.NotFoundException;
import nl.stadskompas.platform.TenantContext;
import nl.stadskompas.platform.ValidationProblem;
import nl.stadskompas.platform.ValidationProblem.FieldProblem;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports earlier survey answers from a CSV file, so that a municipality keeps its history: upload
 * the file, map its columns to the questions of the published version and to the context fields,
 * check every row, and import all rows or none. Imported responses are stored on the current
 * published version, marked {@link Via#IMPORT} and with the import they came from; they count in
 * the results like any other response. Once imported, the file itself is removed.
 */
@Service
public class SurveyImports {

    /** How many problems a check lists; all are counted. */
    public static final int SHOWN_PROBLEMS = 500;
    private static final int BATCH = 1000;

    private final QuestionnaireEditing editing;
    private final OrganisationCatalogue catalogue;
    private final MessageSource messages;
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Clock clock;
    private final long maxBytes;
    private final int maxRows;
    private final int maxColumns;

    SurveyImports(QuestionnaireEditing editing, OrganisationCatalogue catalogue, MessageSource messages,
            JdbcClient jdbc, JdbcTemplate batch, Clock clock,
            @Value("${stadskompas.feedback.import.max-bytes:2MB}") org.springframework.util.unit.DataSize maxBytes,
            @Value("${stadskompas.feedback.import.max-rows:50000}") int maxRows,
            @Value("${stadskompas.feedback.import.max-columns:300}") int maxColumns) {
        this.editing = editing;
        this.catalogue = catalogue;
        this.messages = messages;
        this.jdbc = jdbc;
        this.batch = batch;
        this.clock = clock;
        this.maxBytes = maxBytes.toBytes();
        this.maxRows = maxRows;
        this.maxColumns = maxColumns;
    }

    public long maxBytes() {
        return maxBytes;
    }

    public int maxRows() {
        return maxRows;
    }

    /**
     * Keeps an uploaded file for mapping and checking, with a first mapping guessed from the column
     * names (a question key or text, or a name such as "datum" or "kanaal").
     *
     * @throws ValidationProblem when the questionnaire has no published version, or the file is
     *         empty, too large, not text, or has no rows
     */
    @Transactional
    public SurveyImport upload(TenantContext tenant, UUID questionnaireId, String fileName, byte[] bytes) {
        Questionnaire questionnaire = editing.questionnaire(tenant.tenantId(), questionnaireId);
        QuestionnaireVersion version = editing.published(questionnaire)
                .orElseThrow(() -> ValidationProblem.of("file", "feedback.data.import.notPublished"));
        if (bytes != null && bytes.length > maxBytes) {
            throw ValidationProblem.of("file", "feedback.data.import.file.tooLarge", maxBytes / 1024 / 1024);
        }
        ImportFile file = ImportFile.decode(bytes);
        List<String> headers = file.headers();
        if (headers.size() > maxColumns) {
            throw ValidationProblem.of("file", "feedback.data.import.file.tooManyColumns", maxColumns);
        }
        if (headers.stream().allMatch(String::isEmpty)) {
            throw ValidationProblem.of("file", "feedback.data.import.file.noHeaders");
        }
        int[] rows = { 0 };
        file.rows(row -> rows[0]++);
        if (rows[0] == 0) {
            throw ValidationProblem.of("file", "feedback.data.import.file.noRows");
        }
        if (rows[0] > maxRows) {
            throw ValidationProblem.of("file", "feedback.data.import.file.tooManyRows", rows[0], maxRows);
        }
        UUID id = UUID.randomUUID();
        String name = fileName == null || fileName.isBlank() ? "import.csv" : fileName.strip();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.length() > 200 ? name.substring(0, 200) : name;
        jdbc.sql("INSERT INTO fb_import (id, tenant_id, questionnaire_id, file_name, encoding, separator_char, row_count, "
                        + "content, status, uploaded_at, uploaded_by) VALUES (:id, :t, :q, :f, :e, :s, :r, :c, :st, :at, :by)")
                .param("id", id).param("t", tenant.tenantId()).param("q", questionnaireId).param("f", name)
                .param("e", file.encoding()).param("s", String.valueOf(file.separator())).param("r", rows[0])
                .param("c", file.text()).param("st", SurveyImport.Status.UPLOADED.name())
                .param("at", Timestamp.from(clock.instant())).param("by", tenant.username()).update();
        Set<String> taken = new HashSet<>();
        List<Question> questions = version.questions();
        for (int i = 0; i < headers.size(); i++) {
            String target = suggest(headers.get(i), questions, taken);
            if (target != null) {
                taken.add(target);
            }
            String header = headers.get(i).length() > 200 ? headers.get(i).substring(0, 200) : headers.get(i);
            jdbc.sql("INSERT INTO fb_import_column (import_id, column_index, header, target) VALUES (:i, :n, :h, :t)")
                    .param("i", id).param("n", i).param("h", header).param("t", target).update();
        }
        return find(tenant.tenantId(), questionnaireId, id);
    }

    private static final Map<String, String> CONTEXT_NAMES = Map.ofEntries(
            Map.entry("datum", ImportRules.DATE), Map.entry("date", ImportRules.DATE),
            Map.entry("ingevuld op", ImportRules.DATE), Map.entry("dag", ImportRules.DATE),
            Map.entry("dienst", ImportRules.SERVICE), Map.entry("service", ImportRules.SERVICE),
            Map.entry("product", ImportRules.SERVICE), Map.entry("kanaal", ImportRules.CHANNEL),
            Map.entry("channel", ImportRules.CHANNEL), Map.entry("gemeente", ImportRules.MUNICIPALITY),
            Map.entry("municipality", ImportRules.MUNICIPALITY), Map.entry("locatie", ImportRules.LOCATION),
            Map.entry("location", ImportRules.LOCATION), Map.entry("plaats", ImportRules.LOCATION));

    private static String suggest(String header, List<Question> questions, Set<String> taken) {
        String h = header.strip().toLowerCase(Locale.ROOT);
        if (h.isEmpty()) {
            return null;
        }
        String found = CONTEXT_NAMES.get(h);
        for (Question q : questions) {
            if (found == null && (q.key().equalsIgnoreCase(h) || equalsText(q.textNl(), h) || equalsText(q.textEn(), h))) {
                found = q.key();
            }
        }
        return found == null || taken.contains(found) ? null : found;
    }

    private static boolean equalsText(String text, String header) {
        return text != null && text.strip().equalsIgnoreCase(header);
    }

    /**
     * Sets what each column is mapped to.
     *
     * @param targets per column index a question key, a context field, or null/blank to leave it out
     * @param defaultDate the day for rows without a date of their own
     * @throws ValidationProblem for an unknown target, a target chosen twice, no question at all, no
     *         date, or a default date in the future; nothing is changed then
     */
    @Transactional
    public SurveyImport map(TenantContext tenant, UUID questionnaireId, UUID importId, Map<Integer, String> targets,
            LocalDate defaultDate) {
        SurveyImport current = requireUploaded(tenant.tenantId(), questionnaireId, importId);
        ImportRules rules = rules(tenant.tenantId(), questionnaireId);
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, Integer> used = new HashMap<>();
        Map<Integer, String> clean = new HashMap<>();
        boolean question = false;
        for (ImportColumn column : current.columns()) {
            String target = targets.get(column.index());
            target = target == null || target.isBlank() ? null : target.strip();
            if (target == null) {
                continue;
            }
            String field = "column" + column.index();
            if (!rules.knows(target)) {
                problems.add(new FieldProblem(field, "feedback.data.import.mapping.unknown", column.name(), target));
            } else if (used.containsKey(target)) {
                problems.add(new FieldProblem(field, "feedback.data.import.mapping.twice", column.name(),
                        ImportFile.columnName(used.get(target))));
            } else {
                used.put(target, column.index());
                clean.put(column.index(), target);
                question |= !ImportRules.CONTEXT.contains(target);
            }
        }
        targets.keySet().stream().filter(i -> i < 0 || i >= current.columns().size()).findFirst()
                .ifPresent(i -> problems.add(new FieldProblem("column" + i, "feedback.data.import.mapping.noColumn")));
        if (!question) {
            problems.add(new FieldProblem("mapping", "feedback.data.import.mapping.noQuestion"));
        }
        if (defaultDate != null && defaultDate.isAfter(LocalDate.now(clock))) {
            problems.add(new FieldProblem("defaultDate", "feedback.data.import.mapping.futureDate"));
        }
        if (!used.containsKey(ImportRules.DATE) && defaultDate == null) {
            problems.add(new FieldProblem("defaultDate", "feedback.data.import.mapping.noDate"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationProblem(problems);
        }
        for (ImportColumn column : current.columns()) {
            jdbc.sql("UPDATE fb_import_column SET target = :t WHERE import_id = :i AND column_index = :n")
                    .param("t", clean.get(column.index())).param("i", importId).param("n", column.index()).update();
        }
        jdbc.sql("UPDATE fb_import SET default_date = :d WHERE id = :i").param("d", defaultDate).param("i", importId)
                .update();
        return find(tenant.tenantId(), questionnaireId, importId);
    }

    /** Checks every row against the mapping; nothing is stored. */
    @Transactional(readOnly = true)
    public ImportCheck check(UUID tenantId, UUID questionnaireId, UUID importId) {
        SurveyImport current = requireUploaded(tenantId, questionnaireId, importId);
        ImportRules.Problems problems = new ImportRules.Problems(SHOWN_PROBLEMS);
        int rows = read(tenantId, current, problems, row -> { });
        return new ImportCheck(rows, problems.kept(), problems.count());
    }

    /**
     * Imports every row, or nothing at all when any row has a problem. A second import of the same
     * file is refused.
     *
     * @throws ImportRefused with the check when a row has a problem; nothing is stored
     */
    @Transactional
    public SurveyImport commit(TenantContext tenant, UUID questionnaireId, UUID importId) {
        UUID tenantId = tenant.tenantId();
        SurveyImport current = requireUploaded(tenantId, questionnaireId, importId);
        // Claims the import first: of two commits at the same time, the second stops here.
        int claimed = jdbc.sql("UPDATE fb_import SET status = :s WHERE id = :i AND tenant_id = :t AND status = :u")
                .param("s", SurveyImport.Status.IMPORTED.name()).param("i", importId).param("t", tenantId)
                .param("u", SurveyImport.Status.UPLOADED.name()).update();
        if (claimed != 1) {
            throw ValidationProblem.of("import", "feedback.data.import.already");
        }
        Questionnaire questionnaire = editing.questionnaire(tenantId, questionnaireId);
        UUID versionId = editing.published(questionnaire).orElseThrow().id();
        ImportRules.Problems problems = new ImportRules.Problems(SHOWN_PROBLEMS);
        List<Object[]> responses = new ArrayList<>();
        List<Object[]> answers = new ArrayList<>();
        int rows = read(tenantId, current, problems, row -> {
            if (problems.count() > 0) {
                return;
            }
            UUID responseId = UUID.randomUUID();
            responses.add(new Object[] { responseId, tenantId, questionnaireId, versionId, Date.valueOf(row.day()),
                    row.context().serviceId(), row.context().channel(), row.context().municipalityId(),
                    row.context().location(), Via.IMPORT.name(), importId });
            row.answers().forEach((key, values) -> {
                for (int i = 0; i < values.size(); i++) {
                    String value = values.get(i);
                    Question q = row.questions().get(key);
                    boolean dontKnow = QuestionType.DONT_KNOW.equals(value);
                    answers.add(new Object[] { responseId, key, i,
                            q.type().isScale() && !dontKnow ? Integer.valueOf(value) : null,
                            q.type().hasOptions() ? value : null, q.type().isText() ? value : null, dontKnow });
                }
            });
            if (responses.size() >= BATCH) {
                flush(responses, answers);
            }
        });
        if (problems.count() > 0) {
            throw new ImportRefused(new ImportCheck(rows, problems.kept(), problems.count()));
        }
        flush(responses, answers);
        jdbc.sql("UPDATE fb_import SET content = NULL, imported_at = :at, imported_by = :by, imported_count = :n "
                        + "WHERE id = :i")
                .param("at", Timestamp.from(clock.instant())).param("by", tenant.username()).param("n", rows)
                .param("i", importId).update();
        return find(tenantId, questionnaireId, importId);
    }

    private void flush(List<Object[]> responses, List<Object[]> answers) {
        if (!responses.isEmpty()) {
            batch.batchUpdate("INSERT INTO fb_response (id, tenant_id, questionnaire_id, version_id, submitted_on, "
                    + "service_id, channel, municipality_id, location, via, import_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    responses, BATCH, SurveyImports::setAll);
        }
        if (!answers.isEmpty()) {
            batch.batchUpdate("INSERT INTO fb_answer (response_id, question_key, answer_index, value_number, value_code, "
                    + "value_text, dont_know) VALUES (?, ?, ?, ?, ?, ?, ?)", answers, BATCH * 4, SurveyImports::setAll);
        }
        responses.clear();
        answers.clear();
    }

    private static void setAll(PreparedStatement statement, Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                statement.setNull(i + 1, Types.NULL);
            } else {
                statement.setObject(i + 1, values[i]);
            }
        }
    }

    /** Removes an upload that was not imported, with its content. */
    @Transactional
    public void discard(TenantContext tenant, UUID questionnaireId, UUID importId) {
        requireUploaded(tenant.tenantId(), questionnaireId, importId);
        jdbc.sql("DELETE FROM fb_import WHERE id = :i AND tenant_id = :t").param("i", importId)
                .param("t", tenant.tenantId()).update();
    }

    /** The imports of a questionnaire, newest first. */
    @Transactional(readOnly = true)
    public List<SurveyImport> imports(UUID tenantId, UUID questionnaireId) {
        editing.questionnaire(tenantId, questionnaireId);
        return jdbc.sql("SELECT id FROM fb_import WHERE tenant_id = :t AND questionnaire_id = :q ORDER BY uploaded_at DESC")
                .param("t", tenantId).param("q", questionnaireId).query(UUID.class).list().stream()
                .map(id -> find(tenantId, questionnaireId, id)).toList();
    }

    /** One import of a questionnaire of this tenant. */
    @Transactional(readOnly = true)
    public SurveyImport find(UUID tenantId, UUID questionnaireId, UUID importId) {
        List<ImportColumn> columns = jdbc.sql("SELECT column_index, header, target FROM fb_import_column "
                        + "WHERE import_id = :i ORDER BY column_index")
                .param("i", importId)
                .query((rs, n) -> new ImportColumn(rs.getInt(1), ImportFile.columnName(rs.getInt(1)), rs.getString(2),
                        rs.getString(3)))
                .list();
        return jdbc.sql("SELECT id, questionnaire_id, file_name, encoding, separator_char, row_count, default_date, "
                        + "status, uploaded_at, uploaded_by, imported_at, imported_by, imported_count FROM fb_import "
                        + "WHERE id = :i AND tenant_id = :t AND questionnaire_id = :q")
                .param("i", importId).param("t", tenantId).param("q", questionnaireId)
                .query((rs, n) -> new SurveyImport(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4), rs.getString(5).charAt(0), rs.getInt(6),
                        rs.getDate(7) == null ? null : rs.getDate(7).toLocalDate(),
                        SurveyImport.Status.valueOf(rs.getString(8)), rs.getTimestamp(9).toInstant(), rs.getString(10),
                        rs.getTimestamp(11) == null ? null : rs.getTimestamp(11).toInstant(), rs.getString(12),
                        (Integer) rs.getObject(13), columns))
                .optional().orElseThrow(() -> new NotFoundException("import"));
    }

    /** The questions a column can be mapped to: those of the published version. */
    @Transactional(readOnly = true)
    public List<Question> questions(UUID tenantId, UUID questionnaireId) {
        return editing.published(editing.questionnaire(tenantId, questionnaireId))
                .map(QuestionnaireVersion::questions).orElse(List.of());
    }

    private SurveyImport requireUploaded(UUID tenantId, UUID questionnaireId, UUID importId) {
        SurveyImport found = find(tenantId, questionnaireId, importId);
        if (found.imported()) {
            throw ValidationProblem.of("import", "feedback.data.import.already");
        }
        return found;
    }

    private ImportRules rules(UUID tenantId, UUID questionnaireId) {
        Map<UUID, String> services = new LinkedHashMap<>();
        catalogue.services(tenantId).forEach(s -> services.put(s.id(), s.name()));
        Map<UUID, String> municipalities = new LinkedHashMap<>();
        catalogue.municipalities(tenantId).forEach(m -> municipalities.put(m.id(), m.name()));
        Map<String, String> channels = new HashMap<>();
        for (String code : Channels.CODES) {
            channels.put(code.toLowerCase(Locale.ROOT), code);
            for (Locale locale : List.of(Locale.of("nl"), Locale.ENGLISH)) {
                String name = messages.getMessage(Channels.messageKey(code), null, null, locale);
                if (name != null) {
                    channels.putIfAbsent(name.strip().toLowerCase(Locale.ROOT), code);
                }
            }
        }
        return new ImportRules(questions(tenantId, questionnaireId), services, municipalities, channels,
                LocalDate.now(clock));
    }

    /** A row that passed every rule. */
    private record GoodRow(LocalDate day, ResponseContext context, Map<String, List<String>> answers,
            Map<String, Question> questions) {
    }

    /** Reads and checks every row; good rows go to the consumer. Returns the number of rows. */
    private int read(UUID tenantId, SurveyImport current, ImportRules.Problems problems,
            java.util.function.Consumer<GoodRow> good) {
        String content = jdbc.sql("SELECT content FROM fb_import WHERE id = :i").param("i", current.id())
                .query(String.class).single();
        ImportFile file = new ImportFile(content, current.encoding(), current.separator());
        ImportRules rules = rules(tenantId, current.questionnaireId());
        // A tailored questionnaire is always about its own service, as on the response pages.
        UUID ownService = editing.questionnaire(tenantId, current.questionnaireId()).serviceId();
        Map<String, Question> questions = new HashMap<>();
        for (ImportColumn c : current.columns()) {
            if (c.target() != null && !ImportRules.CONTEXT.contains(c.target())) {
                Optional<Question> q = rules.question(c.target());
                if (q.isEmpty()) {
                    // The mapping was made for a version that has since been replaced.
                    problems.add(new ImportProblem(0, c.name(), c.header(), "feedback.data.import.mapping.gone",
                            c.target()));
                } else {
                    questions.put(c.target(), q.get());
                }
            }
        }
        int columns = current.columns().size();
        int[] rows = { 0 };
        file.rows(row -> {
            rows[0]++;
            boolean wrong = false;
            for (int i = columns; i < row.cells().size(); i++) {
                if (!row.cells().get(i).isBlank()) {
                    problems.add(new ImportProblem(row.number(), ImportFile.columnName(i), null,
                            "feedback.data.import.error.extraCell"));
                    wrong = true;
                    break;
                }
            }
            Map<String, String> context = new HashMap<>();
            Map<String, List<String>> answers = new LinkedHashMap<>();
            for (ImportColumn c : current.columns()) {
                if (c.target() == null || (!ImportRules.CONTEXT.contains(c.target()) && !questions.containsKey(c.target()))) {
                    continue;
                }
                boolean isContext = ImportRules.CONTEXT.contains(c.target());
                Cell cell = isContext ? rules.context(c.target(), row.cell(c.index()))
                        : rules.answer(c.target(), row.cell(c.index()));
                if (!cell.ok()) {
                    problems.add(new ImportProblem(row.number(), c.name(), c.header(), cell.problem().code(),
                            cell.problem().args()));
                    wrong = true;
                } else if (isContext && cell.value() != null) {
                    context.put(c.target(), cell.value());
                } else if (!cell.values().isEmpty()) {
                    answers.put(c.target(), cell.values());
                }
            }
            if (wrong) {
                return;
            }
            if (answers.isEmpty()) {
                problems.add(new ImportProblem(row.number(), null, null, "feedback.data.import.error.noAnswers"));
                return;
            }
            LocalDate day = context.containsKey(ImportRules.DATE) ? LocalDate.parse(context.get(ImportRules.DATE))
                    : current.defaultDate();
            if (day == null) {
                problems.add(new ImportProblem(row.number(), null, null, "feedback.data.import.error.noDate"));
                return;
            }
            ResponseContext responseContext = new ResponseContext(
                    ownService != null ? ownService : uuid(context.get(ImportRules.SERVICE)),
                    context.get(ImportRules.CHANNEL), uuid(context.get(ImportRules.MUNICIPALITY)),
                    context.get(ImportRules.LOCATION));
            good.accept(new GoodRow(day, responseContext, answers, questions));
        });
        return rows[0];
    }

    private static UUID uuid(String value) {
        return value == null ? null : UUID.fromString(value);
    }
}
