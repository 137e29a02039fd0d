// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;

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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The resident's progress page: what it shows and hides, and that a link that leads nowhere gets
 * one and the same answer whatever is wrong with it, with guessing throttled.
 */
@SpringBootTest(properties = "stadskompas.cases.progress.failures-per-client=5")
@AutoConfigureMockMvc
class ProgressPageIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    CaseHandling handling;

    @Autowired
    ContactSettingsManagement contacts;

    @Autowired
    JdbcClient jdbc;

    CaseFixtures fixtures;
    User employee;
    Scene scene;

    @BeforeEach
    void setUp() {
        fixtures = CaseFixtures.of(context);
        employee = TestData.of(context).userInNewTenant(Role.FRONT_OFFICE);
        scene = fixtures.scene(employee.tenantId(), employee.id());
    }

    /** Each test comes from an address of its own, so that throttling in one test never touches another. */
    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private static String someAddress() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(1, 255);
    }

    @Test
    void theResidentSeesWhereTheRequestStandsWithoutSigningIn() throws Exception {
        contacts.save(employee.tenantId(), new ContactDetails("14 0123", "werkdagen 9-17", "weekdays 9-5",
                "https://chat.example.org", "Marktplein 1", "op afspraak", "by appointment"));
        mvc.perform(get("/volgen/" + scene.token()).with(from(someAddress())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Afval is niet opgehaald")))
                .andExpect(content().string(containsString("We hebben uw klacht ontvangen.")))
                .andExpect(content().string(containsString("Een medewerker belt u binnen 5 werkdagen.")))
                .andExpect(content().string(containsString(scene.registered().reference())))
                .andExpect(content().string(containsString("We verwachten dat het klaar is op")))
                .andExpect(content().string(containsString("href=\"tel:140123\"")))
                .andExpect(content().string(containsString("Marktplein 1")))
                .andExpect(content().string(containsString("noindex")))
                .andExpect(content().string(not(containsString("sk-nav"))))
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andExpect(header().string("Referrer-Policy", "no-referrer"))
                .andExpect(header().string("X-Robots-Tag", containsString("noindex")));
    }

    @Test
    void thePageIsAlsoInEnglish() throws Exception {
        mvc.perform(get("/volgen/" + scene.token()).param("lang", "en").with(from(someAddress())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("lang=\"en\"")))
                .andExpect(content().string(containsString("Where does your request stand?")))
                .andExpect(content().string(containsString("We have received your complaint.")))
                .andExpect(content().string(containsString("An employee will call you within 5 working days.")));
    }

    @Test
    void thePageShowsNoInternalNoteNoEmployeeAndNoPersonalDetails() throws Exception {
        handling.changeStatus(employee.tenantId(), scene.caseId(), employee.id(), "IN_BEHANDELING",
                "Geheime notitie: buurman is boos");
        String page = mvc.perform(get("/volgen/" + scene.token()).with(from(someAddress())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("We onderzoeken uw klacht.")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("Geheime notitie", "Sanne", "sanne@example.org", "Test front_office",
                employee.username(), "In behandeling");
    }

    @Test
    void aDelayShowsItsReasonAndNewDate() throws Exception {
        var expected = handling.get(employee.tenantId(), scene.caseId()).expectedDate();
        handling.delay(employee.tenantId(), scene.caseId(), employee.id(), DelayKind.SUSPENSION,
                DelayReason.WAITING_FOR_RESIDENT, "We hebben nog een foto nodig.", expected.plusDays(21));
        mvc.perform(get("/volgen/" + scene.token()).with(from(someAddress())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Het duurt langer dan we eerst dachten.")))
                .andExpect(content().string(containsString("We wachten op informatie of een document van u.")))
                .andExpect(content().string(containsString("We hebben nog een foto nodig.")))
                .andExpect(content().string(containsString("De nieuwe datum is")));
    }

    @Test
    void unknownMalformedRevokedAndExpiredLinksAllGetTheIdenticalNotFoundPage() throws Exception {
        String address = someAddress();
        MockHttpServletResponse unknown = notFound("/volgen/" + ProgressTokens.generate(), address);
        MockHttpServletResponse malformed = notFound("/volgen/kort!" + "x".repeat(200), address);
        MockHttpServletResponse nested = notFound("/volgen/abc/def", address);

        String revokedToken = scene.token();
        handling.replaceProgressLink(employee.tenantId(), scene.caseId());
        MockHttpServletResponse revoked = notFound("/volgen/" + revokedToken, address);

        Scene other = fixtures.scene(employee.tenantId(), employee.id());
        handling.changeStatus(employee.tenantId(), other.caseId(), employee.id(), "AFGEROND", null);
        mvc.perform(get("/volgen/" + other.token()).with(from(someAddress()))).andExpect(status().isOk());
        jdbc.sql("UPDATE case_file SET closed_at = :at WHERE id = :id")
                .param("at", Timestamp.from(Instant.now().minus(31, ChronoUnit.DAYS))).param("id", other.caseId()).update();
        MockHttpServletResponse expired = notFound("/volgen/" + other.token(), someAddress());

        String body = unknown.getContentAsString();
        assertThat(body).contains("We kunnen deze pagina niet vinden").contains("met daarna het netnummer van uw gemeente");
        for (MockHttpServletResponse response : new MockHttpServletResponse[] { malformed, nested, revoked, expired }) {
            assertThat(response.getContentAsString()).isEqualTo(body);
            assertThat(response.getHeader("Cache-Control")).isEqualTo(unknown.getHeader("Cache-Control"));
        }
    }

    private MockHttpServletResponse notFound(String path, String address) throws Exception {
        return mvc.perform(get(path).with(from(address)))
                .andExpect(status().isNotFound())
                .andReturn().getResponse();
    }

    @Test
    void repeatedGuessingIsThrottledButOtherResidentsAreNot() throws Exception {
        String guesser = someAddress();
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/volgen/" + ProgressTokens.generate()).with(from(guesser))).andExpect(status().isNotFound());
        }
        mvc.perform(get("/volgen/" + ProgressTokens.generate()).with(from(guesser)))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(content().string(containsString("Wacht even")));
        mvc.perform(get("/volgen/" + scene.token()).with(from(guesser))).andExpect(status().isTooManyRequests());
        mvc.perform(get("/volgen/" + scene.token()).with(from(someAddress()))).andExpect(status().isOk());
    }

    @Test
    void aSignedInEmployeeOpeningTheLinkSeesNoEmployeeNavigation() throws Exception {
        mvc.perform(get("/volgen/" + scene.token()).with(employee.signedIn()).with(from(someAddress())))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("href=\"/cases\""))))
                .andExpect(content().string(not(containsString("Uitloggen"))));
    }

    @Test
    void aNewLinkFromTheCasePageReplacesTheOldOne() throws Exception {
        String fresh = handling.replaceProgressLink(employee.tenantId(), scene.caseId());
        mvc.perform(get("/volgen/" + fresh).with(from(someAddress()))).andExpect(status().isOk());
        mvc.perform(get("/volgen/" + scene.token()).with(from(someAddress()))).andExpect(status().isNotFound());
    }
}
