// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.framework;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test set-up: teams and services of a tenant, written straight into the organisation module's
 * tables because its own pages are built elsewhere. Production code never does this.
 */
final class FrameworkTestOrganisation {

    private FrameworkTestOrganisation() {
    }

    static UUID team(JdbcClient jdbc, UUID tenantId, String name) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO org_team (id, tenant_id, name, version) VALUES (:id, :t, :n, 0)")
                .param("id", id).param("t", tenantId).param("n", name).update();
        return id;
    }

    static UUID service(JdbcClient jdbc, UUID tenantId, String name, UUID ownerTeam) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO org_service (id, tenant_id, name, owner_team_id, version) VALUES (:id, :t, :n, :o, 0)")
                .param("id", id).param("t", tenantId).param("n", name).param("o", ownerTeam).update();
        return id;
    }
}
