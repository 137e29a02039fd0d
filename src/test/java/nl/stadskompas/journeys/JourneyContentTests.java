// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import nl.stadskompas.journeys.JourneyContent.Step;

import org.junit.jupiter.api.Test;

/** The designed journey as a value: phases, step order, moving steps and new ids. */
class JourneyContentTests {

    private static Step step(String id, String phase) {
        return new Step(id, phase, "Stap " + id, null, null, null, null, List.of(), List.of(), null);
    }

    private static JourneyContent journey() {
        return JourneyContent.start("Reis", null, null, null)
                .withSteps(List.of(step("s1", "application"), step("s2", "awareness"), step("s3", "application")));
    }

    @Test
    void startsWithTheSixStandardPhasesAndASetbackPhase() {
        List<JourneyContent.Phase> phases = JourneyContent.standardPhases();
        assertThat(phases).hasSize(7);
        assertThat(phases).extracting(JourneyContent.Phase::id)
                .containsExactly("awareness", "orientation", "preparation", "application", "use", "stopping", "setback");
        assertThat(phases.getLast().setback()).isTrue();
    }

    @Test
    void ordersStepsPhaseByPhase() {
        assertThat(journey().orderedSteps()).extracting(Step::id).containsExactly("s2", "s1", "s3");
    }

    @Test
    void movesAStepWithinItsPhaseOnly() {
        JourneyContent moved = journey().move("s3", -1);
        assertThat(moved.stepsIn("application")).extracting(Step::id).containsExactly("s3", "s1");
        // at the top of its phase nothing changes, even though another phase's step is before it in the list
        assertThat(moved.move("s3", -1)).isEqualTo(moved);
        assertThat(journey().move("s2", 1)).isEqualTo(journey());
    }

    @Test
    void picksAnIdNotYetUsed() {
        assertThat(journey().nextId("s")).isEqualTo("s4");
        assertThat(journey().nextId("o")).isEqualTo("o1");
    }

    @Test
    void aStepWithoutPersonasConcernsEveryone() {
        java.util.UUID persona = java.util.UUID.randomUUID();
        assertThat(step("s1", "use").concerns(persona)).isTrue();
        Step forOther = new Step("s2", "use", "x", null, null, null, null, List.of(java.util.UUID.randomUUID()), List.of(), null);
        assertThat(forOther.concerns(persona)).isFalse();
        assertThat(forOther.concerns(null)).isTrue();
    }

    @Test
    void wrapsLongTextsOnTheMapAndCutsWhatDoesNotFit() {
        List<String> lines = JourneyMapRenderer.wrap("Ik wil weten wat er bij een eigen restaurant komt kijken zodat ik"
                + " geen verrassingen krijg", 26, 3);
        assertThat(lines).hasSize(3).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(28));
        assertThat(lines.getLast()).endsWith("…");
        assertThat(JourneyMapRenderer.esc("<a & \"b\">")).isEqualTo("&lt;a &amp; &quot;b&quot;&gt;");
    }

    @Test
    void aStandardPhaseIsOneWithItsStandardIdAndName() {
        assertThat(JourneyContent.standardPhases()).allMatch(JourneyContent.Phase::standard);
        assertThat(new JourneyContent.Phase("orientation", "Rondkijken", false).standard()).isFalse();
        assertThat(new JourneyContent.Phase("f8", "Oriënteren", false).standard()).isFalse();
    }
}
