// SPDX-License-Identifier: EUPL-1.2
/**
 * Extension point of the journeys module: a module that holds questionnaires contributes the
 * questions a step can be linked to and their current scores, so that journeys never imports it.
 */
@org.springframework.modulith.NamedInterface("spi")
package nl.stadskompas.journeys.spi;
