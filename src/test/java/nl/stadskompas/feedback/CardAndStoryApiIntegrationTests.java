// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import nl.stadskompas.cases.CaseFixtures;
import nl.stadskompas.feedback.FeedbackCards.CardInput;
import nl.stadskompas.organisation.Organisation;
import nl.stadskompas.organisation.OrganisationRegistry;
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
 * The REST API of the feedback card inbox and of residents' stories: filters, status, answer, a
 * case made of a card, stories only with consent, problem documents for wrong input that change
 * nothing, and the same roles as the pages.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CardAndStoryApiIntegrationTests {

    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FeedbackCards cards;

    User employee;
    Organisation organisation;
    UUID team;
    UUID service;

    @BeforeEach
    void setUp() {
        employee = TestData.of(context).userInNewTenant(Role.FRONT_OFFICE);
        organisation = context.getBean(OrganisationRegistry.class).find(employee.tenantId()).orElseThrow();
        team = UUID.randomUUID();
        jdbc.sql("INSERT INTO org_team (id, tenant_id, name, version) VALUES (:id, :t, 'Afval', 0)")
                .param("id", team).param("t", employee.tenantId()).update();
        service = UUID.randomUUID();
        jdbc.sql("INSERT INTO org_service (id, tenant_id, name, owner_team_id, version) VALUES (:id, :t, 'Grofvuil', :team, 0)")
                .param("id", service).param("t", employee.tenantId()).param("team", team).update();
    }

    private UUID card(String kind, String message, String service, String email) {
        cards.submit(employee.tenantId(), new CardInput(kind, message, service, null, null, email, email != null,
                cards.newToken()), Locale.of("nl"));
        return jdbc.sql("SELECT id FROM fb_card WHERE tenant_id = :t AND message = :m").param("t", employee.tenantId())
                .param("m", message).query(UUID.class).single();
    }

    private Map<String, Object> row(UUID id) {
        return jdbc.sql("SELECT * FROM fb_card WHERE id = :id").param("id", id).query().singleRow();
    }

    @Test
    void listsCardsByStatusKindAndTeamWithoutAddresses() throws Exception {
        card("IDEA", "Een bankje bij de milieustraat.", service.toString(), null);
        UUID complaint = card("COMPLAINT", "Niemand nam de telefoon op.", null, "klager@example.org");
        card("QUESTION", "Wanneer is de milieustraat open?", null, null);

        mvc.perform(get("/api/v1/feedback/cards").with(employee.basic())).andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(3)))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("klager@example.org"))));
        mvc.perform(get("/api/v1/feedback/cards").param("kind", "COMPLAINT").with(employee.basic()))
                .andExpect(jsonPath("$", hasSize(1))).andExpect(jsonPath("$[0].id").value(complaint.toString()))
                .andExpect(jsonPath("$[0].hasEmail").value(true));
        mvc.perform(get("/api/v1/feedback/cards").param("team", team.toString()).with(employee.basic()))
                .andExpect(jsonPath("$", hasSize(1))).andExpect(jsonPath("$[0].kind").value("IDEA"))
                .andExpect(jsonPath("$[0].teamId").value(team.toString()));
        mvc.perform(get("/api/v1/feedback/cards").param("team", "general").param("status", "NEW")
                        .with(employee.basic()))
                .andExpect(jsonPath("$[*].kind", containsInAnyOrder("COMPLAINT", "QUESTION")));
        mvc.perform(get("/api/v1/feedback/cards").param("status", "CLOSED").with(employee.basic()))
                .andExpect(jsonPath("$", hasSize(0)));

        mvc.perform(get("/api/v1/feedback/cards").param("status", "OPEN").with(employee.basic()))
                .andExpect(status().isBadRequest()).andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.errors[0].field").value("status"));
        mvc.perform(get("/api/v1/feedback/cards").param("team", "afval").with(employee.basic()))
                .andExpect(status().isBadRequest()).andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.errors[0].field").value("team"))
                .andExpect(jsonPath("$.errors[0].message", containsString("Dit team kennen we niet")));
    }

    @Test
    void readsChangesAnswersAndMakesACaseOfACard() throws Exception {
        UUID complaint = card("COMPLAINT", "De afvalbak is al een week vol.", service.toString(), "bewoner@example.org");
        UUID idea = card("IDEA", "Meer afvalbakken in het park.", null, null);
        String path = "/api/v1/feedback/cards/" + complaint;

        mvc.perform(get(path).with(employee.basic())).andExpect(status().isOk())
                .andExpect(jsonPath("$.email").value("bewoner@example.org"))
                .andExpect(jsonPath("$.status").value("NEW"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM fb_data_access WHERE tenant_id = :t AND action = 'CARD_VIEWED'")
                .param("t", employee.tenantId()).query(Long.class).single()).isEqualTo(1);

        mvc.perform(post(path + "/status").with(employee.basic()).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest()).andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.errors[0].field").value("status"));
        mvc.perform(post(path + "/status").with(employee.basic()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"status\":\"SOMEDAY\"}")).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
        assertThat(row(complaint).get("STATUS")).isEqualTo("NEW");
        mvc.perform(post(path + "/status").with(employee.basic()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"status\":\"IN_PROGRESS\"}")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IN_PROGRESS"));

        mvc.perform(post(path + "/answer").with(employee.basic()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"answer\":\"  \"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("answer"))
                .andExpect(jsonPath("$.errors[0].message").value("Schrijf eerst een antwoord."));
        mvc.perform(post("/api/v1/feedback/cards/" + idea + "/answer").with(employee.basic())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"answer\":\"Goed idee.\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message", containsString("geen e-mailadres")));
        assertThat(row(idea).get("STATUS")).isEqualTo("NEW");
        mvc.perform(post(path + "/answer").with(employee.basic()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"answer\":\"We legen de bak morgen.\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ANSWERED"))
                .andExpect(jsonPath("$.answer").value("We legen de bak morgen."));

        UUID caseType = CaseFixtures.of(context).complaintType(employee.tenantId(), team);
        mvc.perform(post(path + "/case").with(employee.basic()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"caseTypeId\":\"" + UUID.randomUUID() + "\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("caseTypeId"));
        assertThat(row(complaint).get("CASE_ID")).isNull();
        mvc.perform(post(path + "/case").with(employee.basic()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"caseTypeId\":\"" + caseType + "\",\"subject\":\"Volle afvalbak\"}"))
                .andExpect(status().isCreated()).andExpect(header().string("Location", startsWith("/api/v1/cases/")))
                .andExpect(jsonPath("$.reference", startsWith("Z-")));
        mvc.perform(post(path + "/case").with(employee.basic()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"caseTypeId\":\"" + caseType + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message", containsString("al een zaak gemaakt")));
        mvc.perform(get(path).with(employee.basic())).andExpect(jsonPath("$.caseReference", startsWith("Z-")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM case_file WHERE tenant_id = :t").param("t", employee.tenantId())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void cardsAreForThoseWhoHandleRequestsOfTheSameOrganisation() throws Exception {
        UUID id = card("COMPLIMENT", "Snel geholpen!", null, null);
        User viewer = TestData.of(context).user(organisation, Role.VIEWER);
        mvc.perform(get("/api/v1/feedback/cards").with(viewer.basic())).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/feedback/cards/" + id + "/status").with(viewer.basic())
                .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"CLOSED\"}"))
                .andExpect(status().isForbidden());
        User stranger = TestData.of(context).userInNewTenant(Role.FRONT_OFFICE);
        mvc.perform(get("/api/v1/feedback/cards/" + id).with(stranger.basic())).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/feedback/cards").with(stranger.basic())).andExpect(jsonPath("$", hasSize(0)));
        mvc.perform(get("/api/v1/feedback/cards")).andExpect(status().isUnauthorized());
        assertThat(row(id).get("STATUS")).isEqualTo("NEW");
    }

    @Test
    void storiesAreRecordedOnlyWithConsentAndReadingOneIsLogged() throws Exception {
        User advisor = TestData.of(context).user(organisation, Role.ADVISOR);
        String yesterday = LocalDate.now().minusDays(1).toString();
        mvc.perform(post("/api/v1/feedback/stories").with(advisor.basic()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"Verhuizen\",\"story\":\"Het ging snel.\",\"toldOn\":\"31-03-2026\","
                                + "\"consentHow\":\"MAYBE\",\"consent\":false}"))
                .andExpect(status().isBadRequest()).andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.errors[?(@.field == 'consent')].message",
                        org.hamcrest.Matchers.hasItem(containsString("toestemming"))))
                .andExpect(jsonPath("$.errors[?(@.field == 'toldOn')].message",
                        org.hamcrest.Matchers.hasItem("Deze datum klopt niet. Schrijf hem zo: 2026-03-31.")))
                .andExpect(jsonPath("$.errors[?(@.field == 'consentHow')]").exists());
        mvc.perform(post("/api/v1/feedback/stories").with(advisor.basic()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"Verhuizen\",\"story\":\"Het ging snel.\",\"toldOn\":\"" + yesterday
                                + "\",\"consentHow\":\"ORAL\",\"consent\":true,\"serviceId\":\"" + UUID.randomUUID() + "\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("serviceId"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM fb_story WHERE tenant_id = :t").param("t", employee.tenantId())
                .query(Long.class).single()).isZero();

        String created = mvc.perform(post("/api/v1/feedback/stories").with(advisor.basic())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"Grofvuil op tijd\",\"story\":\"De wagen kwam precies op de dag die was "
                                + "afgesproken.\",\"toldOn\":\"" + yesterday + "\",\"consentHow\":\"WRITTEN\","
                                + "\"consent\":true,\"consentNote\":\"Alleen intern\",\"serviceId\":\"" + service + "\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", startsWith("/api/v1/feedback/stories/")))
                .andReturn().getResponse().getContentAsString();
        String id = created.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");

        mvc.perform(get("/api/v1/feedback/stories").param("service", service.toString()).with(advisor.basic()))
                .andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].title").value("Grofvuil op tijd"))
                .andExpect(jsonPath("$[0].story").doesNotExist());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM fb_data_access WHERE tenant_id = :t AND action = 'STORY_VIEWED'")
                .param("t", employee.tenantId()).query(Long.class).single()).isZero();
        mvc.perform(get("/api/v1/feedback/stories/" + id).with(advisor.basic())).andExpect(status().isOk())
                .andExpect(jsonPath("$.story").value("De wagen kwam precies op de dag die was afgesproken."))
                .andExpect(jsonPath("$.consentHow").value("WRITTEN"))
                .andExpect(jsonPath("$.consentNote").value("Alleen intern"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM fb_data_access WHERE tenant_id = :t AND action = 'STORY_VIEWED'")
                .param("t", employee.tenantId()).query(Long.class).single()).isEqualTo(1);

        mvc.perform(get("/api/v1/feedback/stories").with(employee.basic())).andExpect(status().isForbidden());
        mvc.perform(get("/v3/api-docs").with(advisor.basic())).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/feedback/cards'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/feedback/cards/{id}/case'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/feedback/stories'].post").exists());
    }
}
