// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;

import jakarta.mail.internet.MimeMessage;

import nl.stadskompas.cases.CaseFixtures;
import nl.stadskompas.cases.CaseTracking;
import nl.stadskompas.cases.IntakeChannel;
import nl.stadskompas.organisation.Organisation;
import nl.stadskompas.organisation.OrganisationRegistry;
import nl.stadskompas.platform.Role;
import nl.stadskompas.support.TestData;
import nl.stadskompas.support.TestData.User;
import nl.stadskompas.support.TestSmtp;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The public feedback card and the teams' inbox: routing by service, status, an answer by e-mail
 * (GreenMail), the address erased on closing, and bad input that stores nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
class FeedbackCardsIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    GreenMail smtp;
    User employee;
    Organisation organisation;
    UUID team;
    UUID service;
    String address;
    String email;

    @BeforeEach
    void setUp() {
        smtp = new GreenMail(TestSmtp.setup());
        smtp.start();
        employee = TestData.of(context).userInNewTenant(Role.FRONT_OFFICE);
        organisation = context.getBean(OrganisationRegistry.class).find(employee.tenantId()).orElseThrow();
        team = UUID.randomUUID();
        jdbc.sql("INSERT INTO org_team (id, tenant_id, name, version) VALUES (:id, :t, 'Afval', 0)")
                .param("id", team).param("t", employee.tenantId()).update();
        service = UUID.randomUUID();
        jdbc.sql("INSERT INTO org_service (id, tenant_id, name, owner_team_id, version) VALUES (:id, :t, 'Grofvuil', :team, 0)")
                .param("id", service).param("t", employee.tenantId()).param("team", team).update();
        address = "10.7." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
        email = TestData.unique("sanne") + "@example.org";
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    private MockHttpServletRequestBuilder card(String kind, String message) {
        return post("/kaart").with(r -> {
            r.setRemoteAddr(address);
            return r;
        }).param("org", organisation.slug()).param("token", UUID.randomUUID().toString().replace("-", ""))
                .param("kind", kind).param("message", message);
    }

    private List<Map<String, Object>> cards() {
        return jdbc.sql("SELECT * FROM fb_card WHERE tenant_id = :t").param("t", employee.tenantId()).query().listOfRows();
    }

    @Test
    void aResidentSendsACardThatReachesTheTeamOfTheService() throws Exception {
        mvc.perform(get("/kaart").param("org", organisation.slug()).param("service", service.toString())
                        .param("channel", "desk").param("location", "Stadhuis"))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("??"))))
                .andExpect(content().string(containsString("Laat het ons weten")))
                .andExpect(content().string(containsString("value=\"DESK\"")))
                .andExpect(content().string(containsString("value=\"Stadhuis\"")));
        mvc.perform(get("/kaart").param("org", organisation.slug()).param("lang", "en"))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("??"))))
                .andExpect(content().string(containsString("Let us know")));
        mvc.perform(card("IDEA", "Zet een bankje bij de ingang.").param("service", service.toString())
                        .param("channel", "DESK").param("location", "Stadhuis"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/kaart/bedankt?org=" + organisation.slug() + "&lang=nl"));
        mvc.perform(get("/kaart/bedankt").param("org", organisation.slug()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Bedankt voor uw bericht")));

        assertThat(cards()).hasSize(1);
        Map<String, Object> stored = cards().getFirst();
        assertThat(stored.get("TEAM_ID")).isEqualTo(team);
        assertThat(stored.get("CHANNEL")).isEqualTo("DESK");
        assertThat(stored.get("EMAIL")).isNull();

        mvc.perform(get("/feedback/cards").param("team", team.toString()).with(employee.signedIn()))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("??"))))
                .andExpect(content().string(containsString("Zet een bankje bij de ingang.")));
        mvc.perform(get("/feedback/cards").param("team", FeedbackCards.GENERAL.toString()).with(employee.signedIn()))
                .andExpect(content().string(not(containsString("Zet een bankje"))));
        mvc.perform(get("/").with(employee.signedIn())).andExpect(content().string(containsString("/feedback/cards")));
    }

    @Test
    void badInputGetsAClearErrorAndStoresNothing() throws Exception {
        mvc.perform(card("", "  ")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Kies wat u ons wilt laten weten.")))
                .andExpect(content().string(containsString("Schrijf uw bericht.")));
        mvc.perform(card("COMPLAINT", "Te lang wachten").param("email", email))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Zet een vinkje")));
        mvc.perform(card("COMPLAINT", "Te lang wachten").param("email", "geen-adres").param("consent", "true"))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("klopt niet")));
        mvc.perform(card("COMPLAINT", "x".repeat(FeedbackCards.MESSAGE_MAX + 1))).andExpect(status().isBadRequest());
        mvc.perform(card("SPAM", "Koop nu")).andExpect(status().isBadRequest());
        mvc.perform(card("IDEA", "Koop nu").param("website", "http://spam.example")).andExpect(status().isBadRequest());
        mvc.perform(post("/kaart").param("org", "bestaat-niet").param("kind", "IDEA").param("message", "x"))
                .andExpect(status().isNotFound());
        assertThat(cards()).isEmpty();
    }

    @Test
    void theTeamAnswersByMailAndClosingErasesTheAddress() throws Exception {
        mvc.perform(card("QUESTION", "Wanneer komt de grofvuilwagen?").param("service", service.toString())
                .param("email", email).param("consent", "true").param("lang", "en"))
                .andExpect(status().is3xxRedirection());
        UUID id = (UUID) cards().getFirst().get("ID");

        mvc.perform(get("/feedback/cards/" + id).with(employee.signedIn())).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("??"))))
                .andExpect(content().string(containsString(email)));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM fb_data_access WHERE tenant_id = :t AND action = 'CARD_VIEWED'")
                .param("t", employee.tenantId()).query(Long.class).single()).isEqualTo(1);
        mvc.perform(post("/feedback/cards/" + id + "/status").param("status", "IN_PROGRESS").with(employee.signedIn())
                .with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(cards().getFirst().get("STATUS")).isEqualTo("IN_PROGRESS");
        mvc.perform(post("/feedback/cards/" + id + "/answer").param("answer", "Elke eerste dinsdag van de maand.")
                .with(employee.signedIn()).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(cards().getFirst().get("STATUS")).isEqualTo("ANSWERED");

        await().atMost(Duration.ofSeconds(20)).until(() -> mailFor(email).size() == 1);
        MimeMessage mail = mailFor(email).getFirst();
        assertThat(mail.getSubject()).isEqualTo("Answer from " + organisation.name() + " to your message");
        assertThat(InvitationsIntegrationTests.body(mail)).contains("Elke eerste dinsdag van de maand.")
                .contains("a question");

        mvc.perform(post("/feedback/cards/" + id + "/status").param("status", "CLOSED").with(employee.signedIn())
                .with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(cards().getFirst().get("EMAIL")).isNull();
        assertThat(cards().getFirst().get("STATUS")).isEqualTo("CLOSED");
        mvc.perform(post("/feedback/cards/" + id + "/answer").param("answer", "Nog iets").with(employee.signedIn())
                .with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(get("/feedback/cards/" + id).with(employee.signedIn()))
                .andExpect(content().string(not(containsString(email))));
        assertThat(mailFor(email)).hasSize(1);
    }

    @Test
    void onlyEmployeesWhoHandleRequestsOfTheSameOrganisationSeeTheCards() throws Exception {
        mvc.perform(card("COMPLIMENT", "Heel vriendelijk geholpen!")).andExpect(status().is3xxRedirection());
        UUID id = (UUID) cards().getFirst().get("ID");
        User viewer = TestData.of(context).user(organisation, Role.VIEWER);
        mvc.perform(get("/feedback/cards").with(viewer.signedIn())).andExpect(status().isForbidden());
        User stranger = TestData.of(context).userInNewTenant(Role.FRONT_OFFICE);
        mvc.perform(get("/feedback/cards/" + id).with(stranger.signedIn())).andExpect(status().isNotFound());
        mvc.perform(get("/feedback/cards").with(stranger.signedIn()))
                .andExpect(content().string(not(containsString("Heel vriendelijk"))));
    }

    @Test
    void aComplaintBecomesACaseOnceAndTheResidentGetsTheCaseReceipt() throws Exception {
        UUID caseType = CaseFixtures.of(context).complaintType(employee.tenantId(), team);
        mvc.perform(card("COMPLAINT", "De grofvuilwagen is drie keer niet gekomen.").param("service", service.toString())
                .param("email", email).param("consent", "true")).andExpect(status().is3xxRedirection());
        UUID id = (UUID) cards().getFirst().get("ID");
        mvc.perform(get("/feedback/cards/" + id).with(employee.signedIn())).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("??"))))
                .andExpect(content().string(containsString("Zaak maken van deze kaart")))
                .andExpect(content().string(containsString("De grofvuilwagen is drie keer niet gekomen.</textarea>")));

        mvc.perform(post("/feedback/cards/" + id + "/case").param("caseTypeId", caseType.toString())
                        .param("subject", "Grofvuil drie keer niet opgehaald").with(employee.signedIn()).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/feedback/cards/" + id));

        Map<String, Object> stored = cards().getFirst();
        String reference = (String) stored.get("CASE_REFERENCE");
        assertThat(reference).matches("Z-\\d{4}-\\d{6}");
        assertThat(stored.get("STATUS")).isEqualTo("IN_PROGRESS");
        CaseTracking tracking = context.getBean(CaseTracking.class);
        var opened = tracking.findByReference(employee.tenantId(), reference).orElseThrow();
        assertThat(opened.caseId()).isEqualTo(stored.get("CASE_ID"));
        assertThat(opened.caseTypeId()).isEqualTo(caseType);
        assertThat(opened.subject()).isEqualTo("Grofvuil drie keer niet opgehaald");
        assertThat(opened.channel()).isEqualTo(IntakeChannel.ONLINE);
        assertThat(tracking.requester(employee.tenantId(), opened.caseId()).orElseThrow().email()).isEqualTo(email);
        mvc.perform(get("/feedback/cards/" + id).with(employee.signedIn())).andExpect(status().isOk())
                .andExpect(content().string(containsString(reference)))
                .andExpect(content().string(containsString("/cases/" + opened.caseId())))
                .andExpect(content().string(not(containsString("Zaak maken van deze kaart"))));
        mvc.perform(get("/feedback/cards").with(employee.signedIn()))
                .andExpect(content().string(containsString("Zaak " + reference)));
        // The case knows no name, and its page says so instead of leaving a blank.
        mvc.perform(get("/cases/" + opened.caseId()).with(employee.signedIn())).andExpect(status().isOk())
                .andExpect(content().string(containsString("Naam niet bekend")))
                .andExpect(content().string(containsString(email)));

        await().atMost(Duration.ofSeconds(20)).until(() -> mailFor(email).size() == 1);
        assertThat(mailFor(email).getFirst().getSubject()).contains(reference);

        // A second time is refused in plain words, and no second case is made.
        mvc.perform(post("/feedback/cards/" + id + "/case").param("caseTypeId", caseType.toString())
                .with(employee.signedIn()).with(csrf())).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("refused", "Van deze kaart is al een zaak gemaakt: " + reference + "."));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM case_file WHERE tenant_id = :t").param("t", employee.tenantId())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(cards().getFirst().get("CASE_REFERENCE")).isEqualTo(reference);
    }

    @Test
    void aCardWithoutAddressBecomesACaseWithoutMessagesAndBadChoicesStoreNothing() throws Exception {
        UUID caseType = CaseFixtures.of(context).complaintType(employee.tenantId(), team);
        mvc.perform(card("QUESTION", "Mag ik mijn kliko bij de stoep laten staan?")).andExpect(status().is3xxRedirection());
        UUID id = (UUID) cards().getFirst().get("ID");
        mvc.perform(get("/feedback/cards/" + id).with(employee.signedIn()))
                .andExpect(content().string(containsString("De inwoner gaf geen e-mailadres")));

        mvc.perform(post("/feedback/cards/" + id + "/case").param("caseTypeId", "").with(employee.signedIn())
                .with(csrf())).andExpect(flash().attribute("refused", "Kies een zaaktype uit de lijst."));
        mvc.perform(post("/feedback/cards/" + id + "/case").param("caseTypeId", UUID.randomUUID().toString())
                .with(employee.signedIn()).with(csrf()))
                .andExpect(flash().attribute("refused", "Kies een zaaktype uit de lijst."));
        mvc.perform(post("/feedback/cards/" + id + "/case").param("caseTypeId", caseType.toString())
                        .param("subject", "x".repeat(FeedbackCards.SUBJECT_MAX + 1)).with(employee.signedIn()).with(csrf()))
                .andExpect(flash().attribute("refused", "Vul een onderwerp in van hoogstens 500 tekens."));
        assertThat(cards().getFirst().get("CASE_ID")).isNull();
        assertThat(cards().getFirst().get("STATUS")).isEqualTo("NEW");

        // Without a subject the card's message is the subject; without an address nobody is written to.
        mvc.perform(post("/feedback/cards/" + id + "/case").param("caseTypeId", caseType.toString())
                .with(employee.signedIn()).with(csrf())).andExpect(flash().attributeCount(2));
        UUID caseId = (UUID) cards().getFirst().get("CASE_ID");
        CaseTracking tracking = context.getBean(CaseTracking.class);
        assertThat(tracking.find(employee.tenantId(), caseId).orElseThrow().subject())
                .isEqualTo("Mag ik mijn kliko bij de stoep laten staan?");
        assertThat(tracking.requester(employee.tenantId(), caseId)).isEmpty();

        // A closed card cannot be made into a case.
        mvc.perform(card("COMPLAINT", "Niemand nam op.")).andExpect(status().is3xxRedirection());
        UUID closed = cards().stream().filter(c -> c.get("CASE_ID") == null).map(c -> (UUID) c.get("ID")).findFirst()
                .orElseThrow();
        mvc.perform(post("/feedback/cards/" + closed + "/status").param("status", "CLOSED").with(employee.signedIn())
                .with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post("/feedback/cards/" + closed + "/case").param("caseTypeId", caseType.toString())
                .with(employee.signedIn()).with(csrf()))
                .andExpect(flash().attribute("refused", "Deze kaart is afgesloten. U kunt er geen zaak meer van maken."));
        User viewer = TestData.of(context).user(organisation, Role.VIEWER);
        mvc.perform(post("/feedback/cards/" + closed + "/case").param("caseTypeId", caseType.toString())
                .with(viewer.signedIn()).with(csrf())).andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM case_file WHERE tenant_id = :t").param("t", employee.tenantId())
                .query(Long.class).single()).isEqualTo(1);
    }

    private List<MimeMessage> mailFor(String to) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(to);
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }
}
