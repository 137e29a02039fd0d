// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.cases;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

/**
 * All case types of all tenants; every lookup names the tenant.
 */
interface CaseTypes extends ListCrudRepository<CaseType, UUID> {

    List<CaseType> findByTenantIdOrderByName(UUID tenantId);

    Optional<CaseType> findByTenantIdAndId(UUID tenantId, UUID id);

    Optional<CaseType> findByTenantIdAndName(UUID tenantId, String name);
}
