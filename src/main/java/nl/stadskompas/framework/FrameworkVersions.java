// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.framework;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

/**
 * Framework versions with their content. Every lookup names the tenant.
 */
interface FrameworkVersions extends ListCrudRepository<FrameworkVersion, UUID> {

    Optional<FrameworkVersion> findByIdAndTenantId(UUID id, UUID tenantId);
}
