// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.cases;

import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

/**
 * The contact details of each tenant.
 */
interface ContactSettingsRepository extends ListCrudRepository<ContactSettings, UUID> {
}
