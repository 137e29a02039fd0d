// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import nl.stadskompas.organisation.OrganisationCatalogue.ServiceReference;
import nl.stadskompas.platform.Role;
import nl.stadskompas.support.TestData;
import nl.stadskompas.support.TestData.User;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The organisation pages as an employee uses them: the overview, the forms with their messages,
 * removing, the directory, and what a viewer or another organisation may not do.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OrganisationPagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    OrganisationStructure structure;

    @Autowired
    OrganisationCatalogue catalogue;

    TestData data;
    SampleOrganisation sample;
    User advisor;
    User viewer;

    @BeforeEach
    void setUp() {
        data = TestData.of(context);
        Organisation tenant = data.tenant();
        sample = SampleOrganisation.in(structure, tenant.id());
        advisor = data.user(tenant, Role.ADVISOR);
        viewer = data.user(tenant, Role.VIEWER);
    }

    @Test
    void theOverviewShowsMunicipalitiesDomainsTeamsAndServicesWithChannelsByGroup() throws Exception {
        mvc.perform(get("/organisation").with(viewer.signedIn()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("Gemeente Noordwaard"), containsString("(CBS GM0001)"),
                        containsString("Publiekszaken"), containsString("Burgerzaken"),
                        containsString("Maakt paspoorten en identiteitskaarten."),
                        containsString("Paspoort aanvragen"), containsString(">Klik</th>"),
                        containsString(">Face</th>"), containsString("Balie"), containsString("WhatsApp"),
                        containsString("Gemeente Noordwaard, Gemeente Zuidwaard"))))
                // A viewer reads, but is offered nothing to change.
                .andExpect(content().string(not(containsString("/organisation/teams/new"))))
                .andExpect(content().string(not(containsString("/admin/organisations"))));
        mvc.perform(get("/organisation").with(advisor.signedIn()))
                .andExpect(content().string(containsString("/organisation/teams/new")));
    }

    @Test
    void theMenuOffersTheOverviewAndTheDirectoryToReaders() throws Exception {
        mvc.perform(get("/").with(viewer.signedIn()))
                .andExpect(content().string(allOf(containsString("href=\"/organisation\""),
                        containsString("href=\"/directory\""), containsString("Wie doet wat"))));
    }

    @Test
    void anAdvisorAddsATeamWithCoreTasksOnePerLine() throws Exception {
        mvc.perform(get("/organisation/teams/new").with(advisor.signedIn()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Sociaal domein")));
        mvc.perform(post("/organisation/teams/new").with(advisor.signedIn()).with(csrf())
                        .param("name", "Zorg en ondersteuning").param("domainId", sample.social().id().toString())
                        .param("description", "")
                        .param("coreTasks", "Voert gesprekken met inwoners.\r\n\r\nRegelt hulp in het huishouden.\n"))
                .andExpect(redirectedUrlPattern("/organisation/teams/*"));
        UUID id = catalogue.teamNamed(sample.tenantId(), "Zorg en ondersteuning").orElseThrow().id();
        Team team = structure.team(sample.tenantId(), id);
        assertThat(team.coreTasks()).containsExactly("Voert gesprekken met inwoners.", "Regelt hulp in het huishouden.");
        assertThat(team.domainId()).contains(sample.social().id());
        mvc.perform(get("/organisation/teams/" + id).with(viewer.signedIn()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Domein: Sociaal domein"),
                        containsString("Regelt hulp in het huishouden."))));
    }

    @Test
    void anAdvisorEditsAServiceThroughTheForm() throws Exception {
        String path = "/organisation/services/" + sample.passport().id();
        mvc.perform(get(path + "/edit").with(advisor.signedIn()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("value=\"Paspoort aanvragen\""),
                        containsString("value=\"reisdocument\""), containsString("Klik: schriftelijk"))));
        mvc.perform(post(path + "/edit").with(advisor.signedIn()).with(csrf())
                        .param("name", "Paspoort of ID-kaart aanvragen").param("description", "Op afspraak.")
                        .param("ownerTeamId", sample.civilAffairs().id().toString())
                        .param("municipalityIds", sample.south().id().toString())
                        .param("channels", "DESK").param("channels", "VIDEO")
                        .param("keywords", "reisdocument, legitimatie"))
                .andExpect(redirectedUrl(path));
        Service service = structure.service(sample.tenantId(), sample.passport().id());
        assertThat(service.name()).isEqualTo("Paspoort of ID-kaart aanvragen");
        assertThat(service.channels()).containsExactly(Channel.DESK, Channel.VIDEO);
        assertThat(service.municipalityIds()).containsExactly(sample.south().id());
        assertThat(service.keywords()).containsExactly("reisdocument", "legitimatie");
        mvc.perform(get(path).with(viewer.signedIn()))
                .andExpect(content().string(allOf(containsString("Videobellen"), containsString("Gemeente Zuidwaard"),
                        containsString("reisdocument, legitimatie"))));
    }

    @Test
    void unticingEveryChannelLeavesTheServiceWithoutChannels() throws Exception {
        mvc.perform(post("/organisation/services/" + sample.passport().id() + "/edit").with(advisor.signedIn())
                        .with(csrf()).param("name", "Paspoort aanvragen")
                        .param("ownerTeamId", sample.civilAffairs().id().toString())
                        .param("_channels", "on").param("_municipalityIds", "on"))
                .andExpect(status().is3xxRedirection());
        Service service = structure.service(sample.tenantId(), sample.passport().id());
        assertThat(service.channels()).isEmpty();
        assertThat(service.municipalityIds()).isEmpty();
    }

    @Test
    void wrongOrMissingValuesGetPlainFieldMessagesAndChangeNothing() throws Exception {
        String path = "/organisation/services/" + sample.passport().id() + "/edit";
        mvc.perform(post(path).with(advisor.signedIn()).with(csrf())
                        .param("name", "").param("ownerTeamId", sample.money().id().toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"name-error\">Vul dit veld in.")));
        mvc.perform(post(path).with(advisor.signedIn()).with(csrf())
                        .param("name", "Hulp bij geldzorgen").param("ownerTeamId", "")
                        .param("channels", "FAX").param("municipalityIds", UUID.randomUUID().toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"channels-error\">Deze waarde klopt niet.")))
                .andExpect(content().string(not(containsString("Exception"))));
        mvc.perform(post(path).with(advisor.signedIn()).with(csrf())
                        .param("name", "hulp bij GELDZORGEN").param("ownerTeamId", "")
                        .param("municipalityIds", UUID.randomUUID().toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("id=\"name-error\">Er is al een dienst met deze naam."),
                        containsString("id=\"ownerTeamId-error\">Kies het team dat deze dienst uitvoert."),
                        containsString("id=\"municipalityIds-error\">Een gekozen gemeente bestaat niet (meer)."),
                        containsString("Controleer deze velden"))));
        Service unchanged = structure.service(sample.tenantId(), sample.passport().id());
        assertThat(unchanged.name()).isEqualTo("Paspoort aanvragen");
        assertThat(unchanged.ownerTeamId()).isEqualTo(sample.civilAffairs().id());
    }

    @Test
    void aTooLongCoreTaskIsNamedByItsNumber() throws Exception {
        mvc.perform(post("/organisation/teams/" + sample.money().id() + "/edit").with(advisor.signedIn()).with(csrf())
                        .param("name", "Geldzaken en schulden")
                        .param("coreTasks", "Kort.\n" + "x".repeat(501)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Taak 2 is te lang. Gebruik hoogstens 500 tekens per taak.")));
        assertThat(structure.team(sample.tenantId(), sample.money().id()).coreTasks()).hasSize(1);
    }

    @Test
    void anAdvisorAddsAndChangesAMunicipalityAndADomain() throws Exception {
        mvc.perform(post("/organisation/municipalities/new").with(advisor.signedIn()).with(csrf())
                        .param("name", "Gemeente Oostwaard").param("cbsCode", "gm0123"))
                .andExpect(redirectedUrl("/organisation#gemeenten"));
        mvc.perform(post("/organisation/municipalities/new").with(advisor.signedIn()).with(csrf())
                        .param("name", "gemeente oostwaard").param("cbsCode", "12"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Er is al een gemeente met deze naam."),
                        containsString("Een CBS-code heeft 4 cijfers"))));
        mvc.perform(post("/organisation/domains/" + sample.social().id() + "/edit").with(advisor.signedIn())
                        .with(csrf()).param("name", "Zorg en welzijn").param("description", "Alles over zorg."))
                .andExpect(redirectedUrl("/organisation#domeinen"));
        mvc.perform(get("/organisation").with(viewer.signedIn()))
                .andExpect(content().string(allOf(containsString("Gemeente Oostwaard"), containsString("GM0123"),
                        containsString("Zorg en welzijn"), containsString("Alles over zorg."))));
    }

    @Test
    void removingAsksFirstAndRefusesADomainWithTeamsInPlainWords() throws Exception {
        String domain = "/organisation/domains/" + sample.publicAffairs().id() + "/delete";
        mvc.perform(get(domain).with(advisor.signedIn()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Weet u zeker dat u Publiekszaken wilt verwijderen?")));
        mvc.perform(post(domain).with(advisor.signedIn()).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("Dit domein heeft nog teams: Burgerzaken."),
                        containsString("Er is niets veranderd."))));
        assertThat(structure.domains(sample.tenantId())).hasSize(2);
        mvc.perform(post("/organisation/teams/" + sample.money().id() + "/delete").with(advisor.signedIn()).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Dit team heeft nog diensten: Hulp bij geldzorgen.")));
    }

    @Test
    void removingAServiceAndAMunicipality() throws Exception {
        mvc.perform(post("/organisation/services/" + sample.debtHelp().id() + "/delete").with(advisor.signedIn())
                        .with(csrf()))
                .andExpect(redirectedUrl("/organisation#diensten"));
        assertThat(catalogue.services(sample.tenantId())).extracting(ServiceReference::name)
                .containsExactly("Paspoort aanvragen");
        mvc.perform(post("/organisation/municipalities/" + sample.north().id() + "/delete").with(advisor.signedIn())
                        .with(csrf()))
                .andExpect(redirectedUrl("/organisation#gemeenten"));
        assertThat(structure.service(sample.tenantId(), sample.passport().id()).municipalityIds())
                .containsExactly(sample.south().id());
    }

    @Test
    void aViewerCannotOpenOrSendAnyForm() throws Exception {
        mvc.perform(get("/organisation/teams/new").with(viewer.signedIn())).andExpect(status().isForbidden());
        mvc.perform(get("/organisation/services/" + sample.passport().id() + "/edit").with(viewer.signedIn()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/organisation/municipalities/new").with(viewer.signedIn()).with(csrf())
                        .param("name", "Gemeente Stiekem"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/organisation/teams/" + sample.money().id() + "/delete").with(viewer.signedIn()).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(catalogue.municipalities(sample.tenantId())).hasSize(2);
        assertThat(catalogue.teams(sample.tenantId())).hasSize(2);
    }

    @Test
    void unknownIdsAndThoseOfAnotherOrganisationAreNotFound() throws Exception {
        User stranger = data.userInNewTenant(Role.ADMINISTRATOR);
        for (String path : new String[] { "/organisation/teams/" + sample.civilAffairs().id(),
                "/organisation/services/" + sample.passport().id(),
                "/organisation/services/" + sample.passport().id() + "/edit",
                "/organisation/municipalities/" + sample.north().id() + "/edit",
                "/organisation/domains/" + sample.social().id() + "/delete",
                "/organisation/teams/" + UUID.randomUUID() + "/edit", "/organisation/teams/not-an-id" }) {
            mvc.perform(get(path).with(stranger.signedIn()))
                    .andExpect(status().isNotFound())
                    .andExpect(content().string(containsString("Deze pagina bestaat niet")));
        }
        mvc.perform(post("/organisation/services/" + sample.passport().id() + "/edit").with(stranger.signedIn())
                        .with(csrf()).param("name", "Overgenomen"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/organisation/teams/" + sample.money().id() + "/delete").with(stranger.signedIn()).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(structure.service(sample.tenantId(), sample.passport().id()).name()).isEqualTo("Paspoort aanvragen");
        mvc.perform(get("/organisation").with(stranger.signedIn()))
                .andExpect(content().string(not(containsString("Burgerzaken"))));
    }

    @Test
    void theDirectoryFindsTheTeamByTopicAndListsAllTeamsWithoutOne() throws Exception {
        mvc.perform(get("/directory").param("q", "schulden").with(viewer.signedIn()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("1 team gevonden voor \u2018schulden\u2019."),
                        containsString("Geldzaken en schulden"), containsString("Domein: Sociaal domein"),
                        containsString("Hulp bij geldzorgen"), containsString("Bel: "), containsString("WhatsApp"))))
                .andExpect(content().string(not(containsString("Burgerzaken"))));
        mvc.perform(get("/directory").with(viewer.signedIn()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Alle teams van A tot Z"),
                        containsString("id=\"letter-b\""), containsString("id=\"letter-g\""),
                        containsString("Houdt de basisregistratie bij."))));
        mvc.perform(get("/directory").param("q", "zwembad").with(viewer.signedIn()))
                .andExpect(content().string(containsString("We vonden niets.")));
        mvc.perform(get("/directory").param("q", "x".repeat(201)).with(viewer.signedIn()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"q-error\">Gebruik tussen 0 en 200 tekens.")));
    }

    @Test
    void platformAdministratorsRegisterOrganisationsAndBecomeTheirAdministrator() throws Exception {
        mvc.perform(get("/admin/organisations").with(advisor.signedIn())).andExpect(status().isForbidden());
        context.getBean(nl.stadskompas.accounts.AccountManagement.class).makePlatformAdministrator(advisor.id());
        mvc.perform(get("/organisation").with(advisor.signedIn()))
                .andExpect(content().string(containsString("href=\"/admin/organisations\"")));
        String slug = TestData.unique("nieuw");
        mvc.perform(post("/admin/organisations").with(advisor.signedIn()).with(csrf())
                        .param("name", "").param("slug", "Fout!").param("municipalities", "x".repeat(201)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("id=\"name-error\">Vul een naam in van hoogstens 200 tekens."),
                        containsString("id=\"slug-error\">Gebruik 3 tot 60 kleine letters"),
                        containsString("id=\"municipalities-error\">Een naam van een gemeente is te lang."))));
        mvc.perform(post("/admin/organisations").with(advisor.signedIn()).with(csrf())
                        .param("name", "Gemeente Nieuwdorp").param("slug", slug)
                        .param("municipalities", "Gemeente Nieuwdorp\n\nGemeente Nieuwdorp\r\nGemeente Oudedorp"))
                .andExpect(redirectedUrl("/admin/organisations"));
        Organisation registered = context.getBean(OrganisationRegistry.class).findBySlug(slug).orElseThrow();
        assertThat(catalogue.municipalities(registered.id()))
                .extracting(OrganisationCatalogue.MunicipalityReference::name)
                .containsExactly("Gemeente Nieuwdorp", "Gemeente Oudedorp");
        mvc.perform(get("/api/v1/organisation/municipalities").with(advisor.signedIn())
                        .header("X-Tenant-Id", registered.id().toString()))
                .andExpect(status().isOk());
        assertThat(context.getBean(nl.stadskompas.accounts.AccountManagement.class).get(registered.id(), advisor.id())
                .role()).isEqualTo(Role.ADMINISTRATOR);
        mvc.perform(get("/admin/organisations").with(advisor.signedIn()))
                .andExpect(content().string(containsString("Gemeente Nieuwdorp")));
    }
}
