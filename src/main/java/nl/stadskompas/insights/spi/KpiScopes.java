// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.insights.spi;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Named parts of the organisation that the KPI dashboard can be filtered by, contributed by other
 * modules (journeys: one scope per journey). A scope is a set of services, narrowed by channels and
 * teams, so that insights can restrict its roll-ups without knowing where the scope comes from.
 * <p>
 * A figure belongs to a scope when its service is one of the scope's services and, when the scope
 * names channels, its channel is one of them, and, when the scope names teams, its team is one of
 * them. A scope without services holds nothing.
 */
public interface KpiScopes {

    /** The scopes of the tenant. Ids are unique across contributors. */
    List<Scope> scopes(UUID tenantId);

    /**
     * A named set of services, channels and teams.
     *
     * @param id a stable id, such as the journey's id
     * @param serviceIds the services (organisation module ids)
     * @param channels channel codes ({@code ONLINE}, {@code DESK}...); empty means any channel
     * @param teamIds teams (organisation module ids); empty means any team
     */
    record Scope(String id, String labelNl, String labelEn, Set<UUID> serviceIds, Set<String> channels,
            Set<UUID> teamIds) {

        public Scope {
            serviceIds = serviceIds == null ? Set.of() : Set.copyOf(serviceIds);
            channels = channels == null ? Set.of() : Set.copyOf(channels);
            teamIds = teamIds == null ? Set.of() : Set.copyOf(teamIds);
        }

        public String label(Locale locale) {
            return "en".equals(locale.getLanguage()) && labelEn != null && !labelEn.isBlank() ? labelEn : labelNl;
        }
    }
}
