// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.framework;

/**
 * Whom a norm applies to: the whole organisation, one team, or one service.
 */
public enum NormScope {
    ORGANISATION, TEAM, SERVICE;

    public String messageKey() {
        return "framework.scope." + name();
    }
}
