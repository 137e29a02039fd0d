// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.organisation;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

/**
 * The domains of the organisations.
 * Look items up together with their tenant, never by id alone.
 */
interface Domains extends ListCrudRepository<Domain, UUID> {

    List<Domain> findByTenantId(UUID tenantId);

    Optional<Domain> findByIdAndTenantId(UUID id, UUID tenantId);

    /** Whether another item of the tenant has this name, ignoring case (the index only sees exact duplicates). */
    @Query("SELECT COUNT(*) FROM org_domain WHERE tenant_id = :tenantId AND LOWER(name) = LOWER(:name) AND id <> :id")
    int countOthersNamed(@Param("tenantId") UUID tenantId, @Param("name") String name, @Param("id") UUID id);
}
