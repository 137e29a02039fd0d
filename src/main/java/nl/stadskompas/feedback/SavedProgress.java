// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

/**
 * Answers a respondent saved to continue later, with the context of their link and the page they
 * were on.
 */
public record SavedProgress(Answers answers, ResponseContext context, int page) {
}
