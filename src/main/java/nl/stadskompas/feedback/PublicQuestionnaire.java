// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

/**
 * A questionnaire as its public link shows it: the version respondents answer now and whether it
 * accepts answers today.
 *
 * @param version the current published version, or null when nothing is published yet
 * @param open whether answers are accepted today (published and within the field period)
 */
public record PublicQuestionnaire(Questionnaire questionnaire, QuestionnaireVersion version, boolean open) {

    public QuestionnaireLayout layout() {
        return version.layout();
    }
}
