// SPDX-License-Identifier: EUPL-1.2
/**
 * Extension points of the journeys module: a module that holds questionnaires contributes the
 * questions a step can be linked to and their current scores ({@code QuestionScores}), and the score
 * of a service through a channel ({@code ServiceScores}), so that journeys never imports it.
 */
@org.springframework.modulith.NamedInterface("spi")
package nl.stadskompas.journeys.spi;
