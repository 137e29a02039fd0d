// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.organisation;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.cache.annotation.Cacheable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may know of a tenant's teams, services and municipalities: their ids and
 * names. Every lookup is limited to one tenant.
 */
@Service
@Transactional(readOnly = true)
public class OrganisationCatalogue {

    private final JdbcClient jdbc;

    OrganisationCatalogue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<TeamReference> teams(UUID tenantId) {
        return jdbc.sql("SELECT id, name FROM org_team WHERE tenant_id = :t ORDER BY name")
                .param("t", tenantId).query(TeamReference.class).list();
    }

    public Optional<TeamReference> team(UUID tenantId, UUID teamId) {
        return jdbc.sql("SELECT id, name FROM org_team WHERE tenant_id = :t AND id = :id")
                .param("t", tenantId).param("id", teamId).query(TeamReference.class).optional();
    }

    /** The team with this name, ignoring case and surrounding spaces. */
    public Optional<TeamReference> teamNamed(UUID tenantId, String name) {
        return jdbc.sql("SELECT id, name FROM org_team WHERE tenant_id = :t AND LOWER(name) = LOWER(:n)")
                .param("t", tenantId).param("n", name == null ? "" : name.trim())
                .query(TeamReference.class).optional();
    }

    public List<ServiceReference> services(UUID tenantId) {
        return jdbc.sql("SELECT id, name, owner_team_id FROM org_service WHERE tenant_id = :t ORDER BY name")
                .param("t", tenantId).query(ServiceReference.class).list();
    }

    /** From memory for a short while (ADR 0409). */
    @Cacheable(OrganisationCaches.SERVICES)
    public Optional<ServiceReference> service(UUID tenantId, UUID serviceId) {
        return jdbc.sql("SELECT id, name, owner_team_id FROM org_service WHERE tenant_id = :t AND id = :id")
                .param("t", tenantId).param("id", serviceId).query(ServiceReference.class).optional();
    }

    /** The service with this name, ignoring case and surrounding spaces. */
    public Optional<ServiceReference> serviceNamed(UUID tenantId, String name) {
        return jdbc.sql("SELECT id, name, owner_team_id FROM org_service WHERE tenant_id = :t AND LOWER(name) = LOWER(:n)")
                .param("t", tenantId).param("n", name == null ? "" : name.trim())
                .query(ServiceReference.class).optional();
    }

    /** From memory for a short while (ADR 0409). */
    @Cacheable(OrganisationCaches.MUNICIPALITIES)
    public List<MunicipalityReference> municipalities(UUID tenantId) {
        return jdbc.sql("SELECT id, name FROM org_municipality WHERE tenant_id = :t ORDER BY name")
                .param("t", tenantId).query(MunicipalityReference.class).list();
    }

    /** A team as other modules see it. */
    public record TeamReference(UUID id, String name) {
    }

    /** A service as other modules see it. */
    public record ServiceReference(UUID id, String name, UUID ownerTeamId) {
    }

    /** A municipality the organisation serves. */
    public record MunicipalityReference(UUID id, String name) {
    }
}
