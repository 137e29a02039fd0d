// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import nl.stadskompas.organisation.Organisation;
import nl.stadskompas.organisation.OrganisationRegistry;
import nl.stadskompas.support.TestData;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo framework: a valid file that becomes published version 1.0 of the demo organisation,
 * with its norms linked to the demo teams and services, loaded only once.
 */
@SpringBootTest
class FrameworkDemoDataIntegrationTests {

    static final List<String> TEAMS = List.of("Klantcontactcentrum", "Burgerzaken");
    static final List<String> SERVICES = List.of("Paspoort aanvragen", "Omgevingsvergunning aanvragen",
            "Melding openbare ruimte", "Bijstandsuitkering aanvragen");

    @Autowired
    ApplicationContext context;

    @Autowired
    FrameworkEditing editing;

    @Autowired
    FrameworkExchange exchange;

    @Autowired
    OrganisationRegistry organisations;

    @Autowired
    JdbcClient jdbc;

    @Test
    void demoFileIsValidAndAsLargeAsARealFramework() {
        FrameworkFile.Reading reading = FrameworkFile.read(FrameworkDemoData.demoFile());
        assertThat(reading.problems()).isEmpty();
        FrameworkContent content = reading.content();
        assertThat(content.name()).isEqualTo("Dienstverleningskader De Twee Oevers");
        assertThat(content.coreValues()).hasSize(4);
        assertThat(content.promises()).hasSize(6)
                .allSatisfy(p -> assertThat(p.needs().size()).isBetween(3, 4))
                .allSatisfy(p -> assertThat(p.means()).isNotEmpty())
                .allSatisfy(p -> assertThat(p.doesNotMean()).isNotEmpty());
        assertThat(content.statements()).hasSize(8);
        assertThat(content.aspects()).hasSize(27);
        assertThat(content.norms()).hasSizeBetween(8, 12);
    }

    @Test
    void loadsPublishedVersionOneWithLinkedNormsOnlyOnce() {
        Organisation tenant = TestData.of(context).tenant();
        organisationLike(tenant.id());
        FrameworkDemoData loader = new FrameworkDemoData(organisations, editing, exchange);

        loader.load(tenant.id());
        loader.load(tenant.id());

        assertThat(editing.history(tenant.id())).singleElement()
                .satisfies(v -> assertThat(v.label()).isEqualTo("1.0"));
        FrameworkVersion version = editing.latestPublished(tenant.id()).orElseThrow();
        assertThat(version.publishedByName()).isEqualTo("stadskompas");
        assertThat(version.norms()).noneMatch(Norm::unlinked);
        Norm passport = version.norms().stream().filter(n -> "Paspoort klaar".equals(n.name())).findFirst().orElseThrow();
        assertThat(passport.scope()).isEqualTo(NormScope.SERVICE);
        assertThat(passport.scopeName()).isEqualTo("Paspoort aanvragen");
        assertThat(passport.threshold()).isEqualByComparingTo("5");
        assertThat(passport.unit()).isEqualTo(NormUnit.WORKING_DAYS);
    }

    /** The demo teams and services the norms name, as the organisation module's demo loader makes them. */
    private void organisationLike(UUID tenantId) {
        for (String team : TEAMS) {
            if (jdbc.sql("SELECT COUNT(*) FROM org_team WHERE tenant_id = :t AND name = :n").param("t", tenantId)
                    .param("n", team).query(Long.class).single() == 0) {
                FrameworkTestOrganisation.team(jdbc, tenantId, team);
            }
        }
        for (String service : SERVICES) {
            if (jdbc.sql("SELECT COUNT(*) FROM org_service WHERE tenant_id = :t AND name = :n").param("t", tenantId)
                    .param("n", service).query(Long.class).single() == 0) {
                FrameworkTestOrganisation.service(jdbc, tenantId, service, null);
            }
        }
    }
}
