// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.organisation;

import org.springframework.data.relational.core.mapping.Table;

/**
 * One thing a team is there for, in plain words ("helps residents who fall behind on payments").
 */
@Table("org_team_core_task")
record CoreTask(String description) {
}
