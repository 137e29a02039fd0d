// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.framework;

/**
 * The unit of a norm's threshold.
 */
public enum NormUnit {
    WORKING_DAYS, CALENDAR_DAYS, HOURS, MINUTES, SECONDS, WEEKS, PERCENT;

    /** The message key of the unit as users read it. */
    public String messageKey() {
        return "framework.unit." + name();
    }
}
