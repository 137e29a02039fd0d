// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.framework;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A norm as a page or API client gives it: its team or service by id, which the framework looks up
 * in the organisation.
 *
 * @param code the code for a new norm; ignored when a norm is changed
 * @param scopeId the team id for a team norm, the service id for a service norm, else null
 */
public record NormInput(String code, String name, String measure, BigDecimal threshold, NormUnit unit,
        BigDecimal targetPercent, NormScope scope, UUID scopeId) {
}
