// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import nl.stadskompas.cases.CaseFixtures.Scene;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The REST API for case types and cases: JSON in and out, validation with every problem listed,
 * 404 for ids of another tenant and 403 without the permission.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CasesApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    CaseHandling handling;

    TestData data;
    CaseFixtures fixtures;

    @BeforeEach
    void setUp() {
        data = TestData.of(context);
        fixtures = CaseFixtures.of(context);
    }

    private static MockHttpServletRequestBuilder as(User user, MockHttpServletRequestBuilder request) {
        return request.with(user.basic()).header("X-Tenant-Id", user.tenantId().toString())
                .contentType(MediaType.APPLICATION_JSON);
    }

    @Test
    void registersACaseAndChangesItsStatus() throws Exception {
        User employee = data.userInNewTenant(Role.FRONT_OFFICE);
        UUID team = fixtures.team(employee.tenantId(), "Openbare ruimte");
        UUID type = fixtures.complaintType(employee.tenantId(), team);
        String body = """
                {"caseTypeId":"%s","channel":"WHATSAPP","subject":"Kapotte bank in het park",
                 "requesterName":"Ali","requesterPhone":"06 12345678","requesterLanguage":"en"}""".formatted(type);
        String created = mvc.perform(as(employee, post("/api/v1/cases")).content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.reference").value(startsWith("Z-")))
                .andExpect(jsonPath("$.progressPath").value(startsWith("/volgen/")))
                .andReturn().getResponse().getContentAsString();
        String id = created.replaceAll(".*\"id\":\"([0-9a-f-]{36})\".*", "$1");
        mvc.perform(as(employee, post("/api/v1/cases/" + id + "/status")).content("{\"statusCode\":\"IN_BEHANDELING\",\"note\":\"x\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.current.code").value("IN_BEHANDELING"))
                .andExpect(jsonPath("$.requester.language").value("en"));
        mvc.perform(as(employee, get("/api/v1/cases")).param("teamId", team.toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", hasItem(id)));
    }

    @Test
    void invalidInputGetsEveryProblemListedAndChangesNothing() throws Exception {
        User employee = data.userInNewTenant(Role.FRONT_OFFICE);
        mvc.perform(as(employee, post("/api/v1/cases")).content("""
                        {"caseTypeId":"%s","channel":"PHONE","subject":"","requesterName":"",
                         "requesterEmail":"geen","requesterLanguage":"fr"}""".formatted(UUID.randomUUID())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("caseTypeId")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("subject")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("requesterEmail")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("requesterLanguage")));
        mvc.perform(as(employee, post("/api/v1/cases")).content("{not json"))
                .andExpect(status().isBadRequest());
        assertThat(handling.openCases(employee.tenantId(), null, "age")).isEmpty();
        Scene scene = fixtures.scene(employee.tenantId(), employee.id());
        mvc.perform(as(employee, post("/api/v1/cases/" + scene.caseId() + "/status")).content("{\"statusCode\":\"ONBEKEND\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("statusCode"));
        mvc.perform(as(employee, post("/api/v1/cases/" + scene.caseId() + "/delays"))
                        .content("{\"kind\":\"EXTENSION\",\"reason\":\"BUSY\",\"newDate\":\"2000-01-01\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("newDate"));
    }

    @Test
    void idsOfAnotherTenantAreNotFound() throws Exception {
        User employee = data.userInNewTenant(Role.ADMINISTRATOR);
        User stranger = data.userInNewTenant(Role.FRONT_OFFICE);
        Scene scene = fixtures.scene(stranger.tenantId(), stranger.id());
        mvc.perform(as(employee, get("/api/v1/cases/" + scene.caseId()))).andExpect(status().isNotFound());
        mvc.perform(as(employee, post("/api/v1/cases/" + scene.caseId() + "/progress-link"))).andExpect(status().isNotFound());
        mvc.perform(as(employee, get("/api/v1/case-types/" + scene.caseTypeId()))).andExpect(status().isNotFound());
        mvc.perform(as(employee, get("/api/v1/cases/niet-een-id"))).andExpect(status().isNotFound());
    }

    @Test
    void theApiIsDescribedInOpenApi() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/cases']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/cases/{id}/status']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/case-types']").exists());
    }

    @Test
    void withoutThePermissionTheAnswerIs403() throws Exception {
        User viewer = data.userInNewTenant(Role.VIEWER);
        mvc.perform(as(viewer, get("/api/v1/cases"))).andExpect(status().isForbidden());
        mvc.perform(as(viewer, post("/api/v1/case-types")).content("{}")).andExpect(status().isForbidden());
        mvc.perform(as(viewer, get("/api/v1/case-types"))).andExpect(status().isOk());
    }

    @Test
    void anAdvisorCreatesAndChangesACaseType() throws Exception {
        User advisor = data.userInNewTenant(Role.ADVISOR);
        UUID team = fixtures.team(advisor.tenantId(), "Belastingen");
        String statuses = """
                [{"code":"ONTVANGEN","name":"Ontvangen","residentTextNl":"Ontvangen.","residentTextEn":"Received.",
                  "nextStepNl":"We kijken ernaar.","nextStepEn":"We look at it.","actor":"MUNICIPALITY","informResident":true,"finalStatus":false},
                 {"code":"BESLIST","name":"Beslist","residentTextNl":"Er is een besluit.","residentTextEn":"There is a decision.",
                  "actor":"NOBODY","informResident":true,"finalStatus":true}]""";
        String created = mvc.perform(as(advisor, post("/api/v1/case-types")).content("""
                        {"name":"Bezwaar WOZ","description":"U bent het niet eens met de WOZ-waarde.","kind":"OBJECTION",
                         "ownerTeamId":"%s","normDays":30,"statuses":%s}""".formatted(team, statuses)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.statuses[1].finalStatus").value(true))
                .andReturn().getResponse().getContentAsString();
        String id = created.replaceAll(".*\"id\":\"([0-9a-f-]{36})\".*", "$1");
        mvc.perform(as(advisor, put("/api/v1/case-types/" + id)).content("""
                        {"name":"Bezwaar WOZ","description":"U bent het niet eens met de WOZ-waarde.","kind":"OBJECTION",
                         "ownerTeamId":"%s","normDays":0,"statuses":[]}""".formatted(team)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("normDays")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("statuses")));
        mvc.perform(as(advisor, get("/api/v1/case-types/" + id))).andExpect(jsonPath("$.normDays").value(30));
    }
}
