// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.framework;

import java.math.BigDecimal;
import java.util.UUID;

import org.springframework.data.relational.core.mapping.Table;

/**
 * A norm or work agreement, stated so that it can be measured: "we call back within 2 working days
 * in 90% of cases".
 *
 * @param code stable code within the version, for example {@code N4}
 * @param name short name
 * @param measure what is measured, in plain words
 * @param threshold the limit, greater than 0 (at most 100 for {@link NormUnit#PERCENT})
 * @param unit the unit of the threshold
 * @param targetPercent the share of cases that should stay within the threshold, or null
 * @param scope whom the norm applies to
 * @param scopeId the team or service id for a team or service norm; null for the organisation, and
 *        also null for an imported norm whose team or service is not linked yet
 * @param scopeName the team or service name for a team or service norm
 */
@Table("fw_norm")
public record Norm(String code, String name, String measure, BigDecimal threshold, NormUnit unit,
        BigDecimal targetPercent, NormScope scope, UUID scopeId, String scopeName) {

    public Norm {
        threshold = tidy(threshold);
        targetPercent = tidy(targetPercent);
    }

    /** Whether a team or service norm still waits for its team or service to be chosen. */
    public boolean unlinked() {
        return scope != null && scope != NormScope.ORGANISATION && scopeId == null;
    }

    /** 2.00 becomes 2, so that numbers read the same in pages, files and the API. */
    static BigDecimal tidy(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
