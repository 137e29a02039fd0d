// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.organisation;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

/**
 * All organisations (tenants).
 */
interface Organisations extends ListCrudRepository<Organisation, UUID> {

    Optional<Organisation> findBySlug(String slug);

    List<Organisation> findAllByOrderByName();
}
