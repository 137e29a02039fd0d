// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import nl.stadskompas.platform.Role;
import nl.stadskompas.platform.TenantContext;
import nl.stadskompas.support.BrowserTestSupport;
import nl.stadskompas.support.TestData.User;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Respondents answer on a phone with JavaScript switched off, in Dutch and in English, save and
 * continue later, send and leave their contact details; an advisor builds, tailors and publishes a
 * questionnaire. Every page is audited for accessibility.
 */
class FeedbackBrowserTests extends BrowserTestSupport {

    private static Browser.NewContextOptions phoneWithoutJavaScript(String locale) {
        return new Browser.NewContextOptions().setJavaScriptEnabled(false).setLocale(locale)
                .setViewportSize(390, 844).setIsMobile(true).setHasTouch(true);
    }

    private Questionnaire published(Role role) {
        User advisor = data.userInNewTenant(role);
        return new FeedbackFixtures(applicationContext).publishedQuestionnaire(FeedbackFixtures.as(advisor, role));
    }

    private Locator question(String legend) {
        return page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName(legend));
    }

    /** Presses a button with the keyboard, as a keyboard user does (and without waiting for animations). */
    private void button(String name) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true)).press("Enter");
        page.waitForLoadState();
    }

    @Test
    void residentAnswersOnAPhoneWithoutJavaScriptSavesContinuesSendsAndLeavesContactDetails() {
        Questionnaire q = published(Role.ADVISOR);
        useContext(phoneWithoutJavaScript("nl-NL"));

        open("/v/" + q.publicId() + "?channel=DESK");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Hoe hebben wij u geholpen?");
        assertThat(page.getByText("Stap 1 van 3")).isVisible();
        assertAccessible();
        question("Ik voelde me serieus genomen.").getByLabel("Mee eens", new Locator.GetByLabelOptions().setExact(true)).check();
        question("Ik wist wat de volgende stap was.").getByLabel("Weet ik niet of niet van toepassing").check();
        button("Volgende");

        assertThat(page.getByText("Stap 2 van 3")).isVisible();
        assertAccessible();
        question("Welk rapportcijfer geeft u ons?").getByLabel("8", new Locator.GetByLabelOptions().setExact(true)).check();
        button("Opslaan en later verder");

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Uw antwoorden zijn opgeslagen");
        assertAccessible();
        String link = page.getByLabel("De link om later verder te gaan").inputValue();
        page.navigate(link);
        assertThat(page.getByText("U gaat verder waar u was gebleven.")).isVisible();
        assertThat(page.getByText("Stap 2 van 3")).isVisible();
        assertThat(question("Welk rapportcijfer geeft u ons?").getByLabel("8", new Locator.GetByLabelOptions().setExact(true))).isChecked();
        assertAccessible();
        button("Volgende");

        assertThat(page.getByText("Stap 3 van 3")).isVisible();
        question("Hoe oud bent u?").getByLabel("40 tot 55 jaar").check();
        assertAccessible();
        button("Versturen");

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Bedankt voor uw antwoorden");
        assertThat(page.getByText("We bespreken de uitkomsten in het team.")).isVisible();
        assertAccessible();
        page.getByLabel("Uw e-mailadres").fill("inwoner@voorbeeld.nl");
        page.getByLabel("door te praten over mijn ervaring").press("Space");
        button("Gegevens versturen");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("We hebben uw gegevens ontvangen");
        assertAccessible();

        JdbcClient jdbc = applicationContext.getBean(JdbcClient.class);
        var answers = jdbc.sql("SELECT a.question_key FROM fb_answer a JOIN fb_response r ON r.id = a.response_id "
                + "WHERE r.questionnaire_id = :q ORDER BY a.question_key").param("q", q.id()).query(String.class).list();
        assertThat(answers).containsExactly("AGE", "MARK", "S1", "S2");
        assertThat(jdbc.sql("SELECT channel FROM fb_response WHERE questionnaire_id = :q").param("q", q.id())
                .query(String.class).single()).isEqualTo("DESK");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM fb_progress WHERE questionnaire_id = :q").param("q", q.id())
                .query(Long.class).single()).as("saved answers are gone once sent").isZero();
    }

    @Test
    void residentAnswersInEnglishSeesAClearProblemAndSwitchesToDutch() {
        User advisor = data.userInNewTenant(Role.ADVISOR);
        TenantContext tenant = FeedbackFixtures.as(advisor, Role.ADVISOR);
        Questionnaire q = new FeedbackFixtures(applicationContext).publishedQuestionnaire(tenant);
        QuestionnaireEditing editing = applicationContext.getBean(QuestionnaireEditing.class);
        editing.newVersion(tenant, q.id());
        editing.changeQuestion(tenant, q.id(), QuestionBank.MARK, new QuestionChange("Welk rapportcijfer geeft u ons?",
                "What mark would you give us?", "Een 1 is heel slecht. Een 10 is uitstekend.",
                "1 is very poor. 10 is excellent.", 2, true, null, List.of(), List.of()));
        editing.publish(tenant, q.id());
        useContext(phoneWithoutJavaScript("en-GB"));

        open("/v/" + q.publicId() + "?lang=en");
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        assertThat(page.getByText("Step 1 of 3")).isVisible();
        assertThat(question("I felt taken seriously.").getByLabel("Strongly agree")).isVisible();
        assertAccessible();
        button("Next");
        button("Next");

        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Please answer this question.");
        assertThat(page.getByText("Step 2 of 3")).isVisible();
        assertAccessible();
        question("What mark would you give us? (required)").getByLabel("10 (excellent)").check();
        button("Nederlands");
        assertThat(page.locator("html")).hasAttribute("lang", "nl");
        assertThat(page.getByText("Stap 2 van 3")).isVisible();
        assertThat(question("Welk rapportcijfer geeft u ons? (verplicht)").getByLabel("10 (uitstekend)")).isChecked();
        assertAccessible();
        button("Vorige");
        assertThat(page.getByText("Stap 1 van 3")).isVisible();
        assertAccessible();
    }

    @Test
    void closedAndUnknownQuestionnairesExplainThemselves() {
        useContext(phoneWithoutJavaScript("nl-NL"));
        open("/v/onbekend12");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("We kunnen deze vragenlijst niet vinden");
        assertAccessible();
    }

    @Test
    void advisorBuildsTailorsAndPublishesAQuestionnaire() {
        User advisor = data.userInNewTenant(Role.ADVISOR);
        TenantContext tenant = FeedbackFixtures.as(advisor, Role.ADVISOR);
        new FeedbackFixtures(applicationContext).publishFramework(tenant);
        JdbcClient jdbc = applicationContext.getBean(JdbcClient.class);
        FeedbackFixtures.service(jdbc, advisor.tenantId(), "Paspoort aanvragen");

        signIn(advisor);
        page.getByRole(AriaRole.NAVIGATION).getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Vragenlijsten")).click();
        assertAccessible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Vragenbank")).click();
        assertThat(page.getByText("Ik voelde me serieus genomen.")).isVisible();
        assertAccessible();
        page.goBack();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Nieuwe vragenlijst")).click();
        assertAccessible();
        page.getByLabel("Naam voor medewerkers").fill("Tevredenheid balie");
        page.getByLabel("Titel voor de invuller").fill("Hoe was uw bezoek aan de balie?");
        button("Vragenlijst maken");

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("Concept bewerken");
        assertAccessible();
        page.getByLabel("Inleiding", new Page.GetByLabelOptions().setExact(true)).fill(
                "Indien u derhalve tijd heeft, verzoeken wij u middels deze vragenlijst uw mening te geven.");
        button("Teksten opslaan");
        assertThat(page.getByText("Ambtelijk woord: derhalve")).isVisible();
        assertAccessible();
        page.getByLabel("Vraag uit de vragenbank").selectOption("S1");
        page.getByLabel("Pagina", new Page.GetByLabelOptions().setExact(true)).selectOption("1");
        button("Toevoegen");
        page.getByLabel("Vraag uit de vragenbank").selectOption("A1");
        button("Toevoegen");
        page.getByLabel("Vraag uit de vragenbank").selectOption("MARK");
        page.getByLabel("Pagina", new Page.GetByLabelOptions().setExact(true)).selectOption("2");
        button("Toevoegen");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Pagina 2"))).isVisible();
        assertAccessible();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Wijzigen MARK")).click();
        assertAccessible();
        page.getByLabel("De invuller moet deze vraag beantwoorden").check();
        button("Opslaan");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("opgeslagen");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Terug naar het concept")).click();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Voorbeeld bekijken")).click();
        assertThat(page.getByText("Stap 1 van 2")).isVisible();
        assertAccessible();
        page.goBack();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Publiceren").setExact(true)).click();
        assertAccessible();
        button("Publiceren");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("gepubliceerd");
        assertAccessible();

        page.getByLabel("Dienst").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Paspoort aanvragen"));
        button("Eigen versie maken");
        assertThat(page.getByText("Stelling: blijft altijd")).isVisible();
        assertAccessible();
        button("Niet vragen A1");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("A1");
        assertAccessible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Publiceren").setExact(true)).click();
        button("Publiceren");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Tevredenheid balie - Paspoort aanvragen");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Link en QR-code")).click();
        page.getByLabel("Kanaal").selectOption("DESK");
        button("Link maken");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("QR-code downloaden als SVG (voor posters)"))).isVisible();
        assertAccessible();
        String link = page.locator("main a[href*='/v/']").first().getAttribute("href");
        assertThat(link).contains("channel=DESK");
        page.goBack();
        page.goBack();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Uitkomsten")).click();
        assertThat(page.getByText("Minder dan 5 antwoorden").first()).isVisible();
        assertAccessible();

        ResponseCollection collection = applicationContext.getBean(ResponseCollection.class);
        Questionnaire base = applicationContext.getBean(QuestionnaireEditing.class).list(advisor.tenantId()).stream()
                .filter(s -> s.baseId() == null).findFirst()
                .map(s -> applicationContext.getBean(QuestionnaireEditing.class).questionnaire(advisor.tenantId(), s.id()))
                .orElseThrow();
        PublicQuestionnaire target = collection.open(base.publicId()).orElseThrow();
        for (int i = 0; i < 14; i++) {
            collection.storeGiven(target, collection.read(target.layout(), java.util.Map.of("S1", List.of(String.valueOf(1 + i % 5)),
                    "MARK", List.of(String.valueOf(4 + i % 7)))), new ResponseContext(null, i < 11 ? "DESK" : "PHONE", null, null),
                    java.time.LocalDate.now().minusDays(i), Via.LINK);
        }
        open("/feedback/" + base.id() + "/results?breakdown=channel&question=S1");
        assertThat(page.locator("main")).containsText("14 antwoorden");
        assertThat(page.locator("svg[role=img]").first()).isVisible();
        assertAccessible();
        open("/feedback/" + base.id() + "/settings");
        page.getByLabel("Open tot en met").fill("2020-01-01");
        page.getByLabel("Open vanaf").fill("2021-01-01");
        button("Opslaan");
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("De einddatum ligt voor de begindatum.");
        assertAccessible();

        UUID tailoredId = applicationContext.getBean(QuestionnaireEditing.class).list(advisor.tenantId()).stream()
                .filter(s -> s.baseId() != null).findFirst().orElseThrow().id();
        var published = applicationContext.getBean(QuestionnaireEditing.class)
                .published(applicationContext.getBean(QuestionnaireEditing.class).questionnaire(advisor.tenantId(), tailoredId))
                .orElseThrow();
        assertThat(published.questions()).extracting(Question::key).containsExactly("S1", "MARK");
    }
}
