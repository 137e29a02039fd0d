// SPDX-License-Identifier: EUPL-1.2
/**
 * Journeys ("klantreizen"): clusters and journeys with phases and steps, personas and segments, pain
 * points and insights, opportunities tied to promises, and lived journeys beside the designed one.
 * It reads teams and services from the organisation module and promises from the framework module,
 * gets survey scores for steps through its {@code spi} from whichever module holds surveys, reads
 * KPI figures for a step's service and channel from the insights module, and offers every journey to
 * the insights dashboard as a filter through insights' {@code spi.KpiScopes}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Journeys")
package nl.stadskompas.journeys;
