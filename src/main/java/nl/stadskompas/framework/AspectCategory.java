// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.framework;

/**
 * The kind of service aspect a satisfaction survey asks about.
 */
public enum AspectCategory {
    REACHABILITY, TREATMENT, INFORMATION, SPEED, EASE, OUTCOME, PRIVACY;

    public String messageKey() {
        return "framework.category." + name();
    }
}
