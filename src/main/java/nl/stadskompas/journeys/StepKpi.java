// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.journeys;

import java.util.UUID;

/**
 * The current figure of a KPI linked to a step, for the step's service and channel (null: all), in
 * the current quarter. A suppressed figure carries neither value nor count.
 *
 * @param unit the KPI's unit ({@code SCORE}, {@code SHARE}, {@code DAYS}, {@code COUNT})
 * @param period the period code ({@code 2026-Q4})
 * @param value the figure as people read it (a share in percent), or null when there is none or it is suppressed
 * @param suppressed true when it rests on fewer observations than the minimum group
 * @param n the observations it rests on, or null when not shown
 * @param target the target that applies (as people read it), or null when there is none
 * @param targetMet whether the figure reaches the target, or null when either is missing
 * @param text the whole figure in words, for pages and tables
 * @param brief a short form for the drawing ("Rapportcijfer: 7,0 (doel 7,5)")
 */
public record StepKpi(UUID kpiId, String name, String unit, String period, UUID serviceId, String channel, Double value,
        boolean suppressed, Long n, Double target, Boolean targetMet, String text, String brief) {
}
