// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The numbers of the results: mean, share positive and n per question, and the suppression of small
 * groups, including the complementary suppression that keeps a small group from being worked out.
 */
class ResultStatisticsTests {

    @Test
    void agreementScaleGivesMeanAndShareOfFourAndFiveWithoutDontKnow() {
        Question q = QuestionnaireLayoutTests.agreement("S1", 1);
        var stats = QuestionStatistics.of(q, Map.of("1", 1L, "2", 1L, "3", 2L, "4", 3L, "5", 3L, "dk", 4L), 14, 5);

        assertThat(stats.suppressed()).isFalse();
        assertThat(stats.n()).isEqualTo(10);
        assertThat(stats.dontKnow()).isEqualTo(4);
        assertThat(stats.mean()).isCloseTo((1 + 2 + 6 + 12 + 15) / 10.0, within(0.0001));
        assertThat(stats.sharePositive()).isCloseTo(60.0, within(0.0001));
        assertThat(stats.distribution()).extracting(QuestionStatistics.Share::count).containsExactly(1L, 1L, 2L, 3L, 3L);
    }

    @Test
    void reportMarkCountsSevenAndHigherAsPositive() {
        Question q = Question.of("MARK", QuestionSource.CUSTOM, QuestionType.MARK, 1, "Cijfer", null, null, null, List.of());
        var stats = QuestionStatistics.of(q, Map.of("6", 2L, "7", 2L, "10", 1L), 5, 5);

        assertThat(stats.sharePositive()).isCloseTo(60.0, within(0.0001));
        assertThat(stats.mean()).isCloseTo(7.2, within(0.0001));
        assertThat(stats.distribution()).hasSize(10);
    }

    @Test
    void aQuestionWithFewerAnswersThanTheMinimumShowsNothing() {
        Question q = QuestionnaireLayoutTests.agreement("S1", 1);
        var stats = QuestionStatistics.of(q, Map.of("4", 3L, "5", 1L, "dk", 9L), 13, 5);

        assertThat(stats.suppressed()).isTrue();
        assertThat(stats.distribution()).isEmpty();
        assertThat(stats.mean()).isNull();
        assertThat(stats.sharePositive()).isNull();
    }

    @Test
    void multipleChoicePercentagesAreOfRespondents() {
        Question q = Question.of("C1", QuestionSource.CUSTOM, QuestionType.MULTIPLE_CHOICE, 1, "Kies", null, null, null,
                List.of(new ChoiceOption("a", "A", null), new ChoiceOption("b", "B", null)));
        var stats = QuestionStatistics.of(q, Map.of("a", 8L, "b", 6L), 10, 5);

        assertThat(stats.distribution()).extracting(QuestionStatistics.Share::percent).containsExactly(80.0, 60.0);
    }

    @Test
    void suppressesGroupsBelowTheMinimum() {
        assertThat(Suppression.suppressed(List.of(12L, 3L, 2L, 40L), 5)).containsExactlyInAnyOrder(1, 2);
        assertThat(Suppression.suppressed(List.of(12L, 5L, 40L), 5)).isEmpty();
    }

    @Test
    void oneSmallGroupTakesTheNextSmallestWithItSoTheTotalDoesNotGiveItAway() {
        assertThat(Suppression.suppressed(List.of(12L, 3L, 40L, 9L), 5)).containsExactlyInAnyOrder(1, 3);
        assertThat(Suppression.suppressed(List.of(30L, 4L), 5)).containsExactlyInAnyOrder(0, 1);
    }

    @Test
    void emptyGroupsAreNoGroupsOfPeople() {
        assertThat(Suppression.suppressed(List.of(0L, 12L, 0L, 20L), 5)).isEmpty();
        assertThat(Suppression.suppressed(List.of(0L, 2L, 0L, 20L), 5)).containsExactlyInAnyOrder(1, 3);
    }
}
