// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.framework;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import nl.stadskompas.platform.ValidationProblem.FieldProblem;

/**
 * The rules every item of a framework keeps, whether it comes from a page, the API or a file. Each
 * check returns all problems of one item, named by the item's field ({@code title},
 * {@code needs[1]}), so that each channel can show them in its own place.
 */
public final class FrameworkRules {

    public static final int CODE_MAX = 20;
    public static final int NAME_MAX = 200;
    public static final int DESCRIPTION_MAX = 2000;
    public static final int LINE_MAX = 300;
    public static final int LINES_MAX = 10;
    public static final int STATEMENT_MAX = 500;
    public static final int ASPECT_MAX = 300;
    public static final int MEASURE_MAX = 500;
    public static final BigDecimal THRESHOLD_MAX = new BigDecimal("100000");
    private static final BigDecimal HUNDRED = new BigDecimal("100");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,19}");
    private static final Pattern LABEL = Pattern.compile("[0-9]{1,3}\\.[0-9]{1,3}");

    private FrameworkRules() {
    }

    /** Codes are compared without regard to case: P1 and p1 are the same item. */
    public static String codeKey(String code) {
        return code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
    }

    public static boolean isLabel(String label) {
        return label != null && LABEL.matcher(label).matches();
    }

    public static List<FieldProblem> check(CoreValue value) {
        List<FieldProblem> problems = new ArrayList<>();
        code(problems, value.code());
        required(problems, "name", value.name(), NAME_MAX);
        optional(problems, "description", value.description(), DESCRIPTION_MAX);
        return problems;
    }

    public static List<FieldProblem> check(Promise promise) {
        List<FieldProblem> problems = new ArrayList<>();
        code(problems, promise.code());
        required(problems, "title", promise.title(), NAME_MAX);
        optional(problems, "description", promise.description(), DESCRIPTION_MAX);
        lines(problems, "needs", promise.needs(), true);
        lines(problems, "means", promise.means(), false);
        lines(problems, "doesNotMean", promise.doesNotMean(), false);
        return problems;
    }

    public static List<FieldProblem> check(Statement statement) {
        List<FieldProblem> problems = new ArrayList<>();
        code(problems, statement.code());
        required(problems, "text", statement.textNl(), STATEMENT_MAX);
        optional(problems, "textEn", statement.textEn(), STATEMENT_MAX);
        if (blank(statement.promiseCode())) {
            problems.add(new FieldProblem("promise", "framework.statement.promiseRequired"));
        }
        return problems;
    }

    public static List<FieldProblem> check(ServiceAspect aspect) {
        List<FieldProblem> problems = new ArrayList<>();
        code(problems, aspect.code());
        required(problems, "name", aspect.nameNl(), ASPECT_MAX);
        optional(problems, "nameEn", aspect.nameEn(), ASPECT_MAX);
        if (aspect.category() == null) {
            problems.add(new FieldProblem("category", "framework.field.choose"));
        }
        return problems;
    }

    /** Checks a norm's own fields; whether its team or service exists is for the caller to check. */
    public static List<FieldProblem> check(Norm norm) {
        List<FieldProblem> problems = new ArrayList<>();
        code(problems, norm.code());
        required(problems, "name", norm.name(), NAME_MAX);
        required(problems, "measure", norm.measure(), MEASURE_MAX);
        if (norm.unit() == null) {
            problems.add(new FieldProblem("unit", "framework.field.choose"));
        }
        if (norm.threshold() == null) {
            problems.add(new FieldProblem("threshold", "framework.field.required"));
        } else if (norm.threshold().signum() <= 0) {
            problems.add(new FieldProblem("threshold", "framework.norm.thresholdPositive"));
        } else if (norm.unit() == NormUnit.PERCENT && norm.threshold().compareTo(HUNDRED) > 0) {
            problems.add(new FieldProblem("threshold", "framework.norm.percentMax"));
        } else if (norm.threshold().compareTo(THRESHOLD_MAX) >= 0 || norm.threshold().scale() > 2) {
            problems.add(new FieldProblem("threshold", "framework.norm.thresholdRange"));
        }
        if (norm.targetPercent() != null && (norm.targetPercent().signum() <= 0
                || norm.targetPercent().compareTo(HUNDRED) > 0 || norm.targetPercent().scale() > 2)) {
            problems.add(new FieldProblem("targetPercent", "framework.norm.targetRange"));
        }
        if (norm.scope() == null) {
            problems.add(new FieldProblem("scope", "framework.field.choose"));
        } else if (norm.scope() != NormScope.ORGANISATION) {
            if (norm.scopeId() == null && blank(norm.scopeName())) {
                problems.add(new FieldProblem("scopeId", norm.scope() == NormScope.TEAM
                        ? "framework.norm.teamRequired" : "framework.norm.serviceRequired"));
            } else if (norm.scopeName() != null && norm.scopeName().length() > NAME_MAX) {
                problems.add(new FieldProblem("scopeId", "framework.field.tooLong", NAME_MAX));
            }
        }
        return problems;
    }

    private static void code(List<FieldProblem> problems, String code) {
        if (blank(code)) {
            problems.add(new FieldProblem("code", "framework.field.required"));
        } else if (!CODE.matcher(code).matches()) {
            problems.add(new FieldProblem("code", "framework.code.invalid", CODE_MAX));
        }
    }

    private static void required(List<FieldProblem> problems, String field, String value, int max) {
        if (blank(value)) {
            problems.add(new FieldProblem(field, "framework.field.required"));
        } else if (value.length() > max) {
            problems.add(new FieldProblem(field, "framework.field.tooLong", max));
        }
    }

    private static void optional(List<FieldProblem> problems, String field, String value, int max) {
        if (value != null && value.length() > max) {
            problems.add(new FieldProblem(field, "framework.field.tooLong", max));
        }
    }

    private static void lines(List<FieldProblem> problems, String field, List<String> lines, boolean needed) {
        if (needed && lines.isEmpty()) {
            problems.add(new FieldProblem(field, "framework.promise.needsRequired"));
        }
        if (lines.size() > LINES_MAX) {
            problems.add(new FieldProblem(field, "framework.lines.tooMany", LINES_MAX));
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (blank(line)) {
                problems.add(new FieldProblem(field + "[" + i + "]", "framework.field.required"));
            } else if (line.length() > LINE_MAX) {
                problems.add(new FieldProblem(field + "[" + i + "]", "framework.field.tooLong", LINE_MAX));
            } else if (line.contains("\n") || line.contains("\r")) {
                problems.add(new FieldProblem(field + "[" + i + "]", "framework.lines.oneLine"));
            }
        }
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
