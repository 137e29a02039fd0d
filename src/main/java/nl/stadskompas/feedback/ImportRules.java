// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The rules for one row of an imported survey: every cell is checked against the question or
 * context field its column is mapped to, and every problem is reported with its row and column, in
 * words a spreadsheet user understands. A row is stored only when the whole file is free of problems.
 *
 * <p>Accepted values: an agreement scale 1 to 5 or "weet niet" / "n.v.t." / "dk"; a report mark
 * 1 to 10; an option by its code or its Dutch or English label (several options of a multiple
 * choice separated by {@code |}); text up to the question's length; a date as 2024-03-31,
 * 31-3-2024, 31/3/2024 or 31.3.2024 (a time after it is ignored), not in the future; a service or
 * municipality by name or id, a channel by code or name, a location as the response pages accept it.
 */
final class ImportRules {

    /** Targets for the context of a row; any other target is a question key. */
    static final String DATE = "@date";
    static final String SERVICE = "@service";
    static final String CHANNEL = "@channel";
    static final String MUNICIPALITY = "@municipality";
    static final String LOCATION = "@location";
    static final List<String> CONTEXT = List.of(DATE, SERVICE, CHANNEL, MUNICIPALITY, LOCATION);

    /** What people write for "don't know / not applicable" on an agreement scale. */
    static final Set<String> DONT_KNOW = Set.of("dk", "weet niet", "weet ik niet", "n.v.t.", "n.v.t", "nvt",
            "niet van toepassing", "don't know", "dont know", "n/a", "na", "not applicable");

    private static final Pattern WHOLE = Pattern.compile("\\d{1,2}");
    private static final Pattern PLACE = Pattern.compile("[\\p{L}\\p{N} .,'()/-]+");
    private static final List<DateTimeFormatter> DATES = List.of("uuuu-MM-dd", "d-M-uuuu", "d/M/uuuu", "d.M.uuuu")
            .stream().map(p -> DateTimeFormatter.ofPattern(p).withResolverStyle(ResolverStyle.STRICT)).toList();

    private final Map<String, Question> questions;
    private final Names services;
    private final Names municipalities;
    private final Map<String, String> channels;
    private final LocalDate today;

    /**
     * @param questions the questions of the version the answers are stored on
     * @param services the tenant's services: id and name
     * @param municipalities the tenant's municipalities: id and name
     * @param channels channel names and codes in lower case, each mapped to its code
     */
    ImportRules(List<Question> questions, Map<UUID, String> services, Map<UUID, String> municipalities,
            Map<String, String> channels, LocalDate today) {
        this.questions = questions.stream()
                .collect(Collectors.toMap(Question::key, q -> q, (a, b) -> a, LinkedHashMap::new));
        this.services = new Names(services);
        this.municipalities = new Names(municipalities);
        this.channels = Map.copyOf(channels);
        this.today = today;
    }

    /** Whether a target names a question of the version or a context field. */
    boolean knows(String target) {
        return CONTEXT.contains(target) || questions.containsKey(target);
    }

    Optional<Question> question(String key) {
        return Optional.ofNullable(questions.get(key));
    }

    /**
     * A problem in one cell.
     *
     * @param code message key; its first placeholders are filled with {@code args}
     */
    record Problem(String code, Object... args) {
    }

    /**
     * The outcome of one cell: the values to store (none for an empty cell), or the problem.
     */
    record Cell(List<String> values, Problem problem) {

        static final Cell EMPTY = new Cell(List.of(), null);

        static Cell of(String value) {
            return new Cell(List.of(value), null);
        }

        static Cell wrong(String code, Object... args) {
            return new Cell(List.of(), new Problem(code, args));
        }

        boolean ok() {
            return problem == null;
        }

        String value() {
            return values.isEmpty() ? null : values.getFirst();
        }
    }

