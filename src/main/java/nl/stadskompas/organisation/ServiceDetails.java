// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.organisation;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What a user fills in for a service.
 *
 * @param name unique within the organisation
 * @param description may be empty
 * @param ownerTeamId the team that owns the service; required
 * @param municipalityIds where the service is offered; municipalities of the same organisation
 * @param channels through which the service is offered
 * @param keywords words people use when they look for the service; a keyword with commas counts as several
 */
public record ServiceDetails(String name, String description, UUID ownerTeamId, Set<UUID> municipalityIds,
        Set<Channel> channels, List<String> keywords) {

    public ServiceDetails {
        municipalityIds = municipalityIds == null ? Set.of()
                : municipalityIds.stream().filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
        channels = channels == null ? Set.of()
                : channels.stream().filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
        keywords = keywords == null ? List.of() : keywords.stream().filter(Objects::nonNull).toList();
    }
}
