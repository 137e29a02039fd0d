// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.framework;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

/**
 * The frameworks, one per tenant.
 */
interface Frameworks extends ListCrudRepository<Framework, UUID> {

    Optional<Framework> findByTenantId(UUID tenantId);
}
