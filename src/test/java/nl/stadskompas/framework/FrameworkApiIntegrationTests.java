// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The framework REST API: the draft and its items, publishing, export and import, with field
 * problems for wrong input, 404 for unknown ids and codes, and 403 for a viewer who edits.
 */
@SpringBootTest
@AutoConfigureMockMvc
class FrameworkApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    FrameworkEditing editing;

    @Autowired
    JdbcClient jdbc;

    TestData data;
    User advisor;

    @BeforeEach
    void setUp() {
        data = TestData.of(context);
        advisor = data.userInNewTenant(Role.ADVISOR);
    }

    @Test
    void buildsADraftPublishesItAndListsTheVersions() throws Exception {
        mvc.perform(get("/api/v1/framework").with(advisor.basic())).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/framework/draft").with(advisor.basic())).andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("DRAFT"));
        mvc.perform(post("/api/v1/framework/draft/promises").with(advisor.basic()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title": "We nemen de tijd voor u", "needs": ["Hoor wat ik bedoel"],
                                 "means": ["Je vraagt door"], "doesNotMean": []}"""))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.code").value("P1"));
        mvc.perform(post("/api/v1/framework/draft/statements").with(advisor.basic()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\": \"S1\", \"text\": \"Ik werd gehoord\", \"promise\": \"P1\"}"))
                .andExpect(status().isCreated());
        UUID team = FrameworkTestOrganisation.team(jdbc, advisor.tenantId(), "Burgerzaken");
        mvc.perform(post("/api/v1/framework/draft/norms").with(advisor.basic()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Balie\", \"measure\": \"Wachttijd\", \"threshold\": 10, \"unit\": \"MINUTES\","
                                + " \"targetPercent\": 90, \"scope\": \"TEAM\", \"scopeId\": \"" + team + "\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.scopeName").value("Burgerzaken"))
                .andExpect(jsonPath("$.linked").value(true));
        mvc.perform(put("/api/v1/framework/draft/promises/P1").with(advisor.basic()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"We nemen echt de tijd\", \"needs\": [\"Hoor wat ik bedoel\", \"Kijk verder\"]}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.needs.length()").value(2));
        mvc.perform(post("/api/v1/framework/draft/publish").with(advisor.basic()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"label\": \"1.0\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PUBLISHED"))
                .andExpect(jsonPath("$.label").value("1.0"));
        mvc.perform(get("/api/v1/framework/versions").with(advisor.basic())).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].label").value("1.0"));
        mvc.perform(get("/api/v1/framework").with(advisor.basic())).andExpect(status().isOk())
                .andExpect(jsonPath("$.promises[0].title").value("We nemen echt de tijd"))
                .andExpect(jsonPath("$.norms[0].threshold").value(10));
        mvc.perform(get("/api/v1/framework/draft").with(advisor.basic())).andExpect(status().isNotFound());
    }

    @Test
    void wrongInputGivesFieldProblemsAndChangesNothing() throws Exception {
        mvc.perform(post("/api/v1/framework/draft").with(advisor.basic())).andExpect(status().isCreated());
        mvc.perform(post("/api/v1/framework/draft/promises").with(advisor.basic()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"\", \"needs\": []}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("title")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("needs")));
        mvc.perform(post("/api/v1/framework/draft/statements").with(advisor.basic()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"Ik werd gehoord\", \"promise\": \"P7\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("promise"))
                .andExpect(jsonPath("$.errors[0].message").value("Er is geen belofte met de code P7."));
        mvc.perform(post("/api/v1/framework/draft/norms").with(advisor.basic()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Mail\", \"measure\": \"Tijd\", \"threshold\": 0, \"unit\": \"WORKING_DAYS\","
                                + " \"scope\": \"SERVICE\", \"scopeId\": \"" + UUID.randomUUID() + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("threshold")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("scopeId")));
        mvc.perform(post("/api/v1/framework/draft/norms").with(advisor.basic()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Mail\", \"unit\": \"FORTNIGHTS\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/framework/draft/publish").with(advisor.basic()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"label\": \"eerste\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("label"));
        FrameworkVersion draft = editing.draft(advisor.tenantId());
        assertThat(draft.promises()).isEmpty();
        assertThat(draft.statements()).isEmpty();
        assertThat(draft.norms()).isEmpty();
    }

    @Test
    void unknownCodesAndOtherTenantsVersionsAreNotFound() throws Exception {
        mvc.perform(post("/api/v1/framework/draft").with(advisor.basic())).andExpect(status().isCreated());
        UUID draftId = editing.draft(advisor.tenantId()).id();
        mvc.perform(get("/api/v1/framework/draft/promises/P9").with(advisor.basic())).andExpect(status().isNotFound());
        mvc.perform(delete("/api/v1/framework/draft/norms/N9").with(advisor.basic())).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/framework/versions/" + UUID.randomUUID()).with(advisor.basic()))
                .andExpect(status().isNotFound());
        User stranger = data.userInNewTenant(Role.ADVISOR);
        mvc.perform(get("/api/v1/framework/versions/" + draftId).with(stranger.basic())).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/framework/versions/" + draftId + "/export").with(stranger.basic()))
                .andExpect(status().isNotFound());
    }

    @Test
    void aViewerReadsButCannotChangeOrImport() throws Exception {
        mvc.perform(post("/api/v1/framework/draft").with(advisor.basic())).andExpect(status().isCreated());
        User viewer = data.user(context.getBean(nl.stadskompas.organisation.OrganisationRegistry.class)
                .find(advisor.tenantId()).orElseThrow(), Role.VIEWER);
        mvc.perform(get("/api/v1/framework").with(viewer.basic())).andExpect(status().isOk());
        mvc.perform(post("/api/v1/framework/draft/core-values").with(viewer.basic()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"Menselijk\"}")).andExpect(status().isForbidden());
        mvc.perform(delete("/api/v1/framework/draft").with(viewer.basic())).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/framework/import").with(viewer.basic()).contentType("application/yaml")
                .content("format: stadskompas-framework/1")).andExpect(status().isForbidden());
        assertThat(editing.draft(advisor.tenantId()).coreValues()).isEmpty();
    }

    @Test
    void exportsAndImportsIntoAnotherTenantAsJsonAndYaml() throws Exception {
        mvc.perform(post("/api/v1/framework/draft").with(advisor.basic())).andExpect(status().isCreated());
        mvc.perform(post("/api/v1/framework/draft/promises").with(advisor.basic()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\": \"We nemen de tijd\", \"needs\": [\"Hoor mij\"]}")).andExpect(status().isCreated());
        UUID service = FrameworkTestOrganisation.service(jdbc, advisor.tenantId(), "Paspoort aanvragen", null);
        mvc.perform(post("/api/v1/framework/draft/norms").with(advisor.basic()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"Paspoort klaar\", \"measure\": \"Levertijd\", \"threshold\": 5, \"unit\": \"WORKING_DAYS\","
                        + " \"scope\": \"SERVICE\", \"scopeId\": \"" + service + "\"}")).andExpect(status().isCreated());
        UUID id = editing.publish(new nl.stadskompas.platform.TenantContext(advisor.tenantId(), advisor.id(), "a",
                Role.ADVISOR), "1.0").id();
        byte[] json = mvc.perform(get("/api/v1/framework/versions/" + id + "/export?format=json").with(advisor.basic()))
                .andExpect(status().isOk()).andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andReturn().getResponse().getContentAsByteArray();

        User other = data.userInNewTenant(Role.ADVISOR);
        UUID otherService = FrameworkTestOrganisation.service(jdbc, other.tenantId(), "Paspoort aanvragen", null);
        mvc.perform(post("/api/v1/framework/import").with(other.basic()).contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.draft.status").value("DRAFT"))
                .andExpect(jsonPath("$.draft.norms[0].scopeId").value(otherService.toString()))
                .andExpect(jsonPath("$.warnings.length()").value(0));
        mvc.perform(post("/api/v1/framework/import").with(other.basic()).contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message", containsString("al een conceptversie")));

        User third = data.userInNewTenant(Role.ADVISOR);
        byte[] yaml = mvc.perform(get("/api/v1/framework/versions/" + id + "/export").with(advisor.basic()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        mvc.perform(multipart("/api/v1/framework/import").file(new MockMultipartFile("file", "kader.yaml", "application/yaml", yaml))
                        .with(third.basic()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.draft.norms[0].linked").value(false))
                .andExpect(jsonPath("$.warnings[0].field").value("norms[0].service"))
                .andExpect(jsonPath("$.warnings[0].message", containsString("Paspoort aanvragen")));
        assertThat(editing.draft(third.tenantId()).content().promises())
                .isEqualTo(editing.version(advisor.tenantId(), id).content().promises());
    }

    @Test
    void anInvalidImportListsEveryProblemWithLineAndCreatesNothing() throws Exception {
        String yaml = "format: stadskompas-framework/1\nname: Kader\npromises:\n  - code: P1\n    title: Luisteren\n"
                + "    needs: [Hoor mij]\n  - code: P1\n    title: Dubbel\n    needs: [Hoor mij]\n";
        mvc.perform(post("/api/v1/framework/import").with(advisor.basic()).contentType("application/yaml")
                        .content(yaml.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("promises[1].code"))
                .andExpect(jsonPath("$.errors[0].line").value(7))
                .andExpect(jsonPath("$.errors[0].message", containsString("P1")));
        mvc.perform(post("/api/v1/framework/import").with(advisor.basic()).contentType("application/yaml").content(new byte[0]))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("Het bestand is leeg."));
        assertThat(editing.history(advisor.tenantId())).isEmpty();
    }

    @Test
    void openApiDocumentDescribesTheFrameworkApi() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(content().string(containsString("/api/v1/framework/draft/promises/{code}")))
                .andExpect(content().string(containsString("Service framework")));
    }
}
