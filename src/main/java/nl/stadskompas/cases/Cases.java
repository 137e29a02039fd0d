// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.cases;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

/**
 * All cases of all tenants; every lookup names the tenant.
 */
interface Cases extends ListCrudRepository<Case, UUID> {

    Optional<Case> findByTenantIdAndId(UUID tenantId, UUID id);

    Optional<Case> findByTenantIdAndReference(UUID tenantId, String reference);

    List<Case> findByTenantIdAndClosedAtIsNull(UUID tenantId);

    List<Case> findByTenantIdAndOwnerTeamIdAndClosedAtIsNull(UUID tenantId, UUID ownerTeamId);

    List<Case> findByTenantIdAndKindAndClosedAtIsNull(UUID tenantId, CaseKind kind);
}
