// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
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
import org.springframework.test.web.servlet.MockMvc;

/**
 * The authoring pages as an advisor and a viewer use them: the question bank, the editor with
 * reading levels, publishing, tailoring, the link with QR codes, the preview and the results.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AuthoringPagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    QuestionnaireEditing editing;

    @Autowired
    JdbcClient jdbc;

    User advisor;
    TenantContext tenant;
    Questionnaire questionnaire;

    @BeforeEach
    void setUp() {
        advisor = TestData.of(context).userInNewTenant(Role.ADVISOR);
        tenant = FeedbackFixtures.as(advisor, Role.ADVISOR);
        questionnaire = new FeedbackFixtures(context).publishedQuestionnaire(tenant);
    }

    @Test
    void listAndOverviewShowTheQuestionnaireWithItsVersionAndLink() throws Exception {
        mvc.perform(get("/feedback").with(advisor.signedIn()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Tevredenheid"), containsString("Versie 1"),
                        containsString("Nieuwe vragenlijst"))));
        mvc.perform(get("/feedback/" + questionnaire.id()).with(advisor.signedIn()))
                .andExpect(content().string(allOf(containsString("/v/" + questionnaire.publicId()),
                        containsString("Nieuwe versie maken"), containsString("Eigen versie maken"))));
    }

    @Test
    void advisorCreatesAQuestionnaireAddsQuestionsAndSeesReadingLevels() throws Exception {
        mvc.perform(post("/feedback/new").with(advisor.signedIn()).with(csrf())
                        .param("name", "Na afhandeling").param("kind", "RESIDENT")
                        .param("titleNl", "Hoe ging het?").param("titleEn", ""))
                .andExpect(redirectedUrlPattern("/feedback/*/draft"));
        UUID id = jdbc.sql("SELECT id FROM fb_questionnaire WHERE tenant_id = :t AND name = 'Na afhandeling'")
                .param("t", tenant.tenantId()).query(UUID.class).single();
        mvc.perform(post("/feedback/" + id + "/draft/questions").with(advisor.signedIn()).with(csrf())
                        .param("itemKey", "S1").param("page", "1"))
                .andExpect(redirectedUrl("/feedback/" + id + "/draft"));
        mvc.perform(post("/feedback/" + id + "/draft/texts").with(advisor.signedIn()).with(csrf())
                        .param("titleNl", "Hoe ging het?")
                        .param("introNl", "Indien u derhalve zo vriendelijk zou willen zijn om onverwijld middels dit formulier "
                                + "en overeenkomstig de instructies uw bevindingen inzake de dienstverlening kenbaar te maken.")
                        .param("thanksNl", "Bedankt. We lezen alles."))
                .andExpect(redirectedUrl("/feedback/" + id + "/draft"));
        mvc.perform(get("/feedback/" + id + "/draft").with(advisor.signedIn()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Ik voelde me serieus genomen."),
                        containsString("Moeilijker dan B1"), containsString("Lange zin"),
                        containsString("Ambtelijk woord: derhalve"), containsString("B1 of eenvoudiger"),
                        containsString("Pagina 1"))));
    }

    @Test
    void wrongInputOnTheEditorChangesNothing() throws Exception {
        editing.newVersion(tenant, questionnaire.id());
        mvc.perform(post("/feedback/" + questionnaire.id() + "/draft/texts").with(advisor.signedIn()).with(csrf())
                        .param("titleNl", " ").param("introNl", "x".repeat(1001)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Controleer deze velden"), containsString("id=\"titleNl-error\""))));
        mvc.perform(post("/feedback/" + questionnaire.id() + "/draft/questions/AGE").with(advisor.signedIn()).with(csrf())
                        .param("textNl", "Leeftijd?").param("page", "3").param("conditionKey", "MARK").param("conditionValues", "12")
                        .param("options", "Jong\nOud"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("hangt af van een antwoord dat vraag MARK niet heeft")));
        QuestionnaireVersion draft = editing.draft(editing.questionnaire(tenant.tenantId(), questionnaire.id())).orElseThrow();
        assertThat(draft.texts().titleNl()).isEqualTo("Hoe hebben wij u geholpen?");
        assertThat(draft.ownQuestion("AGE").orElseThrow().textNl()).isEqualTo("Hoe oud bent u?");
    }

    @Test
    void advisorPublishesANewVersionAndTailorsForAService() throws Exception {
        UUID service = FeedbackFixtures.service(jdbc, tenant.tenantId(), "Paspoort aanvragen");
        mvc.perform(post("/feedback/" + questionnaire.id() + "/new-version").with(advisor.signedIn()).with(csrf()))
                .andExpect(redirectedUrl("/feedback/" + questionnaire.id() + "/draft"));
        mvc.perform(get("/feedback/" + questionnaire.id() + "/publish").with(advisor.signedIn()))
                .andExpect(content().string(containsString("U publiceert versie 2 met 5 vragen")));
        mvc.perform(post("/feedback/" + questionnaire.id() + "/publish").with(advisor.signedIn()).with(csrf()))
                .andExpect(redirectedUrl("/feedback/" + questionnaire.id()));
        assertThat(editing.published(editing.questionnaire(tenant.tenantId(), questionnaire.id())).orElseThrow().number())
                .isEqualTo(2);

        mvc.perform(post("/feedback/" + questionnaire.id() + "/tailor").with(advisor.signedIn()).with(csrf())
                        .param("serviceId", service.toString()).param("name", ""))
                .andExpect(redirectedUrlPattern("/feedback/*/draft"));
        Questionnaire tailored = editing.tailoredFrom(tenant.tenantId(), questionnaire.id()).getFirst();
        mvc.perform(get("/feedback/" + tailored.id() + "/draft").with(advisor.signedIn()))
                .andExpect(content().string(allOf(containsString("Uit de basis"), containsString("Stelling: blijft altijd"),
                        containsString("/draft/questions/A1/hide"), not(containsString("/draft/questions/S1/hide")))));
        mvc.perform(post("/feedback/" + tailored.id() + "/draft/questions/A1/hide").with(advisor.signedIn()).with(csrf()))
                .andExpect(redirectedUrl("/feedback/" + tailored.id() + "/draft"));
        mvc.perform(post("/feedback/" + tailored.id() + "/draft/questions/S1/hide").with(advisor.signedIn()).with(csrf()))
                .andExpect(redirectedUrl("/feedback/" + tailored.id() + "/draft"));
        assertThat(editing.resolved(tailored, editing.draft(tailored).orElseThrow())).extracting(Question::key)
                .containsExactly("S1", "S2", "MARK", "AGE");
    }

    @Test
    void bankShowsFrameworkAndStandardQuestionsAndTakesOwnQuestions() throws Exception {
        mvc.perform(get("/feedback/bank").with(advisor.signedIn()))
                .andExpect(content().string(allOf(containsString("Ik voelde me serieus genomen."),
                        containsString("Hoe oud bent u?"), containsString("Welk rapportcijfer geeft u ons?"),
                        containsString("Wijzigen in het kader"))));
        mvc.perform(post("/feedback/bank/new").with(advisor.signedIn()).with(csrf()).param("type", "SINGLE_CHOICE")
                        .param("textNl", "Kwam u met de auto?").param("options", "Ja | Yes"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Geef minstens twee keuzes")));
        mvc.perform(post("/feedback/bank/new").with(advisor.signedIn()).with(csrf()).param("type", "SINGLE_CHOICE")
                        .param("textNl", "Kwam u met de auto?").param("options", "Ja | Yes\nNee | No"))
                .andExpect(redirectedUrl("/feedback/bank"));
        BankEntry added = context.getBean(QuestionBank.class).entry(tenant.tenantId(), "C1").orElseThrow();
        assertThat(added.options()).extracting(ChoiceOption::labelEn).containsExactly("Yes", "No");
    }

    @Test
    void linkBuilderGivesALinkWithContextAndQrCodesAsPngAndSvg() throws Exception {
        UUID service = FeedbackFixtures.service(jdbc, tenant.tenantId(), "Paspoort aanvragen");
        mvc.perform(get("/feedback/" + questionnaire.id() + "/link").with(advisor.signedIn())
                        .param("service", service.toString()).param("channel", "DESK").param("location", "Stadhuis")
                        .param("lang", "en"))
                .andExpect(content().string(containsString("/v/" + questionnaire.publicId() + "?service=" + service
                        + "&amp;channel=DESK&amp;location=Stadhuis&amp;lang=en")));
        byte[] png = mvc.perform(get("/feedback/" + questionnaire.id() + "/qr.png").with(advisor.signedIn())
                        .param("channel", "DESK"))
                .andExpect(header().string("Content-Type", "image/png"))
                .andExpect(header().string("Content-Disposition", containsString("vragenlijst-" + questionnaire.publicId() + ".png")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        mvc.perform(get("/feedback/" + questionnaire.id() + "/qr.svg").with(advisor.signedIn()))
                .andExpect(header().string("Content-Type", startsWith("image/svg+xml")))
                .andExpect(content().string(allOf(containsString("<svg"), containsString("<title"),
                        containsString("QR-code naar de vragenlijst Tevredenheid"))));
    }

    @Test
    void previewShowsThePagesAsRespondentsSeeThemAndSendsNothing() throws Exception {
        mvc.perform(get("/feedback/" + questionnaire.id() + "/preview").with(advisor.signedIn()))
                .andExpect(content().string(allOf(containsString("Dit is een voorbeeld van versie 1"),
                        containsString("Stap 1 van 3"), containsString("Helemaal mee eens"), containsString("_csrf"))));
        mvc.perform(post("/feedback/" + questionnaire.id() + "/preview").with(advisor.signedIn()).with(csrf())
                        .param("page", "1").param("nav", "next").param("q.S1", "4"))
                .andExpect(content().string(allOf(containsString("Stap 2 van 3"), containsString("name=\"q.S1\" value=\"4\""))));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM fb_response WHERE questionnaire_id = :q").param("q", questionnaire.id())
                .query(Long.class).single()).isZero();
    }

    @Test
    void resultsPageShowsTablesChartsAndSuppressesSmallGroups() throws Exception {
        ResponseCollection collection = context.getBean(ResponseCollection.class);
        PublicQuestionnaire target = collection.open(questionnaire.publicId()).orElseThrow();
        for (int i = 0; i < 12; i++) {
            collection.storeGiven(target, collection.read(target.layout(), java.util.Map.of("S1", java.util.List.of(
                    i < 9 ? "4" : "2"), "MARK", java.util.List.of("8"))), new ResponseContext(null, i < 10 ? "DESK" : "PHONE",
                    null, null), java.time.LocalDate.of(2026, 5, 4), Via.LINK);
        }
        mvc.perform(get("/feedback/" + questionnaire.id() + "/results").with(advisor.signedIn())
                        .param("breakdown", "channel").param("question", "S1"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("12 antwoorden"), containsString("<svg"),
                        containsString("role=\"img\""), containsString("<caption"), containsString("n = 12"),
                        containsString("75%"), containsString("Niet getoond (minder dan 5"),
                        containsString("Positief betekent: 4 of 5"))));
    }

    @Test
    void aViewerSeesResultsButCannotEditAndAnotherTenantGetsNotFound() throws Exception {
        User viewer = TestData.of(context).user(context.getBean(nl.stadskompas.organisation.OrganisationRegistry.class)
                .find(tenant.tenantId()).orElseThrow(), Role.VIEWER);
        mvc.perform(get("/feedback/" + questionnaire.id()).with(viewer.signedIn()))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Nieuwe versie maken"))));
        mvc.perform(get("/feedback/" + questionnaire.id() + "/draft").with(viewer.signedIn()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/feedback/" + questionnaire.id() + "/new-version").with(viewer.signedIn()).with(csrf()))
                .andExpect(status().isForbidden());
        User stranger = TestData.of(context).userInNewTenant(Role.ADVISOR);
        mvc.perform(get("/feedback/" + questionnaire.id()).with(stranger.signedIn())).andExpect(status().isNotFound());
        mvc.perform(get("/feedback/" + questionnaire.id() + "/qr.png").with(stranger.signedIn())).andExpect(status().isNotFound());
    }
}
