// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;


import nl.stadskompas.feedback.Questionnaire;
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
import org.springframework.test.web.servlet.MockMvc;

/**
 * The analyses through the REST API and the pages, on a questionnaire of the feedback module read
 * through the survey-data extension point: key drivers with quadrants, refusal when too few
 * respondents remain, margins (entered by an advisor only, checked before anything is stored) and
 * representativeness with weighted estimates; other organisations' questionnaires are unknown.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AnalysisIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    User advisor;
    User viewer;
    Questionnaire questionnaire;

    @BeforeEach
    void setUp() {
        TestData data = TestData.of(context);
        var tenant = data.tenant();
        advisor = data.user(tenant, Role.ADVISOR);
        viewer = data.user(tenant, Role.VIEWER);
        questionnaire = AnalysisFixtures.questionnaire(context, advisor);
    }

    private void responses(int count, long seed) {
        AnalysisFixtures.responses(jdbc, questionnaire, count, seed);
    }

    private String keyDrivers() {
        return "/api/v1/insights/analysis/surveys/" + questionnaire.id() + "/key-drivers";
    }

    @Test
    void keyDriversOverTheApiUseOnlyCompleteResponsesAndPlaceEachAspectInAQuadrant() throws Exception {
        responses(60, 1);
        String body = mvc.perform(get(keyDrivers()).with(viewer.basic()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome.key").value("MARK"))
                .andExpect(jsonPath("$.respondents").value(60))
                .andExpect(jsonPath("$.drivers", hasSize(3)))
                .andExpect(jsonPath("$.drivers[0].key").value("A1"))
                .andExpect(jsonPath("$.drivers[0].quadrant").exists())
                .andReturn().getResponse().getContentAsString();
        // Every 17th response has a "don't know" on one aspect: those are left out.
        int expectedN = 60 - (int) java.util.stream.IntStream.range(0, 60).filter(i -> i % 17 < 3).count();
        assertThat(body).contains("\"n\":" + expectedN);
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
        double lmgSum = 0;
        for (var d : json.get("drivers")) {
            lmgSum += d.get("lmg").asDouble();
            assertThat(d.get("n").asInt()).isEqualTo(expectedN);
        }
        assertThat(lmgSum).isCloseTo(json.get("r2").asDouble(), org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void refusesWithAPlainMessageWhenTooFewRemain() throws Exception {
        responses(12, 2);
        mvc.perform(get(keyDrivers()).with(advisor.basic()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("aspects"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("14")));
        mvc.perform(get(keyDrivers()).param("aspects", "MARK").with(advisor.basic()))
                .andExpect(status().isBadRequest());
    }

    @Test
    void anotherOrganisationsQuestionnaireIsUnknown() throws Exception {
        responses(30, 3);
        User stranger = TestData.of(context).userInNewTenant(Role.ADVISOR);
        mvc.perform(get(keyDrivers()).with(stranger.basic())).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/insights/analysis/surveys").with(stranger.basic()))
                .andExpect(content().string(not(containsString(questionnaire.id().toString()))));
    }

    private static final String MARGINS = """
            {"name": "Oeverdam 2026", "source": "Fictief", "cells": [
              {"itemKey": "AGE", "category": "u25", "population": 3000},
              {"itemKey": "AGE", "category": "25-39", "population": 4000},
              {"itemKey": "AGE", "category": "40-54", "population": 4000},
              {"itemKey": "AGE", "category": "55-69", "population": 5000},
              {"itemKey": "AGE", "category": "70plus", "population": 4000}]}
            """;

    @Test
    void marginsAreEnteredByAnAdvisorAndWeightTheEstimates() throws Exception {
        responses(50, 4);
        mvc.perform(post("/api/v1/insights/analysis/margins").with(viewer.basic())
                .contentType(MediaType.APPLICATION_JSON).content(MARGINS)).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/insights/analysis/margins").with(advisor.basic())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Fout\", \"cells\": [{\"itemKey\": \"AGE\", \"category\": \"u25\", \"population\": 0}]}"))
                .andExpect(status().isBadRequest());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ins_margin_set WHERE tenant_id = :t").param("t", advisor.tenantId())
                .query(Long.class).single()).isZero();
        String created = mvc.perform(post("/api/v1/insights/analysis/margins").with(advisor.basic())
                        .contentType(MediaType.APPLICATION_JSON).content(MARGINS))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = new com.fasterxml.jackson.databind.ObjectMapper().readTree(created).get("id").asText();
        mvc.perform(get("/api/v1/insights/analysis/surveys/" + questionnaire.id() + "/representativeness")
                        .param("margins", id).with(viewer.basic()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.n").value(50))
                .andExpect(jsonPath("$.converged").value(true))
                .andExpect(jsonPath("$.marginReports[0].itemKey").value("AGE"))
                .andExpect(jsonPath("$.marginReports[0].degreesOfFreedom").value(4))
                .andExpect(jsonPath("$.marginReports[0].categories[0].respondents").value(10))
                .andExpect(jsonPath("$.marginReports[0].categories[0].weightedShare").value(closeTo(0.15, 1e-9)))
                .andExpect(jsonPath("$.estimates[0].key").value("A1"))
                .andExpect(jsonPath("$.estimates[0].standardError").isNumber());
        User stranger = TestData.of(context).userInNewTenant(Role.ADVISOR);
        mvc.perform(get("/api/v1/insights/analysis/margins/" + id).with(stranger.basic()))
                .andExpect(status().isNotFound());
    }

    @Test
    void weightedKeyDriversSayWhatIsWeightedAndGiveNoPValues() throws Exception {
        responses(60, 6);
        String created = mvc.perform(post("/api/v1/insights/analysis/margins").with(advisor.basic())
                        .contentType(MediaType.APPLICATION_JSON).content(MARGINS))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = new com.fasterxml.jackson.databind.ObjectMapper().readTree(created).get("id").asText();
        int expectedN = 60 - (int) java.util.stream.IntStream.range(0, 60).filter(i -> i % 17 < 3).count();
        String unweighted = mvc.perform(get(keyDrivers()).with(viewer.basic()))
                .andExpect(jsonPath("$.weightedTo").doesNotExist())
                .andExpect(jsonPath("$.drivers[0].correlationP").isNumber())
                .andReturn().getResponse().getContentAsString();
        String body = mvc.perform(get(keyDrivers()).param("margins", id).with(viewer.basic()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.weightedTo").value("Oeverdam 2026"))
                .andExpect(jsonPath("$.n").value(expectedN))
                .andExpect(jsonPath("$.drivers[0].correlationP").doesNotExist())
                .andExpect(jsonPath("$.drivers[0].standardError").doesNotExist())
                .andExpect(jsonPath("$.drivers[0].coefficientP").doesNotExist())
                .andReturn().getResponse().getContentAsString();
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var json = mapper.readTree(body);
        double lmgSum = 0;
        for (var d : json.get("drivers")) {
            lmgSum += d.get("lmg").asDouble();
        }
        assertThat(lmgSum).isCloseTo(json.get("r2").asDouble(), org.assertj.core.api.Assertions.within(1e-9));
        assertThat(json.get("r2").asDouble()).isNotEqualTo(mapper.readTree(unweighted).get("r2").asDouble());
        mvc.perform(get("/insights/analysis/" + questionnaire.id() + "/key-drivers").param("margins", id)
                        .with(viewer.signedIn()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Gewogen naar de bevolkingscijfers Oeverdam 2026")))
                .andExpect(content().string(containsString("niet berekend")));
        mvc.perform(get("/insights/analysis/" + questionnaire.id() + "/key-drivers").with(viewer.signedIn()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Niet wegen")))
                .andExpect(content().string(not(containsString("Gewogen naar"))));
    }

    @Test
    void keyDriversOverTheApiCanBeLimitedToAPeriod() throws Exception {
        responses(60, 7);
        mvc.perform(get(keyDrivers()).param("from", "2026-03-01").param("to", "2026-03-31").with(viewer.basic()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.respondents").value(60))
                .andExpect(jsonPath("$.from").value("2026-03-01"));
        mvc.perform(get(keyDrivers()).param("from", "2026-04-01").with(viewer.basic()))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theChiSquarePoolsSmallCategoriesSoTheirCountsCannotBeWorkedOut() throws Exception {
        // 23 respondents over the five age groups in turn: 5, 5, 5, 4, 4; the last two are below 5.
        responses(23, 8);
        String created = mvc.perform(post("/api/v1/insights/analysis/margins").with(advisor.basic())
                        .contentType(MediaType.APPLICATION_JSON).content(MARGINS))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = new com.fasterxml.jackson.databind.ObjectMapper().readTree(created).get("id").asText();
        // Expected values: SciPy's chisquare on the pooled table 5, 5, 5, 8 (fixtures/pooled-chi-square.py).
        mvc.perform(get("/api/v1/insights/analysis/surveys/" + questionnaire.id() + "/representativeness")
                        .param("margins", id).with(viewer.basic()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.marginReports[0].pooled").value(true))
                .andExpect(jsonPath("$.marginReports[0].degreesOfFreedom").value(3))
                .andExpect(jsonPath("$.marginReports[0].chiSquare").value(closeTo(1.2995169082125604, 1e-9)))
                .andExpect(jsonPath("$.marginReports[0].p").value(closeTo(0.7292477944074283, 1e-9)))
                .andExpect(jsonPath("$.marginReports[0].categories[0].respondents").value(5))
                .andExpect(jsonPath("$.marginReports[0].categories[3].respondents").doesNotExist())
                .andExpect(jsonPath("$.marginReports[0].categories[4].respondents").doesNotExist());
        mvc.perform(get("/insights/analysis/" + questionnaire.id() + "/representativeness").param("margins", id)
                        .with(viewer.signedIn()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Chi-kwadraat 1,30 met 3 vrijheidsgraden")))
                .andExpect(content().string(containsString("Voor de toets zijn ze samen één groep")));
    }

    @Test
    void pagesShowTheAnalysesWithAMatrixAndATable() throws Exception {
        responses(60, 5);
        mvc.perform(get("/insights/analysis").with(viewer.signedIn()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Klantonderzoek")));
        mvc.perform(get("/insights/analysis/" + questionnaire.id() + "/key-drivers").with(viewer.signedIn()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<svg")))
                .andExpect(content().string(containsString("Vriendelijk")))
                .andExpect(content().string(containsString("Eerst verbeteren")));
        mvc.perform(get("/insights/analysis/" + questionnaire.id() + "/key-drivers").param("aspects", "A1")
                        .param("aspects", "A2").param("aspects", "A3").param("outcome", "MARK").with(viewer.signedIn()))
                .andExpect(status().isOk());
        mvc.perform(post("/insights/analysis/margins").with(advisor.signedIn())
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("name", "Oeverdam").param("district", "").param("source", "")
                        .param("cells", "AGE;u25;3000\nAGE;25-39;4000\nAGE;40-54;4000\nAGE;55-69;5000\nAGE;70plus;4000"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/insights/analysis/margins").with(advisor.signedIn())
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("name", "Fout").param("cells", "AGE;u25"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Regel 1 klopt niet")));
        mvc.perform(get("/insights/analysis/" + questionnaire.id() + "/representativeness").with(viewer.signedIn()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Chi-kwadraat")))
                .andExpect(content().string(containsString("Gewogen uitkomsten")));
    }

    @Test
    void theApiIsDocumented() throws Exception {
        mvc.perform(get("/v3/api-docs").with(advisor.basic()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/api/v1/insights/analysis/surveys/{id}/key-drivers")))
                .andExpect(content().string(containsString("listwise deletion")));
    }
}
