// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.stadskompas.cases.CaseFixtures.Scene;
import nl.stadskompas.platform.Role;
import nl.stadskompas.support.TestData;
import nl.stadskompas.support.TestData.User;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The employees' case pages: registering, the open-case list against the norm, changing a status
 * after a preview, delays, case types with their statuses, and who may do what.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CasePagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    CaseHandling handling;

    @Autowired
    CaseTypeManagement types;

    TestData data;
    CaseFixtures fixtures;

    @BeforeEach
    void setUp() {
        data = TestData.of(context);
        fixtures = CaseFixtures.of(context);
    }

    @Test
    void anEmployeeRegistersAComplaintByPhoneAndGetsAWorkingLinkWithQrCode() throws Exception {
        User employee = data.userInNewTenant(Role.FRONT_OFFICE);
        UUID team = fixtures.team(employee.tenantId(), "Klantcontactcentrum");
        UUID type = fixtures.complaintType(employee.tenantId(), team);
        String page = mvc.perform(post("/cases/new").with(employee.signedIn()).with(csrf())
                        .param("caseTypeId", type.toString()).param("channel", "PHONE").param("ownerTeamId", "")
                        .param("subject", "Straatlamp brandt al weken niet").param("requesterName", "Piet")
                        .param("requesterEmail", "").param("requesterPhone", "06 12345678").param("requesterLanguage", "nl"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("is geregistreerd")))
                .andExpect(content().string(containsString("data:image/png;base64,")))
                .andReturn().getResponse().getContentAsString();
        Matcher link = Pattern.compile("id=\"progress-link\" href=\"[^\"]*/volgen/([A-Za-z0-9_-]{32})\"").matcher(page);
        assertThat(link.find()).isTrue();
        String token = link.group(1);
        Matcher caseId = Pattern.compile("/cases/([0-9a-f-]{36})/link/qr.png").matcher(page);
        assertThat(caseId.find()).isTrue();
        byte[] png = mvc.perform(post("/cases/" + caseId.group(1) + "/link/qr.png").with(employee.signedIn()).with(csrf())
                        .param("token", token))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        mvc.perform(post("/cases/" + caseId.group(1) + "/link/qr.svg").with(employee.signedIn()).with(csrf())
                        .param("token", token))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<svg")));
        mvc.perform(post("/cases/" + caseId.group(1) + "/link/qr.svg").with(employee.signedIn()).with(csrf())
                        .param("token", "A".repeat(32)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/volgen/" + token)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Straatlamp brandt al weken niet")));
    }

    @Test
    void registrationWithMissingFieldsShowsMessagesAndRegistersNothing() throws Exception {
        User employee = data.userInNewTenant(Role.FRONT_OFFICE);
        mvc.perform(post("/cases/new").with(employee.signedIn()).with(csrf())
                        .param("caseTypeId", UUID.randomUUID().toString()).param("channel", "PHONE")
                        .param("subject", "").param("requesterName", "").param("requesterEmail", "geen-adres")
                        .param("requesterLanguage", "nl"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"subject-error\">Vul dit veld in.")))
                .andExpect(content().string(containsString("id=\"requesterEmail-error\">Vul een geldig e-mailadres in")));
        mvc.perform(post("/cases/new").with(employee.signedIn()).with(csrf())
                        .param("caseTypeId", UUID.randomUUID().toString()).param("channel", "PIGEON")
                        .param("subject", "Iets").param("requesterName", "Iemand").param("requesterEmail", "a@example.org")
                        .param("requesterLanguage", "nl"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"channel-error\">Deze waarde klopt niet.")))
                .andExpect(content().string(not(containsString("Exception"))));
        mvc.perform(post("/cases/new").with(employee.signedIn()).with(csrf())
                        .param("caseTypeId", UUID.randomUUID().toString()).param("channel", "PHONE")
                        .param("subject", "Iets").param("requesterName", "Iemand").param("requesterEmail", "a@example.org")
                        .param("requesterLanguage", "nl"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"caseTypeId-error\">Kies een zaaktype uit de lijst.")));
        assertThat(handling.openCases(employee.tenantId(), null, "age")).isEmpty();
    }

    @Test
    void theOpenListShowsAgeAgainstTheNormAndMarksLateCasesInText() throws Exception {
        User employee = data.userInNewTenant(Role.TEAM_MANAGER);
        Scene scene = fixtures.scene(employee.tenantId(), employee.id());
        mvc.perform(get("/cases").with(employee.signedIn()).param("team", scene.teamId().toString()).param("sort", "age"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(scene.registered().reference())))
                .andExpect(content().string(containsString("0 van 10 werkdagen")))
                .andExpect(content().string(containsString("Op tijd")));
    }

    @Test
    void changingTheStatusShowsExactlyWhatTheResidentWillReadFirst() throws Exception {
        User employee = data.userInNewTenant(Role.FRONT_OFFICE);
        Scene scene = fixtures.scene(employee.tenantId(), employee.id());
        mvc.perform(post("/cases/" + scene.caseId() + "/status/preview").with(employee.signedIn()).with(csrf())
                        .param("statusCode", "IN_BEHANDELING").param("note", "Buurman gebeld"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("We onderzoeken uw klacht.")))
                .andExpect(content().string(containsString("U krijgt een brief met ons antwoord.")))
                .andExpect(content().string(containsString("krijgt hiervan geen bericht")))
                .andExpect(content().string(containsString("name=\"note\" value=\"Buurman gebeld\"")));
        assertThat(handling.get(employee.tenantId(), scene.caseId()).current().code()).as("nothing changed yet")
                .isEqualTo("ONTVANGEN");
        mvc.perform(post("/cases/" + scene.caseId() + "/status").with(employee.signedIn()).with(csrf())
                        .param("statusCode", "IN_BEHANDELING").param("note", "Buurman gebeld"))
                .andExpect(redirectedUrl("/cases/" + scene.caseId()));
        mvc.perform(get("/cases/" + scene.caseId()).with(employee.signedIn()))
                .andExpect(content().string(containsString("Buurman gebeld")))
                .andExpect(content().string(containsString("id=\"current-status\">In behandeling<")));
    }

    @Test
    void aStatusOutsideTheTypeOrAfterClosingIsRefusedWithAMessage() throws Exception {
        User employee = data.userInNewTenant(Role.FRONT_OFFICE);
        Scene scene = fixtures.scene(employee.tenantId(), employee.id());
        mvc.perform(post("/cases/" + scene.caseId() + "/status").with(employee.signedIn()).with(csrf())
                        .param("statusCode", "VERZONNEN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Kies een status van dit zaaktype.")));
        handling.changeStatus(employee.tenantId(), scene.caseId(), employee.id(), "AFGEROND", null);
        mvc.perform(post("/cases/" + scene.caseId() + "/status").with(employee.signedIn()).with(csrf())
                        .param("statusCode", "IN_BEHANDELING"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Deze zaak is afgesloten.")));
        assertThat(handling.get(employee.tenantId(), scene.caseId()).current().code()).isEqualTo("AFGEROND");
    }

    @Test
    void aDelayNeedsALaterDateAndThenShowsOnTheCase() throws Exception {
        User employee = data.userInNewTenant(Role.FRONT_OFFICE);
        Scene scene = fixtures.scene(employee.tenantId(), employee.id());
        var expected = handling.get(employee.tenantId(), scene.caseId()).expectedDate();
        mvc.perform(post("/cases/" + scene.caseId() + "/delay").with(employee.signedIn()).with(csrf())
                        .param("kind", "EXTENSION").param("reason", "COMPLEX").param("newDate", "2001-01-01"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"newDate-error\">Kies een datum na")));
        mvc.perform(post("/cases/" + scene.caseId() + "/delay").with(employee.signedIn()).with(csrf())
                        .param("kind", "EXTENSION").param("reason", "COMPLEX").param("newDate", "niet-een-datum"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"newDate-error\">")));
        mvc.perform(post("/cases/" + scene.caseId() + "/delay").with(employee.signedIn()).with(csrf())
                        .param("kind", "EXTENSION").param("reason", "COMPLEX").param("explanation", "Er is advies nodig.")
                        .param("newDate", expected.plusDays(10).toString()))
                .andExpect(redirectedUrl("/cases/" + scene.caseId()));
        assertThat(handling.get(employee.tenantId(), scene.caseId()).expectedDate()).isEqualTo(expected.plusDays(10));
    }

    @Test
    void aCaseOfAnotherTenantOrAnUnknownIdIsNotFound() throws Exception {
        User employee = data.userInNewTenant(Role.FRONT_OFFICE);
        User stranger = data.userInNewTenant(Role.FRONT_OFFICE);
        Scene scene = fixtures.scene(stranger.tenantId(), stranger.id());
        mvc.perform(get("/cases/" + scene.caseId()).with(employee.signedIn())).andExpect(status().isNotFound());
        mvc.perform(get("/cases/" + UUID.randomUUID()).with(employee.signedIn())).andExpect(status().isNotFound());
        mvc.perform(get("/cases/not-an-id").with(employee.signedIn())).andExpect(status().isNotFound());
        mvc.perform(post("/cases/" + scene.caseId() + "/status").with(employee.signedIn()).with(csrf())
                .param("statusCode", "AFGEROND")).andExpect(status().isNotFound());
        mvc.perform(post("/cases/" + scene.caseId() + "/link").with(employee.signedIn()).with(csrf()))
                .andExpect(status().isNotFound());
        User advisor = data.user(context.getBean(nl.stadskompas.organisation.OrganisationRegistry.class)
                .find(employee.tenantId()).orElseThrow(), Role.ADVISOR);
        mvc.perform(get("/case-types/" + scene.caseTypeId()).with(advisor.signedIn())).andExpect(status().isNotFound());
        assertThat(handling.get(stranger.tenantId(), scene.caseId()).closed()).isFalse();
    }

    @Test
    void everyPageHasAllItsTextsInDutchAndEnglish() throws Exception {
        User admin = data.userInNewTenant(Role.ADMINISTRATOR);
        Scene scene = fixtures.scene(admin.tenantId(), admin.id());
        for (String lang : new String[] { "nl", "en" }) {
            for (String path : new String[] { "/cases", "/cases/new", "/cases/" + scene.caseId(), "/case-types",
                    "/case-types/new", "/case-types/" + scene.caseTypeId(), "/case-types/contact", "/" }) {
                mvc.perform(get(path).param("lang", lang).with(admin.signedIn()))
                        .andExpect(status().isOk())
                        .andExpect(content().string(not(containsString("??"))));
            }
            mvc.perform(post("/cases/" + scene.caseId() + "/status/preview").param("lang", lang)
                            .with(admin.signedIn()).with(csrf()).param("statusCode", "AFGEROND"))
                    .andExpect(status().isOk())
                    .andExpect(content().string(not(containsString("??"))));
        }
        mvc.perform(get("/cases/" + scene.caseId()).param("lang", "en").with(admin.signedIn()))
                .andExpect(content().string(containsString("See what the resident sees")));
    }

    @Test
    void aViewerMayNotSeeOrHandleCasesAndDoesNotSeeTheMenuEntry() throws Exception {
        User viewer = data.userInNewTenant(Role.VIEWER);
        mvc.perform(get("/cases").with(viewer.signedIn())).andExpect(status().isForbidden());
        mvc.perform(get("/cases/new").with(viewer.signedIn())).andExpect(status().isForbidden());
        mvc.perform(get("/case-types").with(viewer.signedIn())).andExpect(status().isForbidden());
        mvc.perform(get("/").with(viewer.signedIn())).andExpect(content().string(not(containsString("href=\"/cases\""))));
        User frontOffice = data.userInNewTenant(Role.FRONT_OFFICE);
        mvc.perform(get("/").with(frontOffice.signedIn())).andExpect(content().string(containsString("href=\"/cases\"")));
        mvc.perform(get("/case-types/new").with(frontOffice.signedIn())).andExpect(status().isForbidden());
    }

    @Test
    void anAdvisorCreatesACaseTypeAndEditsItsStatusesWithoutJavaScript() throws Exception {
        User advisor = data.userInNewTenant(Role.ADVISOR);
        UUID team = fixtures.team(advisor.tenantId(), "Burgerzaken");
        java.util.function.Supplier<org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder> base = () -> post("/case-types/new").with(advisor.signedIn()).with(csrf())
                .param("name", "Rijbewijs verlengen").param("description", "U verlengt uw rijbewijs.")
                .param("kind", "APPLICATION").param("ownerTeamId", team.toString()).param("serviceId", "")
                .param("normDays", "5")
                .param("statuses[0].code", "AANGEVRAAGD").param("statuses[0].name", "Aangevraagd")
                .param("statuses[0].residentTextNl", "U heeft het aangevraagd.").param("statuses[0].residentTextEn", "You applied.")
                .param("statuses[0].nextStepNl", "Wij bestellen het.").param("statuses[0].nextStepEn", "We order it.")
                .param("statuses[0].actor", "MUNICIPALITY").param("statuses[0].informResident", "true")
                .param("statuses[1].code", "KLAAR").param("statuses[1].name", "Klaar")
                .param("statuses[1].residentTextNl", "Het ligt klaar.").param("statuses[1].residentTextEn", "It is ready.")
                .param("statuses[1].actor", "NOBODY").param("statuses[1].finalStatus", "true");
        // Moving the second status up shows the form again, unsaved, with the order changed.
        String moved = mvc.perform(base.get().param("action", "up-1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("nog niet opgeslagen")))
                .andReturn().getResponse().getContentAsString();
        assertThat(moved.indexOf("value=\"KLAAR\"")).isLessThan(moved.indexOf("value=\"AANGEVRAAGD\""));
        assertThat(types.all(advisor.tenantId())).isEmpty();
        String page = mvc.perform(post("/case-types/new").with(advisor.signedIn()).with(csrf())
                        .param("name", "Leeg").param("description", "x").param("kind", "APPLICATION")
                        .param("ownerTeamId", team.toString()).param("normDays", "5").param("action", "add"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"statuses[0].code\"");
        mvc.perform(base.get().param("action", "save")).andExpect(status().is3xxRedirection());
        assertThat(types.all(advisor.tenantId())).singleElement().satisfies(t -> {
            assertThat(t.statuses()).extracting(StatusDefinition::code).containsExactly("AANGEVRAAGD", "KLAAR");
            assertThat(t.statuses().get(1).finalStatus()).isTrue();
        });
    }

    @Test
    void aCaseTypeWithoutAFinalStatusOrWithDuplicateCodesIsRefused() throws Exception {
        User advisor = data.userInNewTenant(Role.ADVISOR);
        UUID team = fixtures.team(advisor.tenantId(), "Burgerzaken");
        mvc.perform(post("/case-types/new").with(advisor.signedIn()).with(csrf())
                        .param("name", "Half").param("description", "Iets.").param("kind", "APPLICATION")
                        .param("ownerTeamId", team.toString()).param("normDays", "5").param("action", "save")
                        .param("statuses[0].code", "STAP").param("statuses[0].name", "Stap")
                        .param("statuses[0].residentTextNl", "Tekst").param("statuses[0].residentTextEn", "Text")
                        .param("statuses[0].nextStepNl", "Verder").param("statuses[0].nextStepEn", "On")
                        .param("statuses[1].code", "stap").param("statuses[1].name", "Nog een")
                        .param("statuses[1].residentTextNl", "Tekst").param("statuses[1].residentTextEn", "Text")
                        .param("statuses[1].nextStepNl", "Verder").param("statuses[1].nextStepEn", "On"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Maak minstens een status een eindstatus.")))
                .andExpect(content().string(containsString("id=\"statuses[1].code-error\">Status 2: deze code bestaat al")));
        assertThat(types.all(advisor.tenantId())).isEmpty();
    }
}
