// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.framework.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

import nl.stadskompas.framework.FrameworkVersion;
import nl.stadskompas.framework.NormScope;
import nl.stadskompas.framework.NormUnit;

/**
 * A framework version as the pages show it: dates written out and each norm with the current name
 * of its team or service.
 */
record VersionView(FrameworkVersion version, String createdAt, String publishedAt, List<NormView> norms) {

    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    static String date(Instant instant, Locale locale) {
        return instant == null ? null
                : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(locale)
                        .format(instant.atZone(ZONE));
    }

    /** A norm with what a reader needs: "2 working days, in 90% of cases, team Klantcontactcentrum". */
    record NormView(String code, String name, String measure, String threshold, NormUnit unit, BigDecimal targetPercent,
            NormScope scope, String scopeName, boolean unlinked) {

        public String targetText() {
            return targetPercent == null ? null : targetPercent.toPlainString();
        }
    }
}
