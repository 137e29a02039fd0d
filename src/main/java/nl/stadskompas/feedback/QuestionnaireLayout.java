// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import nl.stadskompas.platform.ValidationProblem.FieldProblem;

/**
 * The pages and questions of a questionnaire as a respondent meets them: which pages there are,
 * which questions a page shows given the answers so far, and which questions a tailored
 * questionnaire has after taking over its base. Pure rules, without storage.
 */
public final class QuestionnaireLayout {

    private final List<Question> questions;
    private final TreeMap<Integer, List<Question>> pages = new TreeMap<>();

    public QuestionnaireLayout(List<Question> questions) {
        this.questions = List.copyOf(questions);
        this.questions.forEach(q -> pages.computeIfAbsent(q.page(), p -> new ArrayList<>()).add(q));
        // Nothing can change a layout once made, so one layout can serve many requests at once.
        pages.replaceAll((page, onPage) -> List.copyOf(onPage));
    }

    /**
     * The questions of a tailored questionnaire: the base questions minus the hidden ones (a
     * statement is never hidden), marked as inherited, followed on each page by its own questions.
     * Pages are numbered 1, 2, 3 ... again once empty pages are gone. An own question whose key the
     * base already uses is left out; {@link #problems} reports it before publishing.
     */
    public static List<Question> tailor(List<Question> base, Set<String> hidden, List<Question> own) {
        List<Question> merged = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (Question q : base) {
            if (q.isStatement() || !hidden.contains(q.key())) {
                merged.add(q.asInherited());
                keys.add(q.key());
            }
        }
        for (Question q : own) {
            if (keys.add(q.key())) {
                merged.add(q);
            }
        }
        return compact(merged);
    }

    /** Renumbers pages to 1..n in their order, keeping the order of questions within each page. */
    public static List<Question> compact(List<Question> questions) {
        TreeMap<Integer, List<Question>> byPage = new TreeMap<>();
        questions.forEach(q -> byPage.computeIfAbsent(q.page(), p -> new ArrayList<>()).add(q));
        List<Question> result = new ArrayList<>();
        int number = 1;
        for (List<Question> page : byPage.values()) {
            for (Question q : page) {
                result.add(q.page() == number ? q : q.onPage(number));
            }
            number++;
        }
        return List.copyOf(result);
    }

    public List<Question> questions() {
        return questions;
    }

    public Optional<Question> question(String key) {
        return questions.stream().filter(q -> q.key().equals(key)).findFirst();
    }

    /** Every page number, in order. */
    public List<Integer> pageNumbers() {
        return List.copyOf(pages.keySet());
    }

    public List<Question> page(int number) {
        return pages.getOrDefault(number, List.of());
    }

    /** Whether a question is shown, given the answers so far: it has no condition, or its condition holds. */
    public boolean shows(Question question, Answers answers) {
        return question.condition().map(c -> shows(c.questionKey(), answers) && c.holds(answers)).orElse(true);
    }

    private boolean shows(String key, Answers answers) {
        return question(key).map(q -> shows(q, answers)).orElse(false);
    }

    /** The questions of a page that are shown, given the answers so far. */
    public List<Question> shownOn(int page, Answers answers) {
        return page(page).stream().filter(q -> shows(q, answers)).toList();
    }

    /** The pages that show at least one question, given the answers so far. */
    public List<Integer> shownPages(Answers answers) {
        return pages.keySet().stream().filter(p -> !shownOn(p, answers).isEmpty()).toList();
    }

    /** The answers to questions that are shown; answers to questions a condition now hides are dropped. */
    public Answers keepShown(Answers answers) {
        Set<String> shown = new LinkedHashSet<>();
        questions.stream().filter(q -> shows(q, answers)).forEach(q -> shown.add(q.key()));
        return answers.only(shown);
    }

    /**
     * What stands in the way of publishing: no questions, a choice question with fewer than two
     * options, a key used twice, or a condition that refers to a question that is not on an earlier
     * page or to an answer that question cannot have.
     */
    public List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>();
        if (questions.isEmpty()) {
            problems.add(new FieldProblem("questions", "feedback.publish.noQuestions"));
        }
        Map<String, Question> seen = new HashMap<>();
        for (Question q : questions) {
            if (seen.putIfAbsent(q.key(), q) != null) {
                problems.add(new FieldProblem("questions", "feedback.publish.duplicateKey", q.key()));
            }
            if (q.type().hasOptions() && q.options().size() < 2) {
                problems.add(new FieldProblem("questions", "feedback.publish.fewOptions", q.key()));
            }
            q.condition().ifPresent(c -> {
                Optional<Question> earlier = question(c.questionKey());
                if (earlier.isEmpty()) {
                    problems.add(new FieldProblem("questions", "feedback.publish.conditionUnknown", q.key(),
                            c.questionKey()));
                } else if (earlier.get().page() >= q.page()) {
                    problems.add(new FieldProblem("questions", "feedback.publish.conditionNotEarlier", q.key(),
                            c.questionKey()));
                } else if (c.values().isEmpty() || !c.values().stream().allMatch(v -> acceptsChoice(earlier.get(), v))) {
                    problems.add(new FieldProblem("questions", "feedback.publish.conditionValues", q.key(),
                            c.questionKey()));
                }
            });
        }
        return problems;
    }

    private static boolean acceptsChoice(Question q, String value) {
        return !q.type().isText() && q.accepts(value);
    }
}
