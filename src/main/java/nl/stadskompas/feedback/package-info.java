// SPDX-License-Identifier: EUPL-1.2
/**
 * Feedback and research: the question bank, questionnaires with versions that teams tailor per
 * service, the public response pages and their anonymous submissions, links with context and QR
 * codes, and results in which small groups are suppressed. It reads statements and aspects from the
 * framework module and services and municipalities from the organisation module, by code and id.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Feedback and research")
package nl.stadskompas.feedback;
