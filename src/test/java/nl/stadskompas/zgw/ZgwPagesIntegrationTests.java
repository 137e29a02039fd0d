// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.zgw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import nl.stadskompas.cases.CaseFixtures;
import nl.stadskompas.platform.Role;
import nl.stadskompas.support.TestData;
import nl.stadskompas.support.TestData.User;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * An administrator connects the case system on its pages and through the API: secrets go in and
 * never come out again, bad input changes nothing, zaaktypes and statustypes are mapped to the
 * tenant's own case types and statuses, and nobody else can do any of it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ZgwPagesIntegrationTests {

    static final String SECRET = "zgw-secret-0123456789-abcdefghij-KLMN";

    @Autowired
    ApplicationContext context;

    @Autowired
    MockMvc mvc;

    @Autowired
    ZgwSettings settings;

    @Test
    void theAdministratorConnectsAndTheSecretsAreNeverShownAgain() throws Exception {
        User admin = TestData.of(context).userInNewTenant(Role.ADMINISTRATOR);
        mvc.perform(get("/zgw").with(admin.signedIn())).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Er is nog geen verbinding ingesteld.")));
        mvc.perform(connection(admin, SECRET, "")).andExpect(redirectedUrl("/zgw"));

        String token = settings.find(admin.tenantId()).orElseThrow().callbackToken();
        assertThat(token).as("a strong token is made").hasSizeGreaterThanOrEqualTo(43);
        mvc.perform(get("/zgw").with(admin.signedIn())).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Opgeslagen, eindigt op …KLMN")))
                .andExpect(content().string(Matchers.containsString("/api/zgw/callbacks/" + admin.tenantId())))
                .andExpect(content().string(Matchers.not(Matchers.containsString(SECRET))))
                .andExpect(content().string(Matchers.not(Matchers.containsString(token))));
        mvc.perform(get("/zgw/connection").with(admin.signedIn())).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("https://zaken.example.nl/zaken/api/v1")))
                .andExpect(content().string(Matchers.not(Matchers.containsString(SECRET))));
        mvc.perform(get("/api/v1/zgw/connection").with(admin.basic()).header("X-Tenant-Id", admin.tenantId().toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.clientSecretHint").value("…KLMN"))
                .andExpect(content().string(Matchers.not(Matchers.containsString(SECRET))))
                .andExpect(content().string(Matchers.not(Matchers.containsString(token))));

        // Saving again with the secret fields left empty keeps them.
        mvc.perform(connection(admin, "", "")).andExpect(redirectedUrl("/zgw"));
        assertThat(settings.find(admin.tenantId()).orElseThrow().clientSecret()).isEqualTo(SECRET);
        assertThat(settings.find(admin.tenantId()).orElseThrow().callbackToken()).isEqualTo(token);
    }

    @Test
    void badInputIsShownPerFieldAndChangesNothing() throws Exception {
        User admin = TestData.of(context).userInNewTenant(Role.ADMINISTRATOR);
        mvc.perform(post("/zgw/connection").with(admin.signedIn()).with(csrf())
                        .param("zakenUrl", "zaken").param("catalogiUrl", "ftp://catalogi.example.nl")
                        .param("notificatiesUrl", "https://notificaties.example.nl/api/v1").param("clientId", "")
                        .param("clientSecret", "te kort").param("callbackToken", "ook kort"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Vul een volledig webadres in")))
                .andExpect(content().string(Matchers.containsString("Vul de client-ID in")))
                .andExpect(content().string(Matchers.containsString("minstens 32 en hoogstens 500 tekens")))
                .andExpect(content().string(Matchers.containsString("Een token heeft minstens 32 tekens")));
        assertThat(settings.connection(admin.tenantId())).isEmpty();
        mvc.perform(tenantApi(put("/api/v1/zgw/connection"), admin).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"zakenUrl\": \"nee\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", Matchers.hasItems("zakenUrl", "catalogiUrl", "clientSecret")));
        mvc.perform(tenantApi(post("/api/v1/zgw/abonnement"), admin))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("Stel eerst de verbinding in."));
        assertThat(settings.connection(admin.tenantId())).isEmpty();
    }

    @Test
    void zaaktypesAndStatustypesAreMappedToTheTenantsOwnCaseTypes() throws Exception {
        User admin = TestData.of(context).userInNewTenant(Role.ADMINISTRATOR);
        CaseFixtures fixtures = CaseFixtures.of(context);
        UUID type = fixtures.complaintType(admin.tenantId(), fixtures.team(admin.tenantId(), "Klantcontact"));
        String zaaktype = "https://catalogi.example.nl/api/v1/zaaktypen/" + UUID.randomUUID();

        User stranger = TestData.of(context).userInNewTenant(Role.ADMINISTRATOR);
        UUID strangersType = fixtures.complaintType(stranger.tenantId(),
                fixtures.team(stranger.tenantId(), "Klantcontact"));
        mvc.perform(post("/zgw/zaaktypes/new").with(admin.signedIn()).with(csrf())
                        .param("zaaktypeUrl", zaaktype).param("caseTypeId", strangersType.toString())
                        .param("channel", "ONLINE"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Kies een zaaktype van uw organisatie.")));
        assertThat(settings.zaaktypes(admin.tenantId())).isEmpty();

        mvc.perform(post("/zgw/zaaktypes/new").with(admin.signedIn()).with(csrf())
                        .param("zaaktypeUrl", zaaktype).param("caseTypeId", type.toString()).param("channel", "PHONE"))
                .andExpect(status().is3xxRedirection());
        UUID mapping = settings.zaaktypes(admin.tenantId()).getFirst().id();
        mvc.perform(post("/zgw/zaaktypes/" + mapping + "/statustypes").with(admin.signedIn()).with(csrf())
                        .param("matchOn", "2").param("statusCode", "NIET_BESTAAND"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Kies een status van dit zaaktype.")));
        mvc.perform(post("/zgw/zaaktypes/" + mapping + "/statustypes").with(admin.signedIn()).with(csrf())
                        .param("matchOn", "2").param("statusCode", "IN_BEHANDELING"))
                .andExpect(redirectedUrl("/zgw/zaaktypes/" + mapping));
        mvc.perform(get("/zgw/zaaktypes/" + mapping).with(admin.signedIn())).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(zaaktype)))
                .andExpect(content().string(Matchers.containsString("In behandeling")));
        mvc.perform(tenantApi(get("/api/v1/zgw/zaaktypes"), admin)).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].statustypes[0].statusCode").value("IN_BEHANDELING"))
                .andExpect(jsonPath("$[0].channel").value("PHONE"));

        // Another organisation's administrator cannot see or change it.
        mvc.perform(get("/zgw/zaaktypes/" + mapping).with(stranger.signedIn())).andExpect(status().isNotFound());
        mvc.perform(post("/zgw/zaaktypes/" + mapping + "/delete").with(stranger.signedIn()).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(tenantApi(post("/api/v1/zgw/intake/" + UUID.randomUUID() + "/retry"), stranger))
                .andExpect(status().isNotFound());
        assertThat(settings.zaaktypes(admin.tenantId())).hasSize(1);
    }

    @Test
    void onlyAdministratorsConnectTheCaseSystem() throws Exception {
        User advisor = TestData.of(context).userInNewTenant(Role.ADVISOR);
        mvc.perform(get("/zgw").with(advisor.signedIn())).andExpect(status().isForbidden());
        mvc.perform(connection(advisor, SECRET, "")).andExpect(status().isForbidden());
        mvc.perform(tenantApi(get("/api/v1/zgw/connection"), advisor)).andExpect(status().isForbidden());
        assertThat(settings.connection(advisor.tenantId())).isEmpty();
        mvc.perform(get("/").with(advisor.signedIn())).andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("href=\"/zgw\""))));
    }

    @Test
    void everyPageHasAllItsTextsInDutchAndEnglish() throws Exception {
        User admin = TestData.of(context).userInNewTenant(Role.ADMINISTRATOR);
        CaseFixtures fixtures = CaseFixtures.of(context);
        UUID type = fixtures.complaintType(admin.tenantId(), fixtures.team(admin.tenantId(), "Klantcontact"));
        mvc.perform(connection(admin, SECRET, "")).andExpect(redirectedUrl("/zgw"));
        UUID mapping = settings.addZaaktype(admin.tenantId(), "https://catalogi.example.nl/api/v1/zaaktypen/1", type,
                null);
        settings.addStatustype(admin.tenantId(), mapping, "Ontvangen", "ONTVANGEN");
        for (String lang : new String[] { "nl", "en" }) {
            for (String path : new String[] { "/", "/zgw", "/zgw/connection", "/zgw/zaaktypes/new",
                    "/zgw/zaaktypes/" + mapping, "/zgw/intake" }) {
                mvc.perform(get(path).param("lang", lang).with(admin.signedIn()))
                        .andExpect(status().isOk())
                        .andExpect(content().string(Matchers.not(Matchers.containsString("??"))));
            }
        }
    }

    @Test
    void theApiAndTheCallbackAreDocumented() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/zgw/callbacks/{tenantId}'].post.responses['401']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/zgw/connection'].put").exists())
                .andExpect(jsonPath("$.paths['/api/v1/zgw/intake'].get").exists());
    }

    private MockHttpServletRequestBuilder connection(User user, String secret, String token) {
        return post("/zgw/connection").with(user.signedIn()).with(csrf())
                .param("zakenUrl", "https://zaken.example.nl/zaken/api/v1")
                .param("catalogiUrl", "https://zaken.example.nl/catalogi/api/v1")
                .param("notificatiesUrl", "https://notificaties.example.nl/api/v1")
                .param("clientId", "stadskompas").param("clientSecret", secret).param("callbackToken", token);
    }

    private static MockHttpServletRequestBuilder tenantApi(MockHttpServletRequestBuilder request, User user) {
        return request.with(user.basic()).header("X-Tenant-Id", user.tenantId().toString());
    }
}
