// SPDX-License-Identifier: EUPL-1.2
/**
 * Cases and track &amp; trace: case types with their norm lead time and plain-language statuses,
 * cases of every kind with status history and delays, and the resident's progress page reached by
 * a secure link. It refers to the organisation's teams and services by id and tells other modules
 * what happened through its events ({@link nl.stadskompas.cases.CaseRegistered},
 * {@link nl.stadskompas.cases.CaseStatusChanged}, {@link nl.stadskompas.cases.CaseDelayed},
 * {@link nl.stadskompas.cases.CaseClosed}) and {@link nl.stadskompas.cases.CaseTracking}. Other modules use
 * those, {@link nl.stadskompas.cases.WorkingDayCalendar}, and {@link nl.stadskompas.cases.CaseHandling} to
 * open a case for what reached them first (a ZGW notification, a feedback card); the other public services
 * serve this module's own pages and API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cases")
package nl.stadskompas.cases;
