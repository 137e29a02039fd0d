// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

/**
 * What is needed to start a questionnaire: an internal name, who answers it, and the title
 * respondents read.
 */
public record NewQuestionnaire(String name, QuestionnaireKind kind, String titleNl, String titleEn) {
}
