// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import nl.stadskompas.platform.Role;
import nl.stadskompas.support.TestData;
import nl.stadskompas.support.TestData.User;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/**
 * The organisation REST API: reading and changing the structure, the answers to bad input and
 * unknown ids, and tenants that stay apart.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OrganisationApiIntegrationTests {

    private static final String API = "/api/v1/organisation";

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    OrganisationStructure structure;

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
    void readsTheStructure() throws Exception {
        mvc.perform(get(API + "/municipalities").with(viewer.basic()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].name").value(containsInAnyOrder("Gemeente Noordwaard", "Gemeente Zuidwaard")))
                .andExpect(jsonPath("$[0].cbsCode").value("GM0001"));
        mvc.perform(get(API + "/domains/" + sample.social().id()).with(viewer.basic()))
                .andExpect(jsonPath("$.name").value("Sociaal domein"))
                .andExpect(jsonPath("$.teams[0].name").value("Geldzaken en schulden"));
        mvc.perform(get(API + "/teams/" + sample.civilAffairs().id()).with(viewer.basic()))
                .andExpect(jsonPath("$.domainId").value(sample.publicAffairs().id().toString()))
                .andExpect(jsonPath("$.coreTasks[1]").value("Houdt de basisregistratie bij."))
                .andExpect(jsonPath("$.services[0].name").value("Paspoort aanvragen"))
                .andExpect(jsonPath("$.version").doesNotExist())
                .andExpect(jsonPath("$.tenantId").doesNotExist());
        mvc.perform(get(API + "/services").with(viewer.basic()))
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[1].name").value("Paspoort aanvragen"))
                .andExpect(jsonPath("$[1].channels[*]").value(containsInAnyOrder("ONLINE", "DESK")))
                .andExpect(jsonPath("$[1].keywords[0]").value("reisdocument"));
        mvc.perform(get(API + "/channels").with(viewer.basic()))
                .andExpect(jsonPath("$", hasSize(8)))
                .andExpect(jsonPath("$[?(@.channel == 'VIDEO')].group").value(hasItem("CALL")))
                .andExpect(jsonPath("$[?(@.channel == 'POST')].group").value(hasItem("CLICK")));
    }

    @Test
    void createsChangesAndRemovesAService() throws Exception {
        String created = mvc.perform(post(API + "/services").with(advisor.basic())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "Grofvuil laten ophalen", "description": "Op afspraak.",
                                 "ownerTeamId": "%s", "municipalityIds": ["%s"], "channels": ["ONLINE", "PHONE"],
                                 "keywords": ["bank, matras", "afval"]}
                                """.formatted(sample.civilAffairs().id(), sample.south().id())))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString(API + "/services/")))
                .andExpect(jsonPath("$.keywords[*]").value(containsInAnyOrder("bank", "matras", "afval")))
                .andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(created, "$.id");
        mvc.perform(put(API + "/services/" + id).with(advisor.basic())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "Grofvuil laten ophalen", "ownerTeamId": "%s", "channels": ["WHATSAPP"]}
                                """.formatted(sample.money().id())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ownerTeamId").value(sample.money().id().toString()))
                .andExpect(jsonPath("$.channels[*]").value(containsInAnyOrder("WHATSAPP")))
                .andExpect(jsonPath("$.municipalityIds", hasSize(0)))
                .andExpect(jsonPath("$.description").doesNotExist());
        mvc.perform(delete(API + "/services/" + id).with(advisor.basic())).andExpect(status().isNoContent());
        mvc.perform(get(API + "/services/" + id).with(advisor.basic())).andExpect(status().isNotFound());
        mvc.perform(delete(API + "/services/" + id).with(advisor.basic())).andExpect(status().isNotFound());
    }

    @Test
    void createsAndChangesMunicipalitiesDomainsAndTeams() throws Exception {
        String municipality = JsonPath.read(mvc.perform(post(API + "/municipalities").with(advisor.basic())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"Gemeente Oostwaard\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        mvc.perform(put(API + "/municipalities/" + municipality).with(advisor.basic())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Gemeente Oostwaard\", \"cbsCode\": \"0999\"}"))
                .andExpect(jsonPath("$.cbsCode").value("GM0999"));
        String domain = JsonPath.read(mvc.perform(post(API + "/domains").with(advisor.basic())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"Economie\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        String team = JsonPath.read(mvc.perform(post(API + "/teams").with(advisor.basic())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "Ondernemersloket", "domainId": "%s",
                                 "coreTasks": ["Adviseert starters.", "", "Adviseert starters."]}
                                """.formatted(domain)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.coreTasks[*]").value(containsInAnyOrder("Adviseert starters.")))
                .andReturn().getResponse().getContentAsString(), "$.id");
        mvc.perform(get(API + "/domains/" + domain).with(viewer.basic()))
                .andExpect(jsonPath("$.teams[0].id").value(team));
        mvc.perform(delete(API + "/domains/" + domain).with(advisor.basic()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("Ondernemersloket")));
        mvc.perform(delete(API + "/teams/" + team).with(advisor.basic())).andExpect(status().isNoContent());
        mvc.perform(delete(API + "/domains/" + domain).with(advisor.basic())).andExpect(status().isNoContent());
        mvc.perform(delete(API + "/municipalities/" + municipality).with(advisor.basic()))
                .andExpect(status().isNoContent());
    }

    @Test
    void badInputGives400WithEveryFieldAndChangesNothing() throws Exception {
        mvc.perform(post(API + "/services").with(advisor.basic()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \" \", \"description\": \"%s\"}".formatted("x".repeat(2001))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("name", "description", "ownerTeamId")))
                .andExpect(jsonPath("$.errors[?(@.field == 'name')].message").value(hasItem("Vul dit veld in.")));
        // Rules the module checks itself are listed together too.
        mvc.perform(post(API + "/services").with(advisor.basic()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "paspoort AANVRAGEN", "ownerTeamId": "%s", "municipalityIds": ["%s"]}
                                """.formatted(UUID.randomUUID(), UUID.randomUUID())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field")
                        .value(containsInAnyOrder("name", "ownerTeamId", "municipalityIds")))
                .andExpect(jsonPath("$.errors[?(@.field == 'name')].message")
                        .value(hasItem("Er is al een dienst met deze naam. Kies een andere naam.")));
        // A value of the wrong type names its field.
        mvc.perform(post(API + "/services").with(advisor.basic()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Fax\", \"ownerTeamId\": \"%s\", \"channels\": [\"ONLINE\", \"FAX\"]}"
                                .formatted(sample.money().id())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("channels[1]"))
                .andExpect(jsonPath("$.errors[0].message").value("Deze waarde klopt niet."));
        mvc.perform(put(API + "/teams/" + sample.money().id()).with(advisor.basic())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"X\", \"domainId\": \"geen-id\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("domainId"));
        mvc.perform(post(API + "/teams").with(advisor.basic()).contentType(MediaType.APPLICATION_JSON).content("{"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(not(containsString("Exception"))));
        mvc.perform(get(API + "/directory").param("q", "x".repeat(201)).with(viewer.basic()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("q"));
        assertThat(structure.services(sample.tenantId())).hasSize(2);
        assertThat(structure.team(sample.tenantId(), sample.money().id()).name()).isEqualTo("Geldzaken en schulden");
    }

    @Test
    void unknownAndForeignIdsGive404() throws Exception {
        SampleOrganisation foreign = SampleOrganisation.in(structure, data.tenant().id());
        for (String path : new String[] { "/municipalities/" + foreign.north().id(), "/domains/" + foreign.social().id(),
                "/teams/" + foreign.money().id(), "/services/" + foreign.passport().id(),
                "/teams/" + UUID.randomUUID(), "/services/not-an-id" }) {
            mvc.perform(get(API + path).with(advisor.basic()))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        mvc.perform(put(API + "/teams/" + foreign.money().id()).with(advisor.basic())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"Overgenomen\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(delete(API + "/services/" + foreign.passport().id()).with(advisor.basic()))
                .andExpect(status().isNotFound());
        assertThat(structure.team(foreign.tenantId(), foreign.money().id()).name()).isEqualTo("Geldzaken en schulden");
        assertThat(structure.services(foreign.tenantId())).hasSize(2);
    }

    @Test
    void rolesDecideWhoMayReadAndWhoMayChange() throws Exception {
        mvc.perform(post(API + "/domains").with(viewer.basic()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Stiekem\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(delete(API + "/services/" + sample.passport().id()).with(viewer.basic()))
                .andExpect(status().isForbidden());
        mvc.perform(get(API + "/teams")).andExpect(status().isUnauthorized());
        assertThat(structure.domains(sample.tenantId())).hasSize(2);
        assertThat(structure.services(sample.tenantId())).hasSize(2);
    }

    @Test
    void aTenantTheUserIsNotInGives403AndOneTheyAreInIsUsed() throws Exception {
        Organisation other = data.tenant();
        mvc.perform(get(API + "/teams").with(advisor.basic()).header("X-Tenant-Id", other.id().toString()))
                .andExpect(status().isForbidden());
        mvc.perform(get(API + "/teams").with(advisor.basic()).header("X-Tenant-Id", sample.tenantId().toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].name").value(containsInAnyOrder("Burgerzaken", "Geldzaken en schulden")));
        User stranger = data.userInNewTenant(Role.ADMINISTRATOR);
        mvc.perform(get(API + "/teams").with(stranger.basic()))
                .andExpect(jsonPath("$", hasSize(0)));
    }

    @Test
    void theDirectoryAnswersByTopic() throws Exception {
        mvc.perform(get(API + "/directory").param("q", "moeite schulden").with(viewer.basic()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.match").value("ALL_WORDS"))
                .andExpect(jsonPath("$.results", hasSize(1)))
                .andExpect(jsonPath("$.results[0].team").value("Geldzaken en schulden"))
                .andExpect(jsonPath("$.results[0].domain").value("Sociaal domein"))
                .andExpect(jsonPath("$.results[0].coreTasks[0]").value(endsWith("rond te komen.")))
                .andExpect(jsonPath("$.results[0].services[0].name").value("Hulp bij geldzorgen"))
                .andExpect(jsonPath("$.results[0].channels[*]").value(containsInAnyOrder("PHONE", "WHATSAPP")));
        mvc.perform(get(API + "/directory").with(viewer.basic()))
                .andExpect(jsonPath("$.match").value("EVERYTHING"))
                .andExpect(jsonPath("$.results[*].team").value(org.hamcrest.Matchers.contains("Burgerzaken",
                        "Geldzaken en schulden")));
    }

    @Test
    void theOpenApiDocumentDescribesTheOperationsAndTheirErrors() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/organisation/teams/{id}'].put.responses['400']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/organisation/teams'].get.responses['403']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/organisation/teams/{id}'].delete.responses['409']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/organisation/services/{id}'].get.responses['404']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/organisation/directory'].get.parameters[*].name")
                        .value(containsInAnyOrder("q", "X-Tenant-Id")))
                .andExpect(jsonPath("$.paths['/api/v1/organisation/services'].post.tags[0]")
                        .value("Organisation: services"))
                .andExpect(jsonPath("$.components.schemas.OrganisationServiceInput.properties.name.maxLength").value(200))
                .andExpect(jsonPath("$.components.securitySchemes.basicAuth.scheme").value("basic"));
    }
}
