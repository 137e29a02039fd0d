// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import nl.stadskompas.feedback.Questionnaire;
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
 * A step linked to a service shows the report mark residents gave that service through the step's
 * channel, from answers submitted on the public page; too few answers are not shown.
 */
@SpringBootTest
@AutoConfigureMockMvc
class JourneyServiceScoresIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JourneyMaps maps;

    @Autowired
    DemoJourneys demo;

    User advisor;
    User viewer;
    TenantContext tenant;
    UUID restaurant;
    UUID terrace;
    Questionnaire questionnaire;

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
    }

    private void linkStepS5(String serviceId) throws Exception {
        mvc.perform(post("/journeys/" + restaurant + "/steps/s5").with(advisor.signedIn()).with(csrf())
                        .param("phaseId", "application").param("title", "Vergunningen aanvragen").param("channel", "ONLINE")
                        .param("serviceId", serviceId))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void aStepLinkedToAServiceShowsItsReportMarkThroughTheStepsChannel() throws Exception {
        mvc.perform(get("/journeys/" + restaurant + "/steps/s5").with(advisor.signedIn()))
                .andExpect(content().string(allOf(containsString("Dienst voor de enquêteresultaten"),
                        containsString("Terras aanvragen"))));
        linkStepS5(terrace.toString());
        assertThat(maps.journey(tenant.tenantId(), restaurant).content().step("s5").orElseThrow().serviceId())
                .isEqualTo(terrace);

        // three answers online and five by phone: online is too small a group to show
        JourneyFixtures.marks(context, questionnaire, terrace, "ONLINE", 8, 9, 6);
        JourneyFixtures.marks(context, questionnaire, terrace, "PHONE", 2, 3, 2, 3, 2);
        mvc.perform(get("/journeys/" + restaurant).with(viewer.signedIn()))
                .andExpect(content().string(allOf(
                        containsString("Rapportcijfer voor Terras aanvragen via Online: Te weinig antwoorden om te tonen (3)"),
                        not(containsString("Gemiddeld 4,6")))));

        // five online answers: 8, 9, 6, 7, 5 -> mean 7.0, three of five 7 or higher; the phone marks do not count
        JourneyFixtures.marks(context, questionnaire, terrace, "ONLINE", 7, 5);
        mvc.perform(get("/journeys/" + restaurant).with(viewer.signedIn()))
                .andExpect(content().string(containsString(
                        "Rapportcijfer voor Terras aanvragen via Online: Gemiddeld 7,0 van 10, 60% positief, 5 antwoorden")));
        mvc.perform(get("/journeys/" + restaurant).param("lang", "en").with(viewer.signedIn()))
                .andExpect(content().string(containsString(
                        "Report mark for Terras aanvragen via Online: Average 7.0 out of 10, 60% positive, 5 answers")));
        mvc.perform(get("/api/v1/journeys/" + restaurant + "/map").with(viewer.basic())).andExpect(status().isOk())
                .andExpect(jsonPath("$.steps[4].stepId").value("s5"))
                .andExpect(jsonPath("$.steps[4].serviceId").value(terrace.toString()))
                .andExpect(jsonPath("$.steps[4].serviceMean").value(7.0))
                .andExpect(jsonPath("$.steps[4].serviceRespondents").value(5))
                .andExpect(jsonPath("$.steps[4].serviceSuppressed").value(false));

        // a step without a channel counts every channel: 5 online and 5 by phone
        mvc.perform(post("/api/v1/journeys/" + restaurant + "/steps").with(advisor.basic()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"phaseId\":\"use\",\"title\":\"Terras gebruiken\",\"serviceId\":\"" + terrace + "\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.serviceId").value(terrace.toString()));
        mvc.perform(get("/journeys/" + restaurant).with(viewer.signedIn()))
                .andExpect(content().string(containsString(
                        "Rapportcijfer voor Terras aanvragen (alle kanalen): Gemiddeld 4,7 van 10, 30% positief, 10 antwoorden")));

        // the exchange file names the service
        mvc.perform(get("/journeys/" + restaurant + "/journey.json").with(viewer.signedIn()))
                .andExpect(jsonPath("$.steps[4].service").value("Terras aanvragen"));
    }

    @Test
    void anUnknownServiceGetsAFieldMessageAndChangesNothing() throws Exception {
        var before = maps.journey(tenant.tenantId(), restaurant);
        mvc.perform(post("/journeys/" + restaurant + "/steps/s5").with(advisor.signedIn()).with(csrf())
                        .param("phaseId", "application").param("title", "Vergunningen aanvragen").param("channel", "ONLINE")
                        .param("serviceId", UUID.randomUUID().toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Kies een dienst uit de lijst."),
                        containsString("aria-invalid=\"true\""))));
        mvc.perform(post("/api/v1/journeys/" + restaurant + "/steps").with(advisor.basic()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"phaseId\":\"use\",\"title\":\"Terras\",\"serviceId\":\"" + UUID.randomUUID() + "\"}"))
                .andExpect(status().isBadRequest());
        var after = maps.journey(tenant.tenantId(), restaurant);
        assertThat(after.content()).isEqualTo(before.content());
        assertThat(after.rowVersion()).isEqualTo(before.rowVersion());
    }

    @Test
    void withoutAReportMarkInAnyQuestionnaireTheStepSaysThereIsNoScore() throws Exception {
        UUID other = JourneyFixtures.service(context, tenant.tenantId(), "Iets anders");
        linkStepS5(other.toString());
        mvc.perform(get("/journeys/" + restaurant).with(viewer.signedIn()))
                .andExpect(content().string(containsString(
                        "Rapportcijfer voor Iets anders via Online: Te weinig antwoorden om te tonen (0)")));
    }
}