    /** Checks one cell against the question with this key. */
    Cell answer(String key, String raw) {
        Question question = questions.get(key);
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty()) {
            return Cell.EMPTY;
        }
        return switch (question.type()) {
            case AGREEMENT -> DONT_KNOW.contains(value.toLowerCase(Locale.ROOT)) ? Cell.of(QuestionType.DONT_KNOW)
                    : scale(question, value, "feedback.data.import.error.agreement");
            case MARK -> scale(question, value, "feedback.data.import.error.mark");
            case SINGLE_CHOICE -> option(question, value).map(Cell::of).orElseGet(() -> unknownOption(question, value));
            case MULTIPLE_CHOICE -> {
                Set<String> codes = new LinkedHashSet<>();
                for (String part : value.split("\\|")) {
                    if (part.isBlank()) {
                        continue;
                    }
                    Optional<String> code = option(question, part.strip());
                    if (code.isEmpty()) {
                        yield unknownOption(question, part.strip());
                    }
                    codes.add(code.get());
                }
                yield codes.isEmpty() ? Cell.EMPTY : new Cell(List.copyOf(codes), null);
            }
            case SHORT_TEXT, LONG_TEXT -> value.length() > question.type().textMax()
                    ? Cell.wrong("feedback.data.import.error.tooLong", value.length(), question.type().textMax())
                    : Cell.of(value);
        };
    }

    private static Cell scale(Question question, String value, String code) {
        if (WHOLE.matcher(value).matches()) {
            int n = Integer.parseInt(value);
            if (n >= question.type().min() && n <= question.type().max()) {
                return Cell.of(String.valueOf(n));
            }
        }
        return Cell.wrong(code, shorten(value));
    }

    private static Optional<String> option(Question question, String value) {
        for (ChoiceOption o : question.options()) {
            if (o.code().equalsIgnoreCase(value) || (o.labelNl() != null && o.labelNl().strip().equalsIgnoreCase(value))
                    || (o.labelEn() != null && o.labelEn().strip().equalsIgnoreCase(value))) {
                return Optional.of(o.code());
            }
        }
        return Optional.empty();
    }

    private static Cell unknownOption(Question question, String value) {
        String known = question.options().stream().map(o -> o.labelNl() + " (" + o.code() + ")")
                .collect(Collectors.joining(", "));
        return Cell.wrong("feedback.data.import.error.option", shorten(value), known);
    }

    /** Checks one cell against a context field. */
    Cell context(String target, String raw) {
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty()) {
            return Cell.EMPTY;
        }
        return switch (target) {
            case DATE -> date(value);
            case SERVICE -> services.find(value).map(id -> Cell.of(id.toString()))
                    .orElseGet(() -> Cell.wrong("feedback.data.import.error.service", shorten(value)));
            case MUNICIPALITY -> municipalities.find(value).map(id -> Cell.of(id.toString()))
                    .orElseGet(() -> Cell.wrong("feedback.data.import.error.municipality", shorten(value)));
            case CHANNEL -> Optional.ofNullable(channels.get(value.toLowerCase(Locale.ROOT))).map(Cell::of)
                    .orElseGet(() -> Cell.wrong("feedback.data.import.error.channel", shorten(value)));
            case LOCATION -> value.length() <= ResponseContext.LOCATION_MAX && PLACE.matcher(value).matches()
                    ? Cell.of(value)
                    : Cell.wrong("feedback.data.import.error.location", ResponseContext.LOCATION_MAX);
            default -> throw new IllegalArgumentException(target);
        };
    }

    private Cell date(String value) {
        String day = value.split("[ T]", 2)[0];
        for (DateTimeFormatter format : DATES) {
            try {
                LocalDate date = LocalDate.parse(day, format);
                if (date.isAfter(today)) {
                    return Cell.wrong("feedback.data.import.error.future", shorten(value));
                }
                return Cell.of(date.toString());
            } catch (DateTimeParseException e) {
                // try the next way of writing a date
            }
        }
        return Cell.wrong("feedback.data.import.error.date", shorten(value));
    }

    /** A cell value as it may be repeated in a message: at most 40 characters. */
    static String shorten(String value) {
        return value.length() <= 40 ? value : value.substring(0, 39) + "…";
    }

    /** Names of services or municipalities, found by name (ignoring case) or by id. */
    private static final class Names {

        private final Map<String, UUID> byName = new LinkedHashMap<>();
        private final Set<UUID> ids;

        Names(Map<UUID, String> names) {
            names.forEach((id, name) -> byName.putIfAbsent(name.strip().toLowerCase(Locale.ROOT), id));
            ids = Set.copyOf(names.keySet());
        }

        Optional<UUID> find(String value) {
            UUID id = byName.get(value.toLowerCase(Locale.ROOT));
            if (id != null) {
                return Optional.of(id);
            }
            try {
                UUID asId = UUID.fromString(value);
                return ids.contains(asId) ? Optional.of(asId) : Optional.empty();
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }

    /** Keeps the first few of many problems, and counts them all. */
    static final class Problems {

        private final int keep;
        private final List<ImportProblem> kept = new ArrayList<>();
        private int count;

        Problems(int keep) {
            this.keep = keep;
        }

        void add(ImportProblem problem) {
            count++;
            if (kept.size() < keep) {
                kept.add(problem);
            }
        }

        List<ImportProblem> kept() {
            return List.copyOf(kept);
        }

        int count() {
            return count;
        }
    }
}
