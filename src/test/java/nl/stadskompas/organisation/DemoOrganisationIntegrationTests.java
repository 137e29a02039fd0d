// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import nl.stadskompas.support.TestData;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The demo organisation: loaded exactly as described, once, and never changed by a second start.
 * The tests load it under a short name of their own, so they do not depend on whether the
 * database already holds the real demo.
 */
@SpringBootTest
class DemoOrganisationIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    OrganisationRegistry registry;

    @Autowired
    OrganisationStructure structure;

    @Autowired
    OrganisationCatalogue catalogue;

    @Autowired
    JdbcClient jdbc;

    private DemoOrganisation loader() {
        return new DemoOrganisation(registry, structure, context.getBean(PlatformTransactionManager.class));
    }

    @Test
    void isOffInTestsAndWhenNotAskedFor() {
        assertThat(context.getBeansOfType(DemoOrganisation.class)).isEmpty();
    }

    @Test
    void loadsTheTwoTownsTheirDomainsTeamsAndServices() {
        String slug = TestData.unique("demo");
        assertThat(loader().load(slug)).isTrue();
        Organisation demo = registry.findBySlug(slug).orElseThrow();
        UUID tenant = demo.id();
        assertThat(demo.name()).isEqualTo("Werkorganisatie De Twee Oevers");
        assertThat(structure.municipalities(tenant)).extracting(Municipality::name)
                .containsExactly("Gemeente Oeverdam", "Gemeente Rietvelde");
        assertThat(structure.municipalities(tenant)).allSatisfy(m -> assertThat(m.cbsCode()).isEmpty());
        assertThat(structure.domains(tenant)).extracting(Domain::name).containsExactlyInAnyOrder("Klantcontact",
                "Publiekszaken", "Sociaal domein", "Ruimte en omgeving", "Belastingen en financiën",
                "Economie en ondernemen");
        Map<UUID, String> domains = structure.domains(tenant).stream()
                .collect(Collectors.toMap(Domain::id, Domain::name));
        Map<String, String> teamDomains = structure.teams(tenant).stream()
                .collect(Collectors.toMap(Team::name, t -> domains.get(t.domainId().orElseThrow())));
        assertThat(teamDomains).containsExactlyInAnyOrderEntriesOf(Map.of(
                "Klantcontactcentrum", "Klantcontact", "Burgerzaken", "Publiekszaken",
                "Vergunningen en toezicht", "Ruimte en omgeving", "Openbare ruimte", "Ruimte en omgeving",
                "Belastingen", "Belastingen en financiën", "Werk en inkomen", "Sociaal domein",
                "Zorg en ondersteuning", "Sociaal domein", "Geldzaken en schulden", "Sociaal domein",
                "Ondernemersloket", "Economie en ondernemen"));
        assertThat(structure.teams(tenant)).allSatisfy(t -> assertThat(t.coreTasks()).hasSizeBetween(2, 4));

        Map<String, List<String>> servicesByTeam = Map.of(
                "Burgerzaken", List.of("Paspoort aanvragen", "Identiteitskaart aanvragen", "Rijbewijs verlengen",
                        "Verhuizing doorgeven", "Geboorte aangeven", "Uittreksel uit de basisregistratie"),
                "Vergunningen en toezicht", List.of("Omgevingsvergunning aanvragen", "Evenementenvergunning aanvragen"),
                "Openbare ruimte", List.of("Melding openbare ruimte", "Grofvuil laten ophalen"),
                "Belastingen", List.of("Bezwaar tegen de WOZ-waarde", "Kwijtschelding gemeentelijke belastingen",
                        "Betalingsregeling belastingen"),
                "Werk en inkomen", List.of("Bijstandsuitkering aanvragen", "Individuele inkomenstoeslag"),
                "Zorg en ondersteuning", List.of("Wmo-ondersteuning aanvragen"),
                "Geldzaken en schulden", List.of("Hulp bij geldzorgen"),
                "Ondernemersloket", List.of("Advies bij het starten van een bedrijf", "Terrasvergunning aanvragen"),
                "Klantcontactcentrum", List.of("Klacht indienen", "Terugbelverzoek"));
        assertThat(catalogue.services(tenant)).hasSize(21);
        servicesByTeam.forEach((team, services) -> {
            UUID teamId = catalogue.teamNamed(tenant, team).orElseThrow().id();
            assertThat(structure.servicesOwnedBy(tenant, teamId)).extracting(Service::name)
                    .as(team).containsExactlyInAnyOrderElementsOf(services);
        });
        List<Service> services = structure.services(tenant);
        assertThat(services).allSatisfy(s -> {
            assertThat(s.municipalityIds()).as(s.name()).hasSize(2);
            assertThat(s.channels()).as(s.name()).isNotEmpty();
        });
        Service passport = structure.service(tenant, catalogue.serviceNamed(tenant, "Paspoort aanvragen").orElseThrow().id());
        assertThat(passport.channels()).containsExactly(Channel.ONLINE, Channel.DESK);
        Service complaint = structure.service(tenant, catalogue.serviceNamed(tenant, "Klacht indienen").orElseThrow().id());
        assertThat(complaint.channels()).containsExactly(Channel.ONLINE, Channel.PHONE, Channel.EMAIL, Channel.POST);
    }

    @Test
    void aSecondRunChangesNothing() {
        String slug = TestData.unique("demo");
        assertThat(loader().load(slug)).isTrue();
        UUID tenant = registry.findBySlug(slug).orElseThrow().id();
        List<Map<String, Object>> before = snapshot(tenant);
        assertThat(loader().load(slug)).isFalse();
        assertThat(snapshot(tenant)).isEqualTo(before);
        assertThat(registry.all()).filteredOn(o -> o.slug().equals(slug)).hasSize(1);
    }

    @Test
    void leavesAnExistingDemoOrganisationAsItIs() {
        String slug = TestData.unique("demo");
        UUID tenant = registry.register(slug, "Zelf aangepast", null).id();
        assertThat(loader().load(slug)).isFalse();
        assertThat(registry.nameOf(tenant)).isEqualTo("Zelf aangepast");
        assertThat(structure.teams(tenant)).isEmpty();
    }

    @Test
    void theRunnerLoadsTheDemoUnderItsOwnShortNameOnce() throws Exception {
        loader().run(new DefaultApplicationArguments());
        UUID demo = registry.findBySlug(OrganisationRegistry.DEMO_SLUG).orElseThrow().id();
        List<Map<String, Object>> before = snapshot(demo);
        loader().run(new DefaultApplicationArguments());
        assertThat(snapshot(demo)).isEqualTo(before);
        assertThat(catalogue.teamNamed(demo, "Burgerzaken")).isPresent();
    }

    /** Every row of the organisation with its version, so that any change shows. */
    private List<Map<String, Object>> snapshot(UUID tenant) {
        return jdbc.sql("""
                SELECT 'municipality' AS kind, id, name, version FROM org_municipality WHERE tenant_id = :t
                UNION ALL SELECT 'domain', id, name, version FROM org_domain WHERE tenant_id = :t
                UNION ALL SELECT 'team', id, name, version FROM org_team WHERE tenant_id = :t
                UNION ALL SELECT 'service', id, name, version FROM org_service WHERE tenant_id = :t
                ORDER BY kind, name
                """).param("t", tenant).query().listOfRows();
    }
}
