// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.cases;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

/**
 * The requesters of cases; the id is the case's id.
 */
interface Requesters extends ListCrudRepository<Requester, UUID> {

    Optional<Requester> findByTenantIdAndId(UUID tenantId, UUID id);
}
