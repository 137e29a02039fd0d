// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

/**
 * Questionnaire versions with their questions. Every lookup names the tenant.
 */
interface QuestionnaireVersions extends ListCrudRepository<QuestionnaireVersion, UUID> {

    Optional<QuestionnaireVersion> findByIdAndTenantId(UUID id, UUID tenantId);

    List<QuestionnaireVersion> findByQuestionnaireIdAndTenantIdOrderByNumberDesc(UUID questionnaireId, UUID tenantId);
}
