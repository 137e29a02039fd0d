// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

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
 * The feedback REST API: questionnaires, building a draft, responses (once per token, wrong values
 * refused with nothing stored) and results with small groups suppressed; documented in OpenAPI.
 */
@SpringBootTest
@AutoConfigureMockMvc
class FeedbackApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    User advisor;
    Questionnaire questionnaire;

    @BeforeEach
    void setUp() {
        advisor = TestData.of(context).userInNewTenant(Role.ADVISOR);
        TenantContext tenant = FeedbackFixtures.as(advisor, Role.ADVISOR);
        questionnaire = new FeedbackFixtures(context).publishedQuestionnaire(tenant);
    }

    private long responses() {
        return jdbc.sql("SELECT COUNT(*) FROM fb_response WHERE questionnaire_id = :q").param("q", questionnaire.id())
                .query(Long.class).single();
    }

    private static String token() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    @Test
    void readsQuestionnairesWithTheirPublishedQuestions() throws Exception {
        mvc.perform(get("/api/v1/feedback/questionnaires").with(advisor.basic()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].name").value("Tevredenheid"));
        mvc.perform(get("/api/v1/feedback/questionnaires/" + questionnaire.id()).with(advisor.basic()))
                .andExpect(jsonPath("$.publicId").value(questionnaire.publicId()))
                .andExpect(jsonPath("$.published.number").value(1))
                .andExpect(jsonPath("$.published.questions[0].key").value("S1"))
                .andExpect(jsonPath("$.published.questions[3].type").value("MARK"))
                .andExpect(jsonPath("$.published.questions[3].page").value(2));
        mvc.perform(get("/api/v1/feedback/bank").with(advisor.basic()))
                .andExpect(jsonPath("$[*].key", hasItem("AGE")));
    }

    @Test
    void buildsAndPublishesAQuestionnaire() throws Exception {
        String body = mvc.perform(post("/api/v1/feedback/questionnaires").with(advisor.basic())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Medewerkers\",\"kind\":\"EMPLOYEE\",\"titleNl\":\"Hoe doen wij het?\"}"))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        String id = body.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        mvc.perform(post("/api/v1/feedback/questionnaires/" + id + "/publish").with(advisor.basic()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message", containsString("Voeg eerst vragen toe")));
        mvc.perform(post("/api/v1/feedback/questionnaires/" + id + "/draft/questions").with(advisor.basic())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"itemKey\":\"S1\",\"page\":1}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.textNl", containsString("Inwoners zeggen na contact met ons")));
        mvc.perform(post("/api/v1/feedback/questionnaires/" + id + "/publish").with(advisor.basic()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.published.status").value("PUBLISHED"));
    }

    @Test
    void aResponseIsStoredOncePerToken() throws Exception {
        String token = token();
        String json = "{\"token\":\"" + token + "\",\"context\":{\"channel\":\"phone\"},"
                + "\"answers\":{\"S1\":4,\"S2\":\"dk\",\"MARK\":\"9\",\"AGE\":\"25-39\"}}";
        long before = responses();
        mvc.perform(post("/api/v1/feedback/questionnaires/" + questionnaire.id() + "/responses").with(advisor.basic())
                        .contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("STORED"));
        mvc.perform(post("/api/v1/feedback/questionnaires/" + questionnaire.id() + "/responses").with(advisor.basic())
                        .contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ALREADY_RECEIVED"));
        assertThat(responses()).isEqualTo(before + 1);
        assertThat(jdbc.sql("SELECT channel FROM fb_response WHERE questionnaire_id = :q").param("q", questionnaire.id())
                .query(String.class).single()).isEqualTo("PHONE");
    }

    @Test
    void wrongResponsesAreRefusedWithAClearMessageAndStoreNothing() throws Exception {
        long before = responses();
        String url = "/api/v1/feedback/questionnaires/" + questionnaire.id() + "/responses";
        for (String answers : new String[] { "{\"S1\":6}", "{\"X1\":1}", "{\"AGE\":\"old\"}", "{\"S1\":{\"a\":1}}",
                "{\"S1\":[1,2]}", "{\"S1\":4.5}" }) {
            mvc.perform(post(url).with(advisor.basic()).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"token\":\"" + token() + "\",\"answers\":" + answers + "}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("answers"));
        }
        mvc.perform(post(url).with(advisor.basic()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"token\":\"kort\",\"answers\":{\"S1\":4}}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post(url).with(advisor.basic()).contentType(MediaType.APPLICATION_JSON).content("{\"token\":"))
                .andExpect(status().isBadRequest());
        assertThat(responses()).isEqualTo(before);
    }

    @Test
    void resultsSuppressSmallGroupsAndAnotherTenantGetsNotFound() throws Exception {
        for (int i = 0; i < 3; i++) {
            mvc.perform(post("/api/v1/feedback/questionnaires/" + questionnaire.id() + "/responses").with(advisor.basic())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"token\":\"" + token() + "\",\"answers\":{\"S1\":5}}"))
                    .andExpect(status().isCreated());
        }
        mvc.perform(get("/api/v1/feedback/questionnaires/" + questionnaire.id() + "/results").with(advisor.basic()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").doesNotExist())
                .andExpect(jsonPath("$.questions").isEmpty())
                .andExpect(jsonPath("$.minimumGroup").value(5));
        User stranger = TestData.of(context).userInNewTenant(Role.ADVISOR);
        mvc.perform(get("/api/v1/feedback/questionnaires/" + questionnaire.id() + "/results").with(stranger.basic()))
                .andExpect(status().isNotFound());
    }

    @Test
    void theApiIsDescribedInOpenApi() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/api/v1/feedback/questionnaires/{id}/responses")))
                .andExpect(content().string(containsString("/api/v1/feedback/questionnaires/{id}/results")));
    }
}
