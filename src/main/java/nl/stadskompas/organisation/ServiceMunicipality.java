// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.organisation;

import java.util.UUID;

import org.springframework.data.relational.core.mapping.Table;

/** A municipality where a service is offered. */
@Table("org_service_municipality")
record ServiceMunicipality(UUID municipalityId) {
}
