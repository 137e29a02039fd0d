// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

/**
 * Questionnaires. Every lookup names the tenant, except the one by public id that the public
 * response pages use.
 */
interface Questionnaires extends ListCrudRepository<Questionnaire, UUID> {

    Optional<Questionnaire> findByIdAndTenantId(UUID id, UUID tenantId);

    Optional<Questionnaire> findByPublicId(String publicId);

    List<Questionnaire> findByTenantIdOrderByName(UUID tenantId);

    List<Questionnaire> findByTenantIdAndBaseId(UUID tenantId, UUID baseId);
}
