// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.organisation;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What a user fills in for a team.
 *
 * @param name unique within the organisation
 * @param domainId the domain the team belongs to, or {@code null} for none
 * @param description may be empty
 * @param coreTasks what the team is there for, one sentence each; empty entries are left out
 */
public record TeamDetails(String name, UUID domainId, String description, List<String> coreTasks) {

    public TeamDetails {
        coreTasks = coreTasks == null ? List.of() : coreTasks.stream().filter(Objects::nonNull).toList();
    }
}
