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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The journey pages and the REST API as staff use them: the map in Dutch and English, field-level
 * errors that change nothing, a survey score on a linked step, exports, and permissions.
 */
@SpringBootTest
@AutoConfigureMockMvc
class JourneyPagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JourneyMaps maps;

    @Autowired
    DemoJourneys demo;

    @Autowired
    JdbcClient jdbc;

    User advisor;
    User viewer;
    TenantContext tenant;
    UUID restaurant;

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
    }

    @Test
    void everyStaffMemberSeesTheMapWithItsDrawingAndItsStructuredViewInBothLanguages() throws Exception {
        mvc.perform(get("/journeys").with(viewer.signedIn())).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(DemoJourneys.RESTAURANT), not(containsString("??")),
                        not(containsString(">Nieuwe klantreis<")))));
        mvc.perform(get("/journeys/" + restaurant).with(viewer.signedIn())).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<svg"), containsString("Stap voor stap"),
                        containsString("Informatie zoeken op de website"), containsString("Lang wachten zonder nieuws"),
                        containsString("Ontworpen en geleefd"), containsString("Deelnemer A"), not(containsString("??")),
                        not(containsString("Stap toevoegen")))));
        mvc.perform(get("/journeys/" + restaurant).param("lang", "en").with(viewer.signedIn())).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Step by step"), containsString("Designed and lived"),
                        not(containsString("??")))));
        for (String page : new String[] {"/journeys/opportunities", "/journeys/library", "/journeys/" + restaurant + "/versions",
                "/journeys/" + restaurant + "/versions/1"}) {
            mvc.perform(get(page).with(viewer.signedIn())).andExpect(status().isOk())
                    .andExpect(content().string(not(containsString("??"))));
        }
        for (String page : new String[] {"/journeys/new", "/journeys/import", "/journeys/" + restaurant + "/steps/new",
                "/journeys/" + restaurant + "/steps/s2", "/journeys/" + restaurant + "/steps/s2/question",
                "/journeys/" + restaurant + "/lived/new", "/journeys/" + restaurant + "/opportunities/new",
                "/journeys/" + restaurant + "/phases", "/journeys/" + restaurant + "/copy"}) {
            mvc.perform(get(page).with(advisor.signedIn())).andExpect(status().isOk())
                    .andExpect(content().string(not(containsString("??"))));
            mvc.perform(get(page).param("lang", "en").with(advisor.signedIn())).andExpect(status().isOk())
                    .andExpect(content().string(not(containsString("??"))));
            mvc.perform(get(page).with(viewer.signedIn())).andExpect(status().isForbidden());
        }
    }

    @Test
    void aStepWithoutANameGetsAFieldMessageAndNothingIsAdded() throws Exception {
        int before = maps.journey(tenant.tenantId(), restaurant).content().steps().size();
        mvc.perform(post("/journeys/" + restaurant + "/steps/new").with(advisor.signedIn()).with(csrf())
                        .param("phaseId", "application").param("title", " ").param("channel", "PIGEON"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Vul dit in."), containsString("Kies een kanaal uit de lijst."),
                        containsString("aria-invalid=\"true\""))));
        assertThat(maps.journey(tenant.tenantId(), restaurant).content().steps()).hasSize(before);
    }

    @Test
    void wrongInputOnTheOtherFormsGetsFieldMessagesAndChangesNothing() throws Exception {
        int lived = maps.livedJourneys(tenant.tenantId(), restaurant).size();
        mvc.perform(post("/journeys/" + restaurant + "/lived/new").with(advisor.signedIn()).with(csrf())
                        .param("participant", "").param("method", "INTERVIEW").param("recordedOn", "gisteren"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Vul een datum in zoals 2026-03-15."),
                        containsString("Controleer deze velden"))));
        mvc.perform(post("/journeys/" + restaurant + "/lived/new").with(advisor.signedIn()).with(csrf())
                        .param("participant", "Deelnemer H").param("method", "INTERVIEW").param("recordedOn", "2026-01-05"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Kies bij minstens één stap hoe het was.")));
        assertThat(maps.livedJourneys(tenant.tenantId(), restaurant)).hasSize(lived);
        mvc.perform(post("/journeys/" + restaurant + "/lived/new").with(advisor.signedIn()).with(csrf())
                        .param("participant", "Deelnemer H").param("method", "SHADOWING").param("recordedOn", "2026-01-05")
                        .param("ratings[s5]", "NEGATIVE").param("quotes[s5]", "Niemand wist waar mijn aanvraag was."))
                .andExpect(status().is3xxRedirection());
        assertThat(maps.livedJourneys(tenant.tenantId(), restaurant)).hasSize(lived + 1);

        mvc.perform(post("/journeys/" + restaurant + "/phases").with(advisor.signedIn()).with(csrf())
                        .param("names[0]", "").param("names[1]", "Oriënteren").param("names[2]", "Voorbereiden")
                        .param("names[3]", "Aanvragen").param("names[4]", "Gebruiken").param("names[5]", "Stoppen")
                        .param("names[6]", "Tegenvaller"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("De fase Bewust worden heeft nog stappen.")));
        mvc.perform(post("/journeys/" + restaurant + "/opportunities/new").with(advisor.signedIn()).with(csrf())
                        .param("title", "").param("description", "x"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Vul dit in."), containsString("Kies minstens één stap."))));
        mvc.perform(post("/journeys/new").with(advisor.signedIn()).with(csrf()).param("name", "x".repeat(201)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Dit is te lang. Gebruik hoogstens 200 tekens.")));
        assertThat(maps.journeys(tenant.tenantId())).hasSize(3);
        assertThat(maps.journey(tenant.tenantId(), restaurant).content().phases().getFirst().name()).isEqualTo("Bewust worden");
    }

    @Test
    void aLinkedQuestionShowsItsScoreOnTheStepAndSmallGroupsStayHidden() throws Exception {
        Questionnaire q = JourneyFixtures.questionnaire(context, tenant);
        mvc.perform(post("/journeys/" + restaurant + "/steps/s3/question").with(advisor.signedIn()).with(csrf())
                .param("question", q.id() + "|A1")).andExpect(status().is3xxRedirection());
        JourneyFixtures.responses(jdbc, q, 5, 4);
        mvc.perform(get("/journeys/" + restaurant).with(viewer.signedIn()))
                .andExpect(content().string(containsString("Te weinig antwoorden om te tonen (2)")));
        JourneyFixtures.responses(jdbc, q, 4, 2, 5);
        // five answers: 5, 4, 4, 2, 5 -> mean 4.0, four of five positive
        mvc.perform(get("/journeys/" + restaurant).with(viewer.signedIn()))
                .andExpect(content().string(containsString("Gemiddeld 4,0 van 5, 80% positief, 5 antwoorden")));
        mvc.perform(get("/api/v1/journeys/" + restaurant + "/map").with(viewer.basic())).andExpect(status().isOk())
                .andExpect(jsonPath("$.steps[2].stepId").value("s3"))
                .andExpect(jsonPath("$.steps[2].surveyMean").value(4.0))
                .andExpect(jsonPath("$.steps[2].surveyRespondents").value(5));
        // an unknown question is refused with a message on the field
        mvc.perform(post("/journeys/" + restaurant + "/steps/s3/question").with(advisor.signedIn()).with(csrf())
                .param("question", UUID.randomUUID() + "|A1")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Kies een vraag uit de lijst.")));
    }

    @Test
    void theMapDownloadsAsPdfPngAndJson() throws Exception {
        byte[] pdf = mvc.perform(get("/journeys/" + restaurant + "/map.pdf").with(viewer.signedIn()))
                .andExpect(status().isOk()).andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertThat(text).contains(DemoJourneys.RESTAURANT).contains("Vergunningen").contains("Stap voor stap");
        }
        byte[] png = mvc.perform(get("/journeys/" + restaurant + "/map.png").with(viewer.signedIn()))
                .andExpect(status().isOk()).andExpect(content().contentType(MediaType.IMAGE_PNG))
                .andReturn().getResponse().getContentAsByteArray();
        var image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
        assertThat(image.getWidth()).isGreaterThan(1000);
        mvc.perform(get("/journeys/" + restaurant + "/journey.json").with(viewer.signedIn())).andExpect(status().isOk())
                .andExpect(jsonPath("$.format").value("stadskompas-journey"));
    }

    @Test
    void theApiListsMapsAddsStepsAndRefusesWrongInput() throws Exception {
        mvc.perform(get("/api/v1/journeys").with(viewer.basic())).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(3));
        mvc.perform(post("/api/v1/journeys/" + restaurant + "/steps").with(viewer.basic()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"phaseId\":\"use\",\"title\":\"Evalueren\"}")).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/journeys/" + restaurant + "/steps").with(advisor.basic()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"phaseId\":\"nowhere\",\"title\":\"\"}")).andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/journeys/" + restaurant + "/steps").with(advisor.basic()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"phaseId\":\"use\",\"title\":\"Evalueren\",\"channel\":\"PHONE\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.id").value("s8"));
        mvc.perform(post("/api/v1/journeys/" + restaurant + "/steps/s8/move").param("direction", "up").with(advisor.basic()))
                .andExpect(status().isOk());
        assertThat(maps.journey(tenant.tenantId(), restaurant).content().stepsIn("use")).extracting(s -> s.id())
                .containsExactly("s8", "s6");
        mvc.perform(post("/api/v1/journeys/" + restaurant + "/lived").with(advisor.basic()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"participant\":\"Deelnemer Z\",\"method\":\"INTERVIEW\",\"recordedOn\":\"2026-01-10\","
                                + "\"experiences\":[{\"stepId\":\"s8\",\"experience\":\"POSITIVE\",\"quote\":\"Fijn\"}]}"))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/journeys/" + restaurant + "/versions").with(advisor.basic()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"note\":\"Na interviews\"}")).andExpect(status().isCreated()).andExpect(jsonPath("$.number").value(2));
        mvc.perform(get("/api/v1/journeys/opportunities").with(viewer.basic())).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(8));
        mvc.perform(put("/api/v1/journeys/" + restaurant + "/steps/s8/question").with(advisor.basic())
                .contentType(MediaType.APPLICATION_JSON).content("{\"questionnaireId\":\"" + UUID.randomUUID() + "\",\"questionKey\":\"A1\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/journeys/" + UUID.randomUUID()).with(viewer.basic())).andExpect(status().isNotFound());
        mvc.perform(get("/v3/api-docs").with(viewer.basic())).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("/api/v1/journeys/{id}/map"), containsString("Journeys"))));
    }
}
