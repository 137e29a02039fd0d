// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

/**
 * Questionnaires. Every lookup names the tenant; the one by public id that the public response
 * pages use is plain SQL in {@link QuestionnaireEditing#byPublicId}.
 */
interface Questionnaires extends ListCrudRepository<Questionnaire, UUID> {

    Optional<Questionnaire> findByIdAndTenantId(UUID id, UUID tenantId);

    List<Questionnaire> findByTenantIdOrderByName(UUID tenantId);

    List<Questionnaire> findByTenantIdAndBaseId(UUID tenantId, UUID baseId);
}
