// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.zgw;

import java.time.Instant;
import java.util.UUID;

/**
 * A tenant's connection to its case system, secrets included: only for this module's own use.
 *
 * @param callbackToken what the Notificaties API must send in the Authorization header
 */
record Connection(UUID tenantId, String zakenUrl, String catalogiUrl, String notificatiesUrl, String clientId,
        String clientSecret, String callbackToken, String abonnementUrl, Instant abonnementAt) {

    /** Whether the URL is a resource of the given API (its base URL followed by a path). */
    static boolean isUnder(String url, String base) {
        if (url == null || base == null) {
            return false;
        }
        String prefix = base.endsWith("/") ? base : base + "/";
        return url.startsWith(prefix) && !url.substring(prefix.length()).contains("..");
    }

    static String join(String base, String path) {
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }
}
