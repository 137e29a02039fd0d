// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import nl.stadskompas.feedback.Questionnaire;
import nl.stadskompas.insights.Kpis;
import nl.stadskompas.platform.Role;
import nl.stadskompas.platform.TenantContext;
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
 * A step linked to KPIs of the catalogue shows their figure of this quarter for the step's service
 * and channel, with the target, on the map, the step page, the PDF, the exchange file and the API;
 * too small a group is never shown. An unknown KPI is refused and changes nothing. A phase that still
 * has steps is named in the page's language when it cannot go.
 */
@SpringBootTest
@AutoConfigureMockMvc
class JourneyKpiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JourneyMaps maps;

    @Autowired
    Kpis kpis;

    @Autowired
    DemoJourneys demo;

    User advisor;
    User viewer;
    TenantContext tenant;
    UUID restaurant;
    UUID terrace;
    Questionnaire questionnaire;
    String nl;
    String en;

    @BeforeEach
    void demo() {
        TestData data = TestData.of(context);
        var org = data.tenant();
        advisor = data.user(org, Role.ADVISOR);
        viewer = data.user(org, Role.VIEWER);
        tenant = new TenantContext(org.id(), advisor.id(), advisor.username(), Role.ADVISOR);
        demo.load(org.id());
        restaurant = maps.journeys(org.id()).stream().filter(j -> j.name().equals(DemoJourneys.RESTAURANT)).findFirst()
                .orElseThrow().id();
        terrace = JourneyFixtures.service(context, org.id(), "Terras aanvragen");
        questionnaire = JourneyFixtures.questionnaire(context, tenant);
        nl = kpis.period(null).label(Locale.forLanguageTag("nl"));
        en = kpis.period(null).label(Locale.ENGLISH);
    }

    private Kpis.Kpi reportMarkWithTarget() {
        Kpis.Kpi kpi = kpis.addKpi(tenant, new Kpis.KpiInput("SURVEY:MEAN:MARK", "Rapportcijfer", "Report mark"));
        kpis.addTarget(tenant, kpi.id(), new Kpis.TargetInput(7.5, LocalDate.now().plusYears(1), null));
        return kpi;
    }

    private void stepS5OnlineForTerrace() throws Exception {
        mvc.perform(post("/journeys/" + restaurant + "/steps/s5").with(advisor.signedIn()).with(csrf())
                        .param("phaseId", "application").param("title", "Vergunningen aanvragen").param("channel", "ONLINE")
                        .param("serviceId", terrace.toString()))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void aStepLinkedToAKpiShowsItsFigureForTheStepsServiceAndChannelWithItsTarget() throws Exception {
        stepS5OnlineForTerrace();
        // three answers online (too few) and five by phone (another channel)
        JourneyFixtures.marks(context, questionnaire, terrace, "ONLINE", 8, 9, 6);
        JourneyFixtures.marks(context, questionnaire, terrace, "PHONE", 2, 3, 2, 3, 2);
        Kpis.Kpi kpi = reportMarkWithTarget();

        mvc.perform(get("/journeys/" + restaurant + "/steps/s5/kpis").with(advisor.signedIn()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Rapportcijfer"), containsString("type=\"checkbox\""),
                        containsString("Er zijn nog geen KPI&#39;s gekoppeld."))));
        mvc.perform(post("/journeys/" + restaurant + "/steps/s5/kpis").with(advisor.signedIn()).with(csrf())
                        .param("kpiIds", kpi.id().toString()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("message", "journeys.kpi.linked"));
        assertThat(maps.journey(tenant.tenantId(), restaurant).content().step("s5").orElseThrow().kpiIds())
                .containsExactly(kpi.id());

        mvc.perform(get("/journeys/" + restaurant).with(viewer.signedIn()))
                .andExpect(content().string(allOf(
                        containsString("Rapportcijfer (voor Terras aanvragen via Online, " + nl
                                + "): te weinig antwoorden of zaken om te tonen (minder dan 5); doel 7,5"),
                        // in the drawing, in short
                        containsString(">Rapportcijfer: te weinig</tspan>"), containsString(">(doel 7,5)</tspan>"),
                        not(containsString("7,7")),
                        not(containsString("(aantal: 3)")))));

        // five online answers: 8, 9, 6, 7, 5 -> 7.0, below the target; the phone marks do not count
        JourneyFixtures.marks(context, questionnaire, terrace, "ONLINE", 7, 5);
        kpis.refresh(tenant.tenantId());
        String shown = "Rapportcijfer (voor Terras aanvragen via Online, " + nl + "): 7,0 (aantal: 5); doel 7,5 nog niet gehaald";
        mvc.perform(get("/journeys/" + restaurant).with(viewer.signedIn()))
                .andExpect(content().string(allOf(containsString(shown), containsString(">Rapportcijfer: 7,0 (doel</tspan>"))));
        mvc.perform(get("/journeys/" + restaurant).param("lang", "en").with(viewer.signedIn()))
                .andExpect(content().string(containsString(
                        "Report mark (for Terras aanvragen via Online, " + en + "): 7.0 (count: 5); target 7.5 not reached yet")));
        mvc.perform(get("/journeys/" + restaurant + "/steps/s5").with(advisor.signedIn()))
                .andExpect(content().string(containsString(shown)));
        mvc.perform(get("/api/v1/journeys/" + restaurant + "/map").with(viewer.basic())).andExpect(status().isOk())
                .andExpect(jsonPath("$.steps[4].stepId").value("s5"))
                .andExpect(jsonPath("$.steps[4].kpis[0].kpiId").value(kpi.id().toString()))
                .andExpect(jsonPath("$.steps[4].kpis[0].value").value(7.0))
                .andExpect(jsonPath("$.steps[4].kpis[0].n").value(5))
                .andExpect(jsonPath("$.steps[4].kpis[0].suppressed").value(false))
                .andExpect(jsonPath("$.steps[4].kpis[0].target").value(7.5))
                .andExpect(jsonPath("$.steps[4].kpis[0].targetMet").value(false))
                .andExpect(jsonPath("$.steps[4].kpis[0].channel").value("ONLINE"))
                .andExpect(jsonPath("$.steps[3].kpis").isEmpty());
        mvc.perform(get("/journeys/" + restaurant + "/journey.json").with(viewer.signedIn()))
                .andExpect(jsonPath("$.steps[4].kpis[0].measure").value("SURVEY:MEAN:MARK"))
                .andExpect(jsonPath("$.steps[4].kpis[0].value").value(7.0))
                .andExpect(jsonPath("$.steps[4].kpis[0].target").value(7.5));

        // the PDF's table shows the service score and the KPI figure as the map does
        byte[] pdf = mvc.perform(get("/journeys/" + restaurant + "/map.pdf").with(viewer.signedIn()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Enquête per dienst", "Rapportcijfer voor Terras aanvragen via Online: Gemiddeld 7,0",
                    "(aantal: 5); doel 7,5 nog niet gehaald");
        }

        // a KPI taken out of the catalogue is no longer shown
        kpis.removeKpi(tenant, kpi.id());
        mvc.perform(get("/journeys/" + restaurant).with(viewer.signedIn()))
                .andExpect(content().string(not(containsString("Rapportcijfer ("))));
    }

    @Test
    void aStepWithOnlyAChannelShowsTheKpiAndTheSurveyScoreThroughThatChannelForAllServices() throws Exception {
        UUID other = JourneyFixtures.service(context, tenant.tenantId(), "Iets anders");
        JourneyFixtures.marks(context, questionnaire, terrace, "PHONE", 6, 7, 8);
        JourneyFixtures.marks(context, questionnaire, other, "PHONE", 9, 10);
        JourneyFixtures.marks(context, questionnaire, other, "ONLINE", 1, 1, 1, 1, 1);
        Kpis.Kpi kpi = reportMarkWithTarget();
        mvc.perform(post("/api/v1/journeys/" + restaurant + "/steps").with(advisor.basic()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"phaseId\":\"use\",\"title\":\"Bellen over het terras\",\"channel\":\"PHONE\"}"))
                .andExpect(status().isCreated());
        String stepId = maps.journey(tenant.tenantId(), restaurant).content().steps().getLast().id();
        mvc.perform(put("/api/v1/journeys/" + restaurant + "/steps/" + stepId + "/kpis").with(advisor.basic())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"kpiIds\":[\"" + kpi.id() + "\"]}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.kpiIds[0]").value(kpi.id().toString()));
        // 6, 7, 8, 9, 10 by phone -> 8.0, the target is reached
        mvc.perform(get("/journeys/" + restaurant).with(viewer.signedIn()))
                .andExpect(content().string(containsString(
                        "Rapportcijfer (via Telefoon, alle diensten, " + nl + "): 8,0 (aantal: 5); doel 7,5 gehaald")));
        // the survey score through that channel for all services, from the same answers (not on the curve)
        mvc.perform(get("/journeys/" + restaurant).with(viewer.signedIn()))
                .andExpect(content().string(containsString(
                        "Rapportcijfer via Telefoon (alle diensten): Gemiddeld 8,0 van 10, 80% positief, 5 antwoorden")));
        JourneyMap map = maps.map(tenant.tenantId(), restaurant, null, null, Locale.forLanguageTag("nl"));
        JourneyMap.StepRow row = map.steps().stream().filter(r -> r.step().id().equals(stepId)).findFirst().orElseThrow();
        assertThat(row.serviceScore().mean()).isEqualTo(8.0);
        assertThat(row.surveyValue()).isNull();
    }

    @Test
    void anUnknownKpiGetsAMessageAndChangesNothing() throws Exception {
        reportMarkWithTarget();
        var before = maps.journey(tenant.tenantId(), restaurant);
        mvc.perform(post("/journeys/" + restaurant + "/steps/s5/kpis").with(advisor.signedIn()).with(csrf())
                        .param("kpiIds", UUID.randomUUID().toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Kies alleen KPI&#39;s uit de lijst."),
                        containsString("utrecht-form-fieldset--invalid"))));
        mvc.perform(post("/journeys/" + restaurant + "/steps/s5/kpis").with(advisor.signedIn()).with(csrf())
                        .param("kpiIds", "niet-een-id"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Kies alleen KPI&#39;s uit de lijst.")));
        mvc.perform(put("/api/v1/journeys/" + restaurant + "/steps/s5/kpis").with(advisor.basic())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"kpiIds\":[\"" + UUID.randomUUID() + "\"]}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("kpiIds"));
        mvc.perform(put("/api/v1/journeys/" + restaurant + "/steps/s5/kpis").with(viewer.basic())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"kpiIds\":[]}"))
                .andExpect(status().isForbidden());
        var after = maps.journey(tenant.tenantId(), restaurant);
        assertThat(after.content()).isEqualTo(before.content());
        assertThat(after.rowVersion()).isEqualTo(before.rowVersion());
        // the link is documented with the rest of the API
        mvc.perform(get("/v3/api-docs").with(viewer.basic())).andExpect(status().isOk())
                .andExpect(content().string(containsString("/api/v1/journeys/{id}/steps/{stepId}/kpis")));
    }

    @Test
    void theExchangeFileKeepsTheKpiLinkByMeasureAndLeavesOutWhatTheOrganisationDoesNotFollow() throws Exception {
        Kpis.Kpi kpi = reportMarkWithTarget();
        maps.linkKpis(tenant, restaurant, "s5", List.of(kpi.id()));
        JourneyExchange exchange = context.getBean(JourneyExchange.class);
        byte[] file = exchange.exportBytes(tenant.tenantId(), restaurant);
        String renamed = new String(file, java.nio.charset.StandardCharsets.UTF_8)
                .replace(DemoJourneys.RESTAURANT, "Een restaurant beginnen (kopie)");
        Journey copy = exchange.importFile(tenant, renamed.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(copy.content().step("s5").orElseThrow().kpiIds()).containsExactly(kpi.id());

        // an organisation that no longer follows that measure gets the step without it
        kpis.removeKpi(tenant, kpi.id());
        Journey again = exchange.importFile(tenant, renamed.replace("(kopie)", "(tweede kopie)")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(again.content().step("s5").orElseThrow().kpiIds()).isEmpty();
    }

    @Test
    void aPhaseThatStillHasStepsIsNamedInThePagesLanguage() throws Exception {
        // the phase "application" (the fourth) is left empty, which would remove it, but it has steps
        mvc.perform(post("/journeys/" + restaurant + "/phases").param("lang", "en").with(advisor.signedIn()).with(csrf())
                        .param("names[0]", "Becoming aware").param("names[1]", "Finding out")
                        .param("names[2]", "Preparing").param("names[3]", "").param("names[4]", "Using or changing")
                        .param("names[5]", "Stopping").param("names[6]", "Coping with a setback"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("The phase Applying still has steps."),
                        not(containsString("Aanvragen")))));
        mvc.perform(post("/journeys/" + restaurant + "/phases").param("lang", "nl").with(advisor.signedIn()).with(csrf())
                        .param("names[0]", "Bewust worden").param("names[1]", "Oriënteren")
                        .param("names[2]", "Voorbereiden").param("names[3]", "").param("names[4]", "Gebruiken of wijzigen")
                        .param("names[5]", "Stoppen").param("names[6]", "Omgaan met een tegenvaller"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("De fase Aanvragen heeft nog stappen.")));
        assertThat(maps.journey(tenant.tenantId(), restaurant).content().phases()).hasSize(7);
    }
}
