// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.framework;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

import nl.stadskompas.platform.ValidationProblem.FieldProblem;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * The exchange file of a framework version, in YAML or JSON. Writing gives everything of a version,
 * with team and service scopes by name (ids differ between organisations). Reading checks the whole
 * file and collects every problem with its place (path and line) instead of stopping at the first;
 * only a file without problems yields content.
 */
public final class FrameworkFile {

    /** The marker of this file format; a later incompatible format gets a new number. */
    public static final String FORMAT = "stadskompas-framework/1";
    /** Larger files are refused before they are read. */
    public static final int MAX_BYTES = 1024 * 1024;

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .enable(YAMLWriteFeature.LITERAL_BLOCK_STYLE)
            .build();

    private static final Set<String> ROOT_FIELDS = Set.of("format", "name", "label", "description", "coreValues",
            "promises", "statements", "aspects", "norms");
    private static final Set<String> CORE_VALUE_FIELDS = Set.of("code", "name", "description");
    private static final Set<String> PROMISE_FIELDS = Set.of("code", "title", "description", "needs", "means",
            "doesNotMean");
    private static final Set<String> STATEMENT_FIELDS = Set.of("code", "text", "textEn", "promise");
    private static final Set<String> ASPECT_FIELDS = Set.of("code", "name", "nameEn", "category");
    private static final Set<String> NORM_FIELDS = Set.of("code", "name", "measure", "threshold", "unit",
            "targetPercent", "scope", "team", "service");

    private FrameworkFile() {
    }

    /** The two ways to write the file. */
    public enum Format {
        YAML("application/yaml", "yaml"), JSON("application/json", "json");

        private final String mediaType;
        private final String extension;

        Format(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }

        public String mediaType() {
            return mediaType;
        }

        public String extension() {
            return extension;
        }

        /** {@code yaml}, {@code yml} or {@code json}, in any case; empty for anything else. */
        public static java.util.Optional<Format> named(String name) {
            if (name == null) {
                return java.util.Optional.empty();
            }
            return switch (name.trim().toLowerCase(Locale.ROOT)) {
                case "yaml", "yml" -> java.util.Optional.of(YAML);
                case "json" -> java.util.Optional.of(JSON);
                default -> java.util.Optional.empty();
            };
        }
    }

    // --- writing -------------------------------------------------------------------------------

