// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.journeys;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import nl.stadskompas.insights.spi.KpiScopes;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every journey as a part of the organisation the KPI dashboard can be filtered by: the services the
 * journey involves and those linked to its steps, the channels of its steps and the teams that own
 * its steps. The designed journey as it is now counts, not a published version, so the filter
 * follows the map people see.
 */
@Component
class JourneyKpiScopes implements KpiScopes {

    private final JourneyStore store;

    JourneyKpiScopes(JourneyStore store) {
        this.store = store;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Scope> scopes(UUID tenantId) {
        return store.journeys(tenantId).stream().map(JourneyKpiScopes::scope).toList();
    }

    static Scope scope(Journey journey) {
        JourneyContent content = journey.content();
        Set<UUID> services = new LinkedHashSet<>(content.serviceIds());
        Set<String> channels = new LinkedHashSet<>();
        Set<UUID> teams = new LinkedHashSet<>();
        for (JourneyContent.Step step : content.steps()) {
            if (step.serviceId() != null) {
                services.add(step.serviceId());
            }
            if (step.channel() != null && !step.channel().isBlank()) {
                channels.add(step.channel());
            }
            if (step.ownerTeamId() != null) {
                teams.add(step.ownerTeamId());
            }
        }
        services.removeIf(Objects::isNull);
        return new Scope(journey.id().toString(), journey.name(), null, services, channels, teams);
    }
}
