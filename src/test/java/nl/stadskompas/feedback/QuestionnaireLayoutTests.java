// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Pages, conditions and tailoring: which questions a respondent sees, and which questions a tailored
 * questionnaire has after taking over its base.
 */
class QuestionnaireLayoutTests {

    static Question agreement(String key, int page) {
        return Question.of(key, QuestionSource.STATEMENT, QuestionType.AGREEMENT, page, "Stelling " + key, null, null,
                null, List.of());
    }

    static Question aspect(String key, int page) {
        return Question.of(key, QuestionSource.ASPECT, QuestionType.AGREEMENT, page, "Aspect " + key, null, null, null,
                List.of());
    }

    static Question text(String key, int page) {
        return Question.of(key, QuestionSource.CUSTOM, QuestionType.LONG_TEXT, page, "Wat ging er mis?", null, null,
                null, List.of());
    }

    static Answers answers(String... pairs) {
        Map<String, List<String>> raw = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            raw.put(pairs[i], List.of(pairs[i + 1]));
        }
        return Answers.of(raw);
    }

    @Test
    void showsAFollowUpOnlyAfterTheGivenAnswer() {
        Question followUp = text("C1", 2).when(new Condition("S1", List.of("1", "2")));
        QuestionnaireLayout layout = new QuestionnaireLayout(List.of(agreement("S1", 1), followUp, aspect("A1", 3)));

        assertThat(layout.shownOn(2, answers("S1", "1"))).containsExactly(followUp);
        assertThat(layout.shownOn(2, answers("S1", "4"))).isEmpty();
        assertThat(layout.shownOn(2, Answers.none())).isEmpty();
        assertThat(layout.shownPages(answers("S1", "5"))).containsExactly(1, 3);
        assertThat(layout.shownPages(answers("S1", "2"))).containsExactly(1, 2, 3);
    }

    @Test
    void aConditionOnAHiddenQuestionNeverHolds() {
        Question second = text("C2", 3).when(new Condition("C1", List.of("x")));
        Question first = Question.of("C1", QuestionSource.CUSTOM, QuestionType.SINGLE_CHOICE, 2, "Kies", null, null, null,
                List.of(new ChoiceOption("x", "X", null), new ChoiceOption("y", "Y", null)))
                .when(new Condition("S1", List.of("1")));
        QuestionnaireLayout layout = new QuestionnaireLayout(List.of(agreement("S1", 1), first, second));

        assertThat(layout.shownOn(3, answers("S1", "5", "C1", "x"))).isEmpty();
        assertThat(layout.keepShown(answers("S1", "5", "C1", "x", "C2", "tekst")).keys()).containsExactly("S1");
    }

    @Test
    void tailoringKeepsStatementsHidesOthersAndAddsOwnQuestionsOnTheirPage() {
        List<Question> base = List.of(agreement("S1", 1), aspect("A1", 1), agreement("S2", 2), aspect("A2", 3));
        List<Question> own = List.of(text("C1", 1), text("C2", 4));

        List<Question> tailored = QuestionnaireLayout.tailor(base, Set.of("S2", "A2", "A1"), own);

        assertThat(tailored).extracting(Question::key).containsExactly("S1", "C1", "S2", "C2");
        assertThat(tailored).extracting(Question::page).containsExactly(1, 1, 2, 3);
        assertThat(tailored).filteredOn(Question::isInherited).extracting(Question::key).containsExactly("S1", "S2");
    }

    @Test
    void tailoringLeavesOutAnOwnQuestionWithAKeyOfTheBase() {
        List<Question> tailored = QuestionnaireLayout.tailor(List.of(agreement("S1", 1)), Set.of(), List.of(text("S1", 2)));

        assertThat(tailored).singleElement().satisfies(q -> assertThat(q.isInherited()).isTrue());
    }

    @Test
    void reportsWhatStandsInTheWayOfPublishing() {
        Question choice = Question.of("C1", QuestionSource.CUSTOM, QuestionType.SINGLE_CHOICE, 1, "Kies", null, null,
                null, List.of(new ChoiceOption("a", "A", null)));
        Question samePage = text("C2", 1).when(new Condition("S1", List.of("1")));
        Question wrongValue = text("C3", 2).when(new Condition("S1", List.of("7")));
        Question unknown = text("C4", 2).when(new Condition("X1", List.of("1")));

        var problems = new QuestionnaireLayout(List.of(agreement("S1", 1), choice, samePage, wrongValue, unknown)).problems();

        assertThat(problems).extracting(p -> p.code()).containsExactly("feedback.publish.fewOptions",
                "feedback.publish.conditionNotEarlier", "feedback.publish.conditionValues",
                "feedback.publish.conditionUnknown");
        assertThat(new QuestionnaireLayout(List.of()).problems()).extracting(p -> p.code())
                .containsExactly("feedback.publish.noQuestions");
        assertThat(new QuestionnaireLayout(List.of(agreement("S1", 1), text("C2", 2)
                .when(new Condition("S1", List.of("1", "dk"))))).problems()).isEmpty();
    }

    @Test
    void acceptsOnlyValuesTheQuestionCanHave() {
        Question scale = agreement("S1", 1);
        Question mark = Question.of("MARK", QuestionSource.CUSTOM, QuestionType.MARK, 1, "Cijfer", null, null, null, List.of());
        Question shortText = Question.of("C1", QuestionSource.CUSTOM, QuestionType.SHORT_TEXT, 1, "Kort", null, null, null,
                List.of());

        assertThat(List.of("1", "5", "dk")).allMatch(scale::accepts);
        assertThat(List.of("0", "6", "4.5", "-1", "", "vijf", "05x")).noneMatch(scale::accepts);
        assertThat(List.of("1", "10")).allMatch(mark::accepts);
        assertThat(List.of("0", "11", "dk")).noneMatch(mark::accepts);
        assertThat(shortText.accepts("x".repeat(200))).isTrue();
        assertThat(shortText.accepts("x".repeat(201))).isFalse();
    }
}
