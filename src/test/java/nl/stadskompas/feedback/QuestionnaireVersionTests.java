// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import nl.stadskompas.platform.ValidationProblem;

import org.junit.jupiter.api.Test;

/**
 * A published version is frozen: it keeps the resolved questions it was published with and refuses
 * every change; the next draft continues from it with its own questions.
 */
class QuestionnaireVersionTests {

    private static QuestionnaireVersion draft() {
        return QuestionnaireVersion.first(UUID.randomUUID(), UUID.randomUUID(),
                new VersionTexts("Titel", null, null, null, null, null), Instant.now());
    }

    @Test
    void aPublishedVersionRefusesEveryChange() {
        QuestionnaireVersion version = draft();
        version.addQuestion(QuestionnaireLayoutTests.agreement("S1", 1));
        version.publish(List.of(QuestionnaireLayoutTests.agreement("S1", 1)), null, Instant.now(), "adviseur");

        assertThat(version.isDraft()).isFalse();
        for (Runnable change : List.<Runnable>of(
                () -> version.addQuestion(QuestionnaireLayoutTests.aspect("A1", 1)),
                () -> version.removeQuestion("S1"),
                () -> version.hide("A1"),
                () -> version.describe(new VersionTexts("Nieuw", null, null, null, null, null)))) {
            assertThatThrownBy(change::run).isInstanceOf(ValidationProblem.class)
                    .satisfies(e -> assertThat(((ValidationProblem) e).problems().getFirst().code())
                            .isEqualTo("feedback.version.readOnly"));
        }
        assertThat(version.questions()).extracting(Question::key).containsExactly("S1");
        assertThat(version.texts().titleNl()).isEqualTo("Titel");
    }

    @Test
    void publishingStoresTheResolvedQuestionsAndTheNextDraftOnlyItsOwn() {
        QuestionnaireVersion version = draft();
        version.addQuestion(QuestionnaireLayoutTests.text("C1", 2));
        version.hide("A1");
        List<Question> resolved = QuestionnaireLayout.tailor(List.of(QuestionnaireLayoutTests.agreement("S1", 1),
                QuestionnaireLayoutTests.aspect("A1", 1)), version.hiddenKeys(), version.questions());
        UUID base = UUID.randomUUID();

        version.publish(resolved, base, Instant.now(), "adviseur");
        QuestionnaireVersion next = QuestionnaireVersion.nextDraft(version, 2, Instant.now());

        assertThat(version.questions()).extracting(Question::key).containsExactly("S1", "C1");
        assertThat(version.baseVersionId()).isEqualTo(base);
        assertThat(next.number()).isEqualTo(2);
        assertThat(next.isDraft()).isTrue();
        assertThat(next.questions()).extracting(Question::key).containsExactly("C1");
        assertThat(next.hiddenKeys()).containsExactly("A1");
    }

    @Test
    void optionsKeepTheirCodeWhenTheirLabelStays() {
        List<ChoiceOption> before = List.of(new ChoiceOption("o1", "Ja", "Yes"), new ChoiceOption("o2", "Nee", "No"));

        List<ChoiceOption> after = ChoiceOptions.fromLines("Nee | No\nMisschien | Maybe\nJa", before);

        assertThat(after).containsExactly(new ChoiceOption("o2", "Nee", "No"), new ChoiceOption("o3", "Misschien", "Maybe"),
                new ChoiceOption("o1", "Ja", null));
        assertThat(ChoiceOptions.toLines(after)).isEqualTo("Nee | No\nMisschien | Maybe\nJa");
    }
}
