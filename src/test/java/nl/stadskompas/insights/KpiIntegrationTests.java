// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.insights;

import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
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

/**
 * The KPI catalogue and its figures over the REST API, on survey answers of the feedback module and
 * cases of the cases module, both read through the KPI extension point: the change between quarters
 * with Welch's test (the expected p-value comes from SciPy on the raw marks), residents against
 * employees, targets and references with validation, suppression of small groups with the
 * complementary rule, and other organisations seeing nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
class KpiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    User advisor;
    User viewer;
    KpiFixtures fixtures;

    @BeforeEach
    void setUp() {
        TestData data = TestData.of(context);
        var tenant = data.tenant();
        advisor = data.user(tenant, Role.ADVISOR);
        viewer = data.user(tenant, Role.VIEWER);
        fixtures = new KpiFixtures(context, advisor);
    }

    private String addKpi(String measure) throws Exception {
        String body = mvc.perform(post("/api/v1/insights/kpis").with(advisor.basic())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"measure\": \"" + measure + "\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).get("id").asText();
    }

    @Test
    void aChangeBetweenQuartersIsTestedAndShownBesideTargetAndReference() throws Exception {
        fixtures.answers(fixtures.residents, LocalDate.of(2026, 2, 10), "MARK", KpiFixtures.FEBRUARY);
        fixtures.answers(fixtures.residents, LocalDate.of(2026, 5, 10), "MARK", KpiFixtures.MAY);
        mvc.perform(get("/api/v1/insights/kpis/measures").with(viewer.basic()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].code", hasItem("SURVEY:MEAN:MARK")))
                .andExpect(jsonPath("$[*].code", hasItem("SURVEY:POSITIVE:S1")))
                .andExpect(jsonPath("$[*].code", hasItem("CASES:LEAD_TIME")));
        mvc.perform(post("/api/v1/insights/kpis").with(viewer.basic()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"measure\": \"SURVEY:MEAN:MARK\"}")).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/insights/kpis").with(advisor.basic()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"measure\": \"NOPE\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("measure"));
        String id = addKpi("SURVEY:MEAN:MARK");
        mvc.perform(post("/api/v1/insights/kpis").with(advisor.basic()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"measure\": \"SURVEY:MEAN:MARK\"}")).andExpect(status().isBadRequest());

        mvc.perform(post("/api/v1/insights/kpis/" + id + "/targets").with(advisor.basic())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"value\": 11, \"deadline\": null}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(2));
        mvc.perform(post("/api/v1/insights/kpis/" + id + "/targets").with(advisor.basic())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"value\": 7, \"deadline\": \"2027-12-31\", \"note\": \"Coalitieakkoord\"}"))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/insights/kpis/" + id + "/references").with(advisor.basic())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"label\": \"\", \"value\": 6.9}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/insights/kpis/" + id + "/references").with(advisor.basic())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"label\": \"Landelijk\", \"value\": 6.9, \"source\": \"Benchmark 2025\"}"))
                .andExpect(status().isCreated());

        mvc.perform(get("/api/v1/insights/kpis/figures").param("period", "2026-Q2").with(viewer.basic()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].kpi.measure").value("SURVEY:MEAN:MARK"))
                .andExpect(jsonPath("$[0].current.n").value(10))
                .andExpect(jsonPath("$[0].current.value").value(closeTo(5.7, 1e-9)))
                .andExpect(jsonPath("$[0].previous.value").value(closeTo(87.0 / 12, 1e-9)))
                .andExpect(jsonPath("$[0].p").value(closeTo(0.0031427212876464095, 1e-10), Double.class))
                .andExpect(jsonPath("$[0].significant").value(true))
                .andExpect(jsonPath("$[0].target.value").value(7.0))
                .andExpect(jsonPath("$[0].targetMet").value(false))
                .andExpect(jsonPath("$[0].references[0].label").value("Landelijk"))
                .andExpect(jsonPath("$[0].trend.length()").value(8))
                .andExpect(jsonPath("$[0].current.summary").doesNotExist());
        // A year combines its months: 22 marks.
        mvc.perform(get("/api/v1/insights/kpis/figures").param("period", "2026").with(viewer.basic()))
                .andExpect(jsonPath("$[0].current.n").value(22));
        mvc.perform(get("/api/v1/insights/kpis/figures").param("period", "Q2").with(viewer.basic()))
                .andExpect(status().isBadRequest());
    }

    @Test
    void residentsAndEmployeesAreShownApartAndSmallGroupsAreSuppressed() throws Exception {
        fixtures.answers(fixtures.residents, LocalDate.of(2026, 4, 3), "S1", 4, 5, 4, 2, 4, 5, 3, 4);
        fixtures.answers(fixtures.employees, LocalDate.of(2026, 4, 7), "S1", 3, 3, 4, 2, 3, 4);
        fixtures.answers(fixtures.employees, LocalDate.of(2026, 7, 7), "S1", 3, 3);
        addKpi("SURVEY:POSITIVE:S1");
        mvc.perform(get("/api/v1/insights/kpis/figures").param("period", "2026-Q2").with(viewer.basic()))
                .andExpect(jsonPath("$[0].current.n").value(8))
                .andExpect(jsonPath("$[0].current.value").value(closeTo(6.0 / 8, 1e-12)))
                .andExpect(jsonPath("$[0].employees.n").value(6))
                .andExpect(jsonPath("$[0].employees.value").value(closeTo(2.0 / 6, 1e-12)));
        // Q3: two employees' answers and no residents'.
        mvc.perform(get("/api/v1/insights/kpis/figures").param("period", "2026-Q3").with(viewer.basic()))
                .andExpect(jsonPath("$[0].current.value").doesNotExist())
                .andExpect(jsonPath("$[0].employees.suppressed").value(true))
                .andExpect(jsonPath("$[0].employees.n").value(0))
                .andExpect(jsonPath("$[0].employees.value").doesNotExist());
    }

    @Test
    void leadTimeOfCasesIsBrokenDownByTeamWithComplementarySuppression() throws Exception {
        UUID big = UUID.randomUUID();
        UUID small = UUID.randomUUID();
        UUID middle = UUID.randomUUID();
        UUID tenant = advisor.tenantId();
        LocalDate day = LocalDate.of(2026, 4, 1);
        for (UUID team : new UUID[] { big, small, middle }) {
            UUID type = fixtures.caseType(tenant, team);
            int count = team == big ? 10 : team == small ? 3 : 6;
            for (int i = 0; i < count; i++) {
                fixtures.caseFile(tenant, type, team, day, 2 + i * 2);
            }
        }
        UUID type = fixtures.caseType(tenant, big);
        fixtures.caseFile(tenant, type, big, LocalDate.of(2026, 5, 1), null);
        addKpi("CASES:LEAD_TIME");
        addKpi("CASES:WITHIN_NORM");
        addKpi("CASES:BACKLOG");
        String json = mvc.perform(get("/api/v1/insights/kpis/figures").param("period", "2026-Q2").param("by", "TEAM")
                        .with(viewer.basic()))
                .andExpect(status().isOk())
                // 19 closed cases: 10 at 2..20 days, 3 at 2..6, 6 at 2..12.
                .andExpect(jsonPath("$[0].kpi.measure").value("CASES:LEAD_TIME"))
                .andExpect(jsonPath("$[0].current.n").value(19))
                .andExpect(jsonPath("$[0].current.value").value(closeTo((110 + 12 + 42) / 19.0, 1e-9)))
                .andExpect(jsonPath("$[0].breakdown.length()").value(3))
                .andExpect(jsonPath("$[0].breakdown[?(@.value == '" + big + "')].figure.value")
                        .value(hasItem(closeTo(11.0, 1e-9))))
                .andExpect(jsonPath("$[0].breakdown[?(@.value == '" + small + "')].figure.suppressed").value(hasItem(true)))
                .andExpect(jsonPath("$[0].breakdown[?(@.value == '" + middle + "')].figure.suppressed").value(hasItem(true)))
                .andExpect(jsonPath("$[0].breakdown[?(@.value == '" + middle + "')].figure.n").value(hasItem(0)))
                // within the norm of 10 days: big 5 of 10, small 3 of 3, middle 5 of 6.
                .andExpect(jsonPath("$[1].current.value").value(closeTo(13.0 / 19, 1e-9)))
                // one case still open at the end of June; a count below the minimum is suppressed too.
                .andExpect(jsonPath("$[2].current.suppressed").value(true))
                .andReturn().getResponse().getContentAsString();
        org.assertj.core.api.Assertions.assertThat(json).doesNotContain("\"n\":3,");
        mvc.perform(get("/api/v1/insights/kpis/figures").param("period", "2026-Q2").param("team", big.toString())
                        .with(viewer.basic()))
                .andExpect(jsonPath("$[0].current.n").value(10));
    }

    @Test
    void surveyFiguresAreFilteredAndBrokenDownByTheTeamThatOwnsTheService() throws Exception {
        UUID tenant = advisor.tenantId();
        UUID permits = fixtures.team(tenant, "Vergunningen");
        UUID taxes = fixtures.team(tenant, "Belastingen");
        UUID parking = fixtures.service(tenant, "Parkeervergunning", permits);
        UUID building = fixtures.service(tenant, "Omgevingsvergunning", permits);
        UUID tax = fixtures.service(tenant, "Aanslag", taxes);
        LocalDate day = LocalDate.of(2026, 5, 12);
        fixtures.answers(fixtures.residents, parking, day, "MARK", 8, 8, 7);
        fixtures.answers(fixtures.residents, building, day, "MARK", 6, 7, 8, 9);
        fixtures.answers(fixtures.residents, tax, day, "MARK", 5, 6, 5, 6, 5, 6);
        fixtures.answers(fixtures.residents, null, day, "MARK", 1, 1, 1, 1, 1);
        addKpi("SURVEY:MEAN:MARK");
        mvc.perform(get("/api/v1/insights/kpis/figures").param("period", "2026-Q2").param("team", permits.toString())
                        .with(viewer.basic()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].current.n").value(7))
                .andExpect(jsonPath("$[0].current.value").value(closeTo(53.0 / 7, 1e-12)));
        mvc.perform(get("/api/v1/insights/kpis/figures").param("period", "2026-Q2").param("by", "TEAM")
                        .with(viewer.basic()))
                .andExpect(jsonPath("$[0].current.n").value(18))
                .andExpect(jsonPath("$[0].breakdown[?(@.value == '" + taxes + "')].figure.value")
                        .value(hasItem(closeTo(5.5, 1e-12))))
                .andExpect(jsonPath("$[0].breakdown[?(@.value == '" + taxes + "')].label").value(hasItem("Belastingen")));
        mvc.perform(get("/insights").param("period", "2026-Q2").param("team", permits.toString())
                        .with(viewer.signedIn()))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("7,6")));
    }

    @Test
    void anotherOrganisationSeesNoneOfIt() throws Exception {
        String id = addKpi("SURVEY:MEAN:MARK");
        User stranger = TestData.of(context).userInNewTenant(Role.ADVISOR);
        mvc.perform(get("/api/v1/insights/kpis").with(stranger.basic()))
                .andExpect(jsonPath("$[*].kpi.id", not(hasItem(id))));
        mvc.perform(delete("/api/v1/insights/kpis/" + id).with(stranger.basic())).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/insights/kpis/" + id + "/targets").with(stranger.basic())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"value\": 7, \"deadline\": \"2027-12-31\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(delete("/api/v1/insights/kpis/" + id).with(advisor.basic())).andExpect(status().isNoContent());
    }
}
