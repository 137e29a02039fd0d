// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The public response pages as a respondent (and a robot) uses them: no sign-in, pages with several
 * questions, saving and continuing later, a double submit, and every kind of wrong input refused
 * with a clear message and nothing stored. Nothing about the sender is stored.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ResponsePagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SubmissionThrottle throttle;

    Questionnaire questionnaire;
    String path;
    String address;

    @BeforeEach
    void setUp() {
        User advisor = TestData.of(context).userInNewTenant(Role.ADVISOR);
        TenantContext tenant = FeedbackFixtures.as(advisor, Role.ADVISOR);
        questionnaire = new FeedbackFixtures(context).publishedQuestionnaire(tenant);
        path = "/v/" + questionnaire.publicId();
        // Each test answers from its own address, so that the throttle of one test does not stop another.
        address = "10." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
    }

    private MockHttpServletRequestBuilder answer(String token, int page, String nav) {
        return post(path).with(r -> remote(r)).param("token", token).param("page", String.valueOf(page)).param("nav", nav);
    }

    private MockHttpServletRequest remote(MockHttpServletRequest request) {
        request.setRemoteAddr(address);
        return request;
    }

    private long responses() {
        return jdbc.sql("SELECT COUNT(*) FROM fb_response WHERE questionnaire_id = :q").param("q", questionnaire.id())
                .query(Long.class).single();
    }

    private static final String TOKEN = "0123456789abcdef0123456789abcdef";

    private String token() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    @Test
    void firstPageShowsSeveralQuestionsWithProgressWithoutSignInOrSession() throws Exception {
        MvcResult result = mvc.perform(get(path))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andExpect(content().string(allOf(containsString("Stap 1 van 3"), containsString("Hoe hebben wij u geholpen?"),
                        containsString("Ik voelde me serieus genomen."), containsString("Ik wist wat de volgende stap was."),
                        containsString("<legend"), containsString("Helemaal mee eens"),
                        containsString("Weet ik niet of niet van toepassing"), containsString("Volgende"),
                        containsString("tabindex=\"-1\""), not(containsString("Uitloggen")), not(containsString("_csrf")))))
                .andReturn();
        assertThat(result.getResponse().getHeader("Set-Cookie")).isNull();
        assertThat(result.getRequest().getSession(false)).isNull();
    }

    @Test
    void englishSwitchShowsEnglishTexts() throws Exception {
        mvc.perform(get(path).param("lang", "en"))
                .andExpect(content().string(allOf(containsString("Step 1 of 3"), containsString("How did we help you?"),
                        containsString("I felt taken seriously."), containsString("Strongly agree"), containsString("Next"))));
    }

    @Test
    void respondentAnswersThreePagesAndSendsOnceEvenWhenSendingTwice() throws Exception {
        String token = token();
        mvc.perform(answer(token, 1, "next").param("q.S1", "4").param("q.S2", "dk").param("q.A1", "5"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Stap 2 van 3"), containsString("Welk rapportcijfer"),
                        containsString("name=\"q.S1\" value=\"4\""), containsString("Vorige"))));
        mvc.perform(answer(token, 2, "next").param("q.S1", "4").param("q.S2", "dk").param("q.A1", "5").param("q.MARK", "8"))
                .andExpect(content().string(allOf(containsString("Stap 3 van 3"), containsString("Versturen"))));
        long before = responses();
        mvc.perform(answer(token, 3, "send").param("q.S1", "4").param("q.S2", "dk").param("q.A1", "5")
                        .param("q.MARK", "8").param("q.AGE", "40-54"))
                .andExpect(redirectedUrl(path + "/bedankt?lang=nl"));
        mvc.perform(answer(token, 3, "send").param("q.S1", "4").param("q.S2", "dk").param("q.A1", "5")
                        .param("q.MARK", "8").param("q.AGE", "40-54"))
                .andExpect(redirectedUrl(path + "/bedankt?lang=nl"));
        assertThat(responses()).isEqualTo(before + 1);
        var stored = jdbc.sql("SELECT a.question_key, a.value_number, a.value_code, a.dont_know FROM fb_answer a "
                        + "JOIN fb_response r ON r.id = a.response_id WHERE r.questionnaire_id = :q ORDER BY a.question_key")
                .param("q", questionnaire.id()).query().listOfRows();
        assertThat(stored).extracting(r -> r.get("question_key")).containsExactly("A1", "AGE", "MARK", "S1", "S2");
        assertThat(stored.get(4).get("dont_know")).isEqualTo(true);
        mvc.perform(get(path + "/bedankt"))
                .andExpect(content().string(allOf(containsString("Bedankt voor uw antwoorden"),
                        containsString("We bespreken de uitkomsten in het team."), containsString("Mogen we contact met u opnemen?"))));
    }

    @Test
    void storesTheContextButNothingAboutTheSender() throws Exception {
        UUID service = FeedbackFixtures.service(jdbc, questionnaire.tenantId(), "Paspoort aanvragen");
        mvc.perform(get(path).param("service", service.toString()).param("channel", "desk").param("location", "Stadhuis")
                        .param("municipality", UUID.randomUUID().toString()))
                .andExpect(content().string(allOf(containsString("name=\"ctx.service\" value=\"" + service + "\""),
                        containsString("name=\"ctx.channel\" value=\"DESK\""), not(containsString("ctx.municipality")))));
        mvc.perform(answer(token(), 3, "send").header("User-Agent", "Robot/1.0").param("q.S1", "2")
                        .param("ctx.service", service.toString()).param("ctx.channel", "DESK").param("ctx.location", "Stadhuis"))
                .andExpect(status().is3xxRedirection());
        var row = jdbc.sql("SELECT * FROM fb_response WHERE questionnaire_id = :q").param("q", questionnaire.id())
                .query().singleRow();
        assertThat(row.get("service_id")).isEqualTo(service);
        assertThat(row.get("channel")).isEqualTo("DESK");
        assertThat(row.get("location")).isEqualTo("Stadhuis");
        assertThat(row.keySet()).map(String::toLowerCase).doesNotContain("ip", "address", "user_agent", "account_id", "created_at");
        assertThat(row.values()).allSatisfy(v -> assertThat(String.valueOf(v)).doesNotContain(address, "Robot"));
    }

    @Test
    void outOfRangeUnknownQuestionMalformedAndHoneypotAreRefusedAndStoreNothing() throws Exception {
        long before = responses();
        mvc.perform(answer(token(), 3, "send").param("q.S1", "6"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("niet verstuurd"), containsString("niet bij vraag S1"),
                        containsString("We hebben niets opgeslagen."))));
        mvc.perform(answer(token(), 3, "send").param("q.MARK", "11"))
                .andExpect(status().isBadRequest());
        mvc.perform(answer(token(), 3, "send").param("q.AGE", "ancient"))
                .andExpect(status().isBadRequest());
        mvc.perform(answer(token(), 3, "send").param("q.X9", "1"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("niet in deze vragenlijst staat (X9)")));
        mvc.perform(answer("not-a-token", 3, "send").param("q.S1", "3"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("niet compleet")));
        mvc.perform(answer(token(), 99, "send").param("q.S1", "3"))
                .andExpect(status().isBadRequest());
        mvc.perform(answer(token(), 3, "explode").param("q.S1", "3"))
                .andExpect(status().isBadRequest());
        mvc.perform(answer(token(), 3, "send").param("q.S1", "3").param("website", "http://spam.example"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Laat dit veld leeg")));
        assertThat(responses()).isEqualTo(before);
    }

    @Test
    void oversizedTextIsShownAsAProblemOnThePageAndStoresNothing() throws Exception {
        TenantContext tenant = tenantOf(questionnaire);
        QuestionnaireEditing editing = context.getBean(QuestionnaireEditing.class);
        editing.newVersion(tenant, questionnaire.id());
        BankEntry custom = context.getBean(QuestionBank.class).addCustom(tenant, new BankInput(QuestionType.SHORT_TEXT,
                "Wat kan beter?", null, null, null, java.util.List.of()));
        editing.addFromBank(tenant, questionnaire.id(), custom.key(), 3);
        editing.publish(tenant, questionnaire.id());
        long before = responses();
        mvc.perform(answer(token(), 3, "send").param("q." + custom.key(), "x".repeat(201)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Kijk uw antwoorden na"),
                        containsString("Uw antwoord is te lang. Gebruik hoogstens 200 tekens."))));
        assertThat(responses()).isEqualTo(before);
    }

    @Test
    void tooManySubmissionsFromOneAddressAreStoppedWithoutStoringTheAddress() throws Exception {
        for (int i = 0; i < throttle.limit(); i++) {
            mvc.perform(answer(token(), 3, "send").param("q.S1", "4")).andExpect(status().is3xxRedirection());
        }
        long before = responses();
        mvc.perform(answer(token(), 3, "send").param("q.S1", "4"))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().string(containsString("Probeer het over 10 minuten nog eens")));
        assertThat(responses()).isEqualTo(before);
    }

    @Test
    void savesAnswersAndContinuesLaterFromTheLinkWithoutCookie() throws Exception {
        String page = mvc.perform(answer(token(), 2, "save").param("q.S1", "5").param("q.MARK", "9"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Uw antwoorden zijn opgeslagen")))
                .andReturn().getResponse().getContentAsString();
        String link = page.replaceAll("(?s).*id=\"bewaarlink\" readonly value=\"([^\"]+)\".*", "$1");
        String resumePath = link.substring(link.indexOf("/v/"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM fb_progress WHERE token_hash = :h")
                .param("h", resumePath.substring(resumePath.lastIndexOf('/') + 1)).query(Long.class).single())
                .as("the token itself is not stored").isZero();
        mvc.perform(get(resumePath))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("U gaat verder waar u was gebleven"),
                        containsString("Stap 2 van 3"), containsString("value=\"9\" checked"))));
        mvc.perform(get(path + "/verder/AAAAAAAAAAAAAAAAAAAAAA"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Deze link werkt niet meer")));
    }

    @Test
    void requiredQuestionLeftOpenGivesAMessageOnItsPage() throws Exception {
        TenantContext tenant = tenantOf(questionnaire);
        QuestionnaireEditing editing = context.getBean(QuestionnaireEditing.class);
        editing.newVersion(tenant, questionnaire.id());
        editing.changeQuestion(tenant, questionnaire.id(), QuestionBank.MARK, new QuestionChange("Welk cijfer?", null,
                null, null, 2, true, null, java.util.List.of(), java.util.List.of()));
        editing.publish(tenant, questionnaire.id());
        mvc.perform(answer(token(), 2, "next").param("q.S1", "4"))
                .andExpect(content().string(allOf(containsString("Stap 2 van 3"), containsString("Geef hier antwoord op."),
                        containsString("href=\"#q-MARK-1\""))));
    }

    @Test
    void contactConsentIsStoredApartFromTheAnswers() throws Exception {
        mvc.perform(post(path + "/contact").with(r -> remote(r)).param("token", token()).param("email", "geen-adres"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("Vul een geldig e-mailadres in"),
                        containsString("Kies waarvoor we contact met u mogen opnemen."))));
        String token = token();
        mvc.perform(post(path + "/contact").with(r -> remote(r)).param("token", token).param("name", "Sam")
                        .param("email", "sam@voorbeeld.nl").param("purposes", "FOLLOW_UP").param("purposes", "RESULTS"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("We hebben uw gegevens ontvangen")));
        mvc.perform(post(path + "/contact").with(r -> remote(r)).param("token", token).param("name", "Sam")
                        .param("email", "sam@voorbeeld.nl").param("purposes", "FOLLOW_UP"))
                .andExpect(status().isOk());
        var rows = jdbc.sql("SELECT * FROM fb_contact_consent WHERE questionnaire_id = :q").param("q", questionnaire.id())
                .query().listOfRows();
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.get("purposes")).isEqualTo("FOLLOW_UP,RESULTS");
            assertThat(row.keySet()).map(String::toLowerCase).doesNotContain("response_id", "token_hash");
            assertThat(row.get("received_month").toString()).endsWith("-01");
        });
    }

    @Test
    void unknownQuestionnaireAndClosedFieldPeriodSayWhatIsGoingOn() throws Exception {
        mvc.perform(get("/v/abcdefghjk")).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("We kunnen deze vragenlijst niet vinden")));
        TenantContext tenant = tenantOf(questionnaire);
        context.getBean(QuestionnaireEditing.class).changeSettings(tenant, questionnaire.id(), new QuestionnaireSettings(
                "Tevredenheid", Schedule.PERIODIC, java.time.LocalDate.of(2020, 1, 1), java.time.LocalDate.of(2020, 2, 1), 100));
        mvc.perform(get(path)).andExpect(content().string(containsString("Deze vragenlijst is gesloten")));
        long before = responses();
        mvc.perform(answer(token(), 1, "send").param("q.S1", "4"))
                .andExpect(content().string(containsString("Deze vragenlijst is gesloten")));
        assertThat(responses()).isEqualTo(before);
    }

    private TenantContext tenantOf(Questionnaire q) {
        return new TenantContext(q.tenantId(), UUID.randomUUID(), "tester", Role.ADVISOR);
    }
}
