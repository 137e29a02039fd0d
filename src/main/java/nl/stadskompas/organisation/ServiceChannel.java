// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.organisation;

import org.springframework.data.relational.core.mapping.Table;

/** A channel through which a service is offered. */
@Table("org_service_channel")
record ServiceChannel(Channel channel) {
}