    /**
     * Writes a version's content.
     *
     * @param label the version's label, for the reader's information (reading ignores it)
     * @param scopeName the current name of a norm's team or service
     */
    public static byte[] write(FrameworkContent content, String label, Format format, Function<Norm, String> scopeName) {
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("format", FORMAT);
        file.put("name", content.name());
        if (label != null) {
            file.put("label", label);
        }
        putIfPresent(file, "description", content.description());
        file.put("coreValues", content.coreValues().stream().map(v -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", v.code());
            m.put("name", v.name());
            putIfPresent(m, "description", v.description());
            return m;
        }).toList());
        file.put("promises", content.promises().stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", p.code());
            m.put("title", p.title());
            putIfPresent(m, "description", p.description());
            m.put("needs", p.needs());
            m.put("means", p.means());
            m.put("doesNotMean", p.doesNotMean());
            return m;
        }).toList());
        file.put("statements", content.statements().stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", s.code());
            m.put("text", s.textNl());
            putIfPresent(m, "textEn", s.textEn());
            m.put("promise", s.promiseCode());
            return m;
        }).toList());
        file.put("aspects", content.aspects().stream().map(a -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", a.code());
            m.put("name", a.nameNl());
            putIfPresent(m, "nameEn", a.nameEn());
            m.put("category", a.category().name());
            return m;
        }).toList());
        file.put("norms", content.norms().stream().map(n -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", n.code());
            m.put("name", n.name());
            m.put("measure", n.measure());
            m.put("threshold", n.threshold());
            m.put("unit", n.unit().name());
            putIfPresent(m, "targetPercent", n.targetPercent());
            m.put("scope", n.scope().name());
            if (n.scope() == NormScope.TEAM) {
                m.put("team", scopeName.apply(n));
            } else if (n.scope() == NormScope.SERVICE) {
                m.put("service", scopeName.apply(n));
            }
            return m;
        }).toList());
        return (format == Format.JSON ? JSON : YAML).writeValueAsBytes(file);
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    // --- reading -------------------------------------------------------------------------------

    /**
     * What reading a file gave.
     *
     * @param content the framework, or null when there are problems
     * @param normLines the line of each norm in the file, in order, for warnings about its scope
     * @param problems every problem found, ordered by line; empty when the file is valid
     */
    public record Reading(FrameworkContent content, List<Integer> normLines, List<ImportProblem> problems) {

        public boolean valid() {
            return problems.isEmpty();
        }
    }

    /** Reads and checks a whole file. YAML unless it starts like JSON. */
    public static Reading read(byte[] bytes) {
        if (bytes == null || new String(bytes, StandardCharsets.UTF_8).strip().replace("\uFEFF", "").isEmpty()) {
            return failed(new ImportProblem("", 0, "framework.import.empty"));
        }
        if (bytes.length > MAX_BYTES) {
            return failed(new ImportProblem("", 0, "framework.import.tooLarge", MAX_BYTES / 1024));
        }
        boolean json = looksLikeJson(bytes);
        List<ImportProblem> problems = new ArrayList<>();
        Node root;
        try (JsonParser parser = (json ? JSON : YAML).createParser(bytes)) {
            if (parser.nextToken() == null) {
                return failed(new ImportProblem("", 0, "framework.import.empty"));
            }
            root = new TreeReader(parser, problems).value();
            if (parser.nextToken() != null) {
                problems.add(new ImportProblem("", line(parser.currentTokenLocation()), "framework.import.trailing"));
            }
        } catch (JacksonException e) {
            return failed(new ImportProblem("", line(e.getLocation()),
                    json ? "framework.import.unreadableJson" : "framework.import.unreadableYaml"));
        } catch (RuntimeException e) {
            // The YAML library may report broken input in its own way; it is still unreadable input.
            return failed(new ImportProblem("", 0, json ? "framework.import.unreadableJson"
                    : "framework.import.unreadableYaml"));
        }
        if (!(root instanceof ObjectNode object)) {
            problems.add(new ImportProblem("", root.line(), "framework.import.notFramework"));
            return failed(problems);
        }
        return new Checker(problems).check(object);
    }

    private static boolean looksLikeJson(byte[] bytes) {
        String start = new String(bytes, 0, Math.min(bytes.length, 64), StandardCharsets.UTF_8)
                .replace("\uFEFF", "").stripLeading();
        return start.startsWith("{") || start.startsWith("[");
    }

    private static int line(TokenStreamLocation location) {
        return location == null || location.getLineNr() < 0 ? 0 : location.getLineNr();
    }

    private static Reading failed(ImportProblem problem) {
        return failed(new ArrayList<>(List.of(problem)));
    }

    private static Reading failed(List<ImportProblem> problems) {
        List<ImportProblem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparingInt(ImportProblem::line));
        return new Reading(null, List.of(), List.copyOf(sorted));
    }

    // --- the file as a tree of values that remember their line ----------------------------------

    private sealed interface Node permits ObjectNode, ArrayNode, ScalarNode {
        int line();
    }

    private record Property(String name, int line, Node value) {
    }

    private record ObjectNode(int line, Map<String, Property> properties) implements Node {
    }

    private record ArrayNode(int line, List<Node> elements) implements Node {
    }

    /** A text, number, boolean or null; {@code text} is how it was written. */
    private record ScalarNode(int line, JsonToken kind, String text, BigDecimal number) implements Node {

        boolean isNull() {
            return kind == JsonToken.VALUE_NULL;
        }
    }

    /** Builds the tree from the parser's tokens; notes a property named twice in one object. */
    private static final class TreeReader {

        private final JsonParser parser;
        private final List<ImportProblem> problems;
        private final List<String> path = new ArrayList<>();

        TreeReader(JsonParser parser, List<ImportProblem> problems) {
            this.parser = parser;
            this.problems = problems;
        }

        Node value() {
            JsonToken token = parser.currentToken();
            int line = line(parser.currentTokenLocation());
            switch (token) {
                case START_OBJECT -> {
                    Map<String, Property> properties = new LinkedHashMap<>();
                    while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                        String name = parser.currentName();
                        int nameLine = line(parser.currentTokenLocation());
                        parser.nextToken();
                        path.add(name);
                        Node value = value();
                        path.removeLast();
                        if (properties.containsKey(name)) {
                            problems.add(new ImportProblem(join(path, name), nameLine, "framework.import.duplicateField",
                                    name, properties.get(name).line()));
                        } else {
                            properties.put(name, new Property(name, nameLine, value));
                        }
                    }
                    return new ObjectNode(line, properties);
                }
                case START_ARRAY -> {
                    List<Node> elements = new ArrayList<>();
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        path.add("[" + elements.size() + "]");
                        elements.add(value());
                        path.removeLast();
                    }
                    return new ArrayNode(line, elements);
                }
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                    return new ScalarNode(line, token, parser.getText(), parser.getDecimalValue());
                }
                case VALUE_NULL -> {
                    return new ScalarNode(line, token, null, null);
                }
                default -> {
                    return new ScalarNode(line, token, parser.getText(), null);
                }
            }
        }

        private static String join(List<String> path, String last) {
            StringBuilder joined = new StringBuilder();
            for (String part : path) {
                if (!part.startsWith("[") && !joined.isEmpty()) {
                    joined.append('.');
                }
                joined.append(part);
            }
            if (!joined.isEmpty()) {
                joined.append('.');
            }
            return joined.append(last).toString();
        }
    }

    /** Checks the tree against the format and the framework's rules, collecting every problem. */
    private static final class Checker {

        private final List<ImportProblem> problems;
        /** Places that already have a type problem, so the rules do not report them again. */
        private final Set<String> typeProblems = new HashSet<>();

        Checker(List<ImportProblem> problems) {
            this.problems = problems;
        }

        Reading check(ObjectNode root) {
            unknownFields(root, "", ROOT_FIELDS);
            Property formatProperty = root.properties().get("format");
            String format = text(root, "", "format");
            if (formatProperty == null || format == null) {
                if (!typeProblems.contains("format")) {
                    problems.add(new ImportProblem("format", formatProperty == null ? root.line() : formatProperty.line(),
                            "framework.import.formatMissing", FORMAT));
                }
            } else if (!FORMAT.equals(format.trim())) {
                // An unknown format may be built quite differently: checking it further would only
                // produce noise.
                problems.add(new ImportProblem("format", formatProperty.line(), "framework.import.formatUnknown",
                        format, FORMAT));
                return failed(problems);
            }
            String name = text(root, "", "name");
            if (!typeProblems.contains("name")) {
                if (FrameworkRules.blank(name)) {
                    problems.add(new ImportProblem("name", lineOf(root, "name"), "framework.field.required"));
                } else if (name.trim().length() > FrameworkRules.NAME_MAX) {
                    problems.add(new ImportProblem("name", lineOf(root, "name"), "framework.field.tooLong",
                            FrameworkRules.NAME_MAX));
                }
            }
            String description = text(root, "", "description");
            if (description != null && description.trim().length() > FrameworkRules.DESCRIPTION_MAX) {
                problems.add(new ImportProblem("description", lineOf(root, "description"), "framework.field.tooLong",
                        FrameworkRules.DESCRIPTION_MAX));
            }
            text(root, "", "label");

            List<Located<CoreValue>> coreValues = items(root, "coreValues", CORE_VALUE_FIELDS,
                    (o, p) -> new CoreValue(text(o, p, "code"), text(o, p, "name"), text(o, p, "description")),
                    FrameworkRules::check, CoreValue::code);
            List<Located<Promise>> promises = items(root, "promises", PROMISE_FIELDS,
                    (o, p) -> Promise.of(text(o, p, "code"), text(o, p, "title"), text(o, p, "description"),
                            lines(o, p, "needs"), lines(o, p, "means"), lines(o, p, "doesNotMean")),
                    FrameworkRules::check, Promise::code);
            List<Located<Statement>> statements = items(root, "statements", STATEMENT_FIELDS,
                    (o, p) -> new Statement(text(o, p, "code"), text(o, p, "text"), text(o, p, "textEn"),
                            text(o, p, "promise")),
                    FrameworkRules::check, Statement::code);
            List<Located<ServiceAspect>> aspects = items(root, "aspects", ASPECT_FIELDS,
                    (o, p) -> new ServiceAspect(text(o, p, "code"), text(o, p, "name"), text(o, p, "nameEn"),
                            choice(o, p, "category", AspectCategory.class)),
                    FrameworkRules::check, ServiceAspect::code);
            List<Located<Norm>> norms = items(root, "norms", NORM_FIELDS, this::norm, FrameworkRules::check,
                    Norm::code);

            Set<String> promiseCodes = new HashSet<>();
            promises.forEach(p -> promiseCodes.add(FrameworkRules.codeKey(p.item().code())));
            for (Located<Statement> s : statements) {
                String promise = s.item().promiseCode();
                if (!FrameworkRules.blank(promise) && !promiseCodes.contains(FrameworkRules.codeKey(promise))) {
                    problems.add(new ImportProblem(s.path() + ".promise", lineOf(s.node(), "promise"),
                            "framework.statement.unknownPromise", promise.trim()));
                }
            }
            if (!problems.isEmpty()) {
                return failed(problems);
            }
            FrameworkContent content = new FrameworkContent(FrameworkVersion.tidy(name),
                    FrameworkVersion.tidy(description),
                    coreValues.stream().map(l -> FrameworkVersion.Cleaning.clean(l.item())).toList(),
                    promises.stream().map(l -> FrameworkVersion.Cleaning.clean(l.item())).toList(),
                    statements.stream().map(l -> FrameworkVersion.Cleaning.clean(l.item())).toList(),
                    aspects.stream().map(l -> FrameworkVersion.Cleaning.clean(l.item())).toList(),
                    norms.stream().map(l -> FrameworkVersion.Cleaning.clean(l.item())).toList());
            return new Reading(content, norms.stream().map(l -> l.node().line()).toList(), List.of());
        }

        private Norm norm(ObjectNode o, String p) {
            NormScope scope = choice(o, p, "scope", NormScope.class);
            String team = text(o, p, "team");
            String service = text(o, p, "service");
            String scopeName = null;
            if (scope == NormScope.TEAM) {
                scopeName = team;
                misplaced(o, p, "service", service, scope);
            } else if (scope == NormScope.SERVICE) {
                scopeName = service;
                misplaced(o, p, "team", team, scope);
            } else if (scope == NormScope.ORGANISATION) {
                misplaced(o, p, "team", team, scope);
                misplaced(o, p, "service", service, scope);
            }
            return new Norm(text(o, p, "code"), text(o, p, "name"), text(o, p, "measure"), number(o, p, "threshold"),
                    choice(o, p, "unit", NormUnit.class), number(o, p, "targetPercent"), scope, null, scopeName);
        }

        private void misplaced(ObjectNode o, String p, String field, String value, NormScope scope) {
            if (!FrameworkRules.blank(value)) {
                problems.add(new ImportProblem(p + "." + field, lineOf(o, field), "framework.import.scopeMismatch",
                        field, scope.name()));
                typeProblems.add(p + "." + field);
            }
        }

        /** Reads one list of items: every element must be an object with known fields that keeps the rules. */
        private <T> List<Located<T>> items(ObjectNode root, String field, Set<String> allowed,
                BiFunction<ObjectNode, String, T> build, Function<T, List<FieldProblem>> rules,
                Function<T, String> code) {
            Property property = root.properties().get(field);
            if (property == null || property.value() instanceof ScalarNode s && s.isNull()) {
                return List.of();
            }
            if (!(property.value() instanceof ArrayNode array)) {
                problems.add(new ImportProblem(field, property.line(), "framework.import.expectedList"));
                return List.of();
            }
            List<Located<T>> items = new ArrayList<>();
            Map<String, Integer> codes = new HashMap<>();
            for (int i = 0; i < array.elements().size(); i++) {
                String path = field + "[" + i + "]";
                Node element = array.elements().get(i);
                if (!(element instanceof ObjectNode object)) {
                    problems.add(new ImportProblem(path, element.line(), "framework.import.expectedObject"));
                    continue;
                }
                unknownFields(object, path, allowed);
                T item = build.apply(object, path);
                for (FieldProblem problem : rules.apply(item)) {
                    String fileField = fileField(object, problem.field());
                    String place = path + "." + fileField;
                    if (!typeProblems.contains(place) && !typeProblems.contains(path + "." + base(fileField))) {
                        problems.add(new ImportProblem(place, lineOf(object, fileField), problem.code(), problem.args()));
                    }
                }
                String itemCode = code.apply(item);
                if (!FrameworkRules.blank(itemCode)) {
                    String key = FrameworkRules.codeKey(itemCode);
                    Integer first = codes.putIfAbsent(key, lineOf(object, "code"));
                    if (first != null) {
                        problems.add(new ImportProblem(path + ".code", lineOf(object, "code"),
                                "framework.import.duplicateCode", itemCode.trim(), first));
                    }
                }
                items.add(new Located<>(item, path, object));
            }
            return items;
        }

        /** The rules name a norm's team or service "scopeId"; in the file it is "team" or "service". */
        private static String fileField(ObjectNode object, String ruleField) {
            if ("scopeId".equals(ruleField)) {
                return object.properties().containsKey("service") && !object.properties().containsKey("team")
                        ? "service" : "team";
            }
            return ruleField;
        }

        private void unknownFields(ObjectNode object, String path, Set<String> allowed) {
            for (Property property : object.properties().values()) {
                if (!allowed.contains(property.name())) {
                    problems.add(new ImportProblem(path.isEmpty() ? property.name() : path + "." + property.name(),
                            property.line(), "framework.import.unknownField", property.name(),
                            String.join(", ", allowed.stream().sorted().toList())));
                }
            }
        }

        private String text(ObjectNode object, String path, String field) {
            Property property = object.properties().get(field);
            if (property == null) {
                return null;
            }
            if (property.value() instanceof ScalarNode scalar) {
                return scalar.text();
            }
            typeProblem(join(path, field), property.line(), "framework.import.expectedText");
            return null;
        }

        private List<String> lines(ObjectNode object, String path, String field) {
            Property property = object.properties().get(field);
            if (property == null || property.value() instanceof ScalarNode s && s.isNull()) {
                return List.of();
            }
            if (!(property.value() instanceof ArrayNode array)) {
                typeProblem(join(path, field), property.line(), "framework.import.expectedList");
                return List.of();
            }
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < array.elements().size(); i++) {
                Node element = array.elements().get(i);
                if (element instanceof ScalarNode scalar && !scalar.isNull()) {
                    lines.add(scalar.text());
                } else {
                    typeProblem(join(path, field) + "[" + i + "]", element.line(), "framework.import.expectedText");
                    lines.add("");
                }
            }
            return lines;
        }

        private BigDecimal number(ObjectNode object, String path, String field) {
            Property property = object.properties().get(field);
            if (property == null || property.value() instanceof ScalarNode s && s.isNull()) {
                return null;
            }
            if (property.value() instanceof ScalarNode scalar && scalar.number() != null) {
                return scalar.number();
            }
            String shown = property.value() instanceof ScalarNode scalar ? scalar.text() : "";
            typeProblem(join(path, field), property.line(), "framework.import.expectedNumber", shown);
            return null;
        }

        private <E extends Enum<E>> E choice(ObjectNode object, String path, String field, Class<E> type) {
            String value = text(object, path, field);
            if (value == null) {
                return null;
            }
            String wanted = value.trim().toUpperCase(Locale.ROOT);
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(wanted)) {
                    return constant;
                }
            }
            List<String> allowed = java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
            typeProblem(join(path, field), lineOf(object, field), "framework.import.unknownValue", value,
                    String.join(", ", allowed));
            return null;
        }

        private void typeProblem(String place, int line, String code, Object... args) {
            problems.add(new ImportProblem(place, line, code, args));
            typeProblems.add(place);
        }

        private static String join(String path, String field) {
            return path.isEmpty() ? field : path + "." + field;
        }

        private static String base(String field) {
            int bracket = field.indexOf('[');
            return bracket < 0 ? field : field.substring(0, bracket);
        }

        /** The line of a field (or of one of its list elements, as in {@code needs[2]}), else of the object. */
        private static int lineOf(ObjectNode object, String field) {
            Property property = object.properties().get(base(field));
            if (property == null) {
                return object.line();
            }
            int bracket = field.indexOf('[');
            if (bracket >= 0 && property.value() instanceof ArrayNode array) {
                int index = Integer.parseInt(field.substring(bracket + 1, field.indexOf(']')));
                if (index < array.elements().size()) {
                    return array.elements().get(index).line();
                }
            }
            return property.value() instanceof ScalarNode ? property.value().line() : property.line();
        }
    }

    private record Located<T>(T item, String path, ObjectNode node) {
    }
}
