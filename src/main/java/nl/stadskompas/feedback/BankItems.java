// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

/**
 * The stored questions of the banks. Every lookup names the tenant.
 */
interface BankItems extends ListCrudRepository<BankItem, UUID> {

    List<BankItem> findByTenantId(UUID tenantId);

    Optional<BankItem> findByTenantIdAndKey(UUID tenantId, String key);
}
