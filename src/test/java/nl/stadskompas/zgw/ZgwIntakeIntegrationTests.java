// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.zgw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;

import jakarta.mail.internet.MimeMessage;

import nl.stadskompas.cases.Actor;
import nl.stadskompas.cases.CaseFixtures;
import nl.stadskompas.cases.CaseKind;
import nl.stadskompas.cases.CaseTracking;
import nl.stadskompas.cases.CaseTypeDraft;
import nl.stadskompas.cases.CaseTypeManagement;
import nl.stadskompas.cases.IntakeChannel;
import nl.stadskompas.cases.StatusDefinition;
import nl.stadskompas.platform.Role;
import nl.stadskompas.support.TestData;
import nl.stadskompas.support.TestData.User;
import nl.stadskompas.support.TestSmtp;
import nl.stadskompas.zgw.ZgwIntake.IntakeEntry;
import nl.stadskompas.zgw.ZgwIntake.IntakeState;
import nl.stadskompas.zgw.ZgwSettings.ConnectionSettings;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The case system notifies, Stadskompas follows: a status set in the municipality's case system
 * reaches the local case and the resident's inbox; a notification about a zaak that cannot be
 * fetched yet waits, visibly, and is processed once it can; a callback without the agreed
 * authorisation or with something other than a notification is refused and leaves no trace. The
 * stub case system checks everything exchanged against the published ZGW specifications.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ZgwIntakeIntegrationTests {

    static final String SECRET = ZgwClientTests.SECRET;

    @Autowired
    ApplicationContext context;

    @Autowired
    MockMvc mvc;

    @Autowired
    ZgwSettings settings;

    @Autowired
    ZgwIntake intake;

    @Autowired
    CaseTracking cases;

    GreenMail smtp;
    ZgwStub stub;
    User admin;
    String token;
    UUID caseTypeId;
    UUID mappingId;

    @BeforeEach
    void start() throws Exception {
        smtp = new GreenMail(TestSmtp.setup());
        smtp.start();
        stub = new ZgwStub(SECRET);
        admin = TestData.of(context).userInNewTenant(Role.ADMINISTRATOR);
        UUID team = CaseFixtures.of(context).team(admin.tenantId(), "Klantcontact");
        caseTypeId = context.getBean(CaseTypeManagement.class).create(admin.tenantId(), new CaseTypeDraft(
                TestData.unique("Klacht"), "Een klacht over hoe wij u hebben geholpen.", CaseKind.COMPLAINT, null, team,
                10, List.of(
                        new StatusDefinition("ONTVANGEN", "Ontvangen", "We hebben uw klacht ontvangen.",
                                "We have received your complaint.", "Een medewerker belt u binnen 5 werkdagen.",
                                "An employee will call you within 5 working days.", Actor.MUNICIPALITY, true, false),
                        new StatusDefinition("IN_BEHANDELING", "In behandeling", "We onderzoeken uw klacht.",
                                "We are looking into your complaint.", "U krijgt een brief met ons antwoord.",
                                "You will get a letter with our answer.", Actor.MUNICIPALITY, true, false),
                        new StatusDefinition("AFGEROND", "Afgerond", "We hebben uw klacht afgehandeld.",
                                "We have dealt with your complaint.", null, null, Actor.NOBODY, true, true))));
        token = "callback-" + UUID.randomUUID() + "-" + UUID.randomUUID();
        settings.saveConnection(admin.tenantId(), new ConnectionSettings(stub.zakenUrl(), stub.catalogiUrl(),
                stub.notificatiesUrl(), "stadskompas-test", SECRET, token));
        mappingId = settings.addZaaktype(admin.tenantId(), stub.zaaktypeUrl(), caseTypeId, IntakeChannel.ONLINE);
    }

    @AfterEach
    void stop() {
        stub.close();
        smtp.stop();
    }

    @Test
    void aStatusSetInTheCaseSystemReachesTheCaseAndTheResident() throws Exception {
        // The administrator registers the abonnement with a button.
        mvc.perform(post("/zgw/abonnement").with(admin.signedIn()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        ZgwStub.Received abonnement = stub.received().getLast();
        assertThat(abonnement.path()).isEqualTo(ZgwStub.NOTIFICATIES + "/abonnement");
        assertThat(abonnement.body()).contains("/api/zgw/callbacks/" + admin.tenantId())
                .contains("\"auth\":\"Bearer " + token + "\"").contains("\"naam\":\"zaken\"");
        assertThat(settings.connection(admin.tenantId()).orElseThrow().abonnementUrl())
                .startsWith(stub.notificatiesUrl() + "/abonnement/");

        String email = TestData.unique("sanne") + "@example.org";
        String zaak = stub.zaak("Afval is niet opgehaald", stub.zaaktypeUrl());
        stub.initiator(zaak, "Sanne", "de Vries", email);
        String ontvangen = stub.statustype(stub.zaaktypeUrl(), 1, "Ontvangen", true, false);
        String inBehandeling = stub.statustype(stub.zaaktypeUrl(), 2, "Onderzoek loopt", true, false);
        settings.addStatustype(admin.tenantId(), mappingId, "2", "IN_BEHANDELING");
        String first = stub.status(zaak, ontvangen, "");

        // The zaak is created: a new case, and the resident gets the receipt.
        callback(stub.notification("status", first, zaak, "create")).andExpect(status().isNoContent());
        IntakeEntry registered = awaitState(zaak, IntakeState.PROCESSED);
        assertThat(registered.outcome()).isEqualTo("zgw.outcome.registered");
        UUID caseId = registered.caseId();
        assertThat(cases.find(admin.tenantId(), caseId)).hasValueSatisfying(c -> {
            assertThat(c.statusCode()).isEqualTo("ONTVANGEN");
            assertThat(c.subject()).isEqualTo("Afval is niet opgehaald");
            assertThat(c.caseTypeId()).isEqualTo(caseTypeId);
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> mailFor(email).size() == 1);
        assertThat(mailFor(email).get(0).getSubject()).startsWith("We hebben uw aanvraag ontvangen");

        // The case system sets the next status: the case follows and the resident is told.
        String second = stub.status(zaak, inBehandeling, "Wij bellen de inzamelaar");
        String notification = stub.notification("status", second, zaak, "create");
        callback(notification).andExpect(status().isNoContent());
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "IN_BEHANDELING".equals(cases.find(admin.tenantId(), caseId).orElseThrow().statusCode()));
        await().atMost(Duration.ofSeconds(20)).until(() -> mailFor(email).size() == 2);
        MimeMessage news = mailFor(email).get(1);
        assertThat(news.getSubject()).startsWith("Er is nieuws over uw zaak");
        assertThat(GreenMailUtil.getBody(news)).contains("We onderzoeken uw klacht.");

        // Employees see the change on the case, with what the case system said, set by no employee.
        mvc.perform(get("/cases/" + caseId).with(admin.signedIn())).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Zaaksysteem: Onderzoek loopt - Wij bellen de inzamelaar")));

        // The same notification again is acknowledged and stored once; nothing is sent twice.
        callback(notification).andExpect(status().isNoContent());
        assertThat(intake.log(admin.tenantId(), 50)).hasSize(2)
                .allSatisfy(e -> assertThat(e.state()).isEqualTo(IntakeState.PROCESSED));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> mailFor(email).size() == 2);

        // The intake log shows both, with a link to the case.
        mvc.perform(get("/zgw/intake").with(admin.signedIn()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Status gewijzigd")))
                .andExpect(content().string(Matchers.containsString("/cases/" + caseId)));
        assertThat(stub.problems()).isEmpty();
    }

    @Test
    void aZaakThatCannotBeFetchedYetIsRetriedShownAndNeverLost() throws Exception {
        String email = TestData.unique("ali") + "@example.org";
        String zaak = stub.zaak("Lantaarnpaal kapot", stub.zaaktypeUrl());
        stub.initiator(zaak, "Ali", "Bakker", email);
        String ontvangen = stub.statustype(stub.zaaktypeUrl(), 1, "Ontvangen", true, false);
        String status = stub.status(zaak, ontvangen, "");
        stub.hide(zaak);

        callback(stub.notification("status", status, zaak, "create")).andExpect(status().isNoContent());
        await().atMost(Duration.ofSeconds(20)).until(() -> entry(zaak).attempts() >= 2);
        IntakeEntry waiting = entry(zaak);
        assertThat(waiting.state()).isEqualTo(IntakeState.RETRYING);
        assertThat(waiting.lastError()).contains("404");
        assertThat(waiting.caseId()).isNull();
        mvc.perform(get("/zgw/intake").with(admin.signedIn()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Wordt later opnieuw geprobeerd")))
                .andExpect(content().string(Matchers.containsString("Not found (404)")));

        // Once the case system has it, the next attempt (here asked for by the administrator) succeeds.
        stub.show(zaak);
        mvc.perform(post("/zgw/intake/" + waiting.id() + "/retry").with(admin.signedIn()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        IntakeEntry done = awaitState(zaak, IntakeState.PROCESSED);
        assertThat(cases.find(admin.tenantId(), done.caseId()).orElseThrow().statusCode()).isEqualTo("ONTVANGEN");
        await().atMost(Duration.ofSeconds(20)).until(() -> mailFor(email).size() == 1);
        assertThat(stub.problems()).isEmpty();
    }

    @Test
    void anUnknownZaaktypeWaitsUntilItIsMapped() throws Exception {
        String otherZaaktype = stub.catalogiUrl() + "/zaaktypen/" + UUID.randomUUID();
        String zaak = stub.zaak("Bezwaar", otherZaaktype);
        stub.initiator(zaak, "Noor", "Jansen", TestData.unique("noor") + "@example.org");
        callback(stub.notification("zaak", zaak, zaak, "create")).andExpect(status().isNoContent());
        await().atMost(Duration.ofSeconds(20)).until(() -> entry(zaak).attempts() >= 1);
        assertThat(entry(zaak).lastError()).contains("Unknown zaaktype " + otherZaaktype);

        settings.addZaaktype(admin.tenantId(), otherZaaktype, caseTypeId, IntakeChannel.EMAIL);
        intake.retry(admin.tenantId(), entry(zaak).id());
        IntakeEntry done = awaitState(zaak, IntakeState.PROCESSED);
        assertThat(cases.find(admin.tenantId(), done.caseId()).orElseThrow().channel()).isEqualTo(IntakeChannel.EMAIL);
        assertThat(stub.problems()).isEmpty();
    }

    @Test
    void aCallbackWithoutTheAgreedAuthorisationIsRefusedAndStoresNothing() throws Exception {
        String zaak = stub.zaak("Klacht", stub.zaaktypeUrl());
        String body = stub.notification("zaak", zaak, zaak, "create");
        mvc.perform(post("/api/zgw/callbacks/" + admin.tenantId()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/zgw/callbacks/" + admin.tenantId()).contentType(MediaType.APPLICATION_JSON).content(body)
                        .header("Authorization", "Bearer not-the-token"))
                .andExpect(status().isUnauthorized());
        // Another tenant's token does not open this tenant's callback.
        User other = TestData.of(context).userInNewTenant(Role.ADMINISTRATOR);
        settings.saveConnection(other.tenantId(), new ConnectionSettings(stub.zakenUrl(), stub.catalogiUrl(),
                stub.notificatiesUrl(), "other", SECRET, null));
        mvc.perform(post("/api/zgw/callbacks/" + other.tenantId()).contentType(MediaType.APPLICATION_JSON).content(body)
                        .header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/zgw/callbacks/" + UUID.randomUUID()).contentType(MediaType.APPLICATION_JSON).content(body)
                        .header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized());
        assertThat(intake.log(admin.tenantId(), 10)).isEmpty();
        assertThat(intake.log(other.tenantId(), 10)).isEmpty();
    }

    @Test
    void somethingOtherThanANotificationGets400WithTheProblemsAndStoresNothing() throws Exception {
        callback("{not json").andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400));
        callback("[]").andExpect(status().isBadRequest());
        callback("{\"kanaal\": \"zaken\", \"resource\": \"status\", \"actie\": \"create\", \"aanmaakdatum\": \"gisteren\","
                + " \"hoofdObject\": \"geen url\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", Matchers.hasItems("hoofdObject", "resourceUrl", "aanmaakdatum")));
        // A zaak of another case system than the configured one is not ours to fetch.
        String foreign = "https://elders.example/zaken/api/v1/zaken/" + UUID.randomUUID();
        callback(stub.notification("zaak", foreign, foreign, "create")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("hoofdObject"));
        assertThat(intake.log(admin.tenantId(), 10)).isEmpty();
    }

    @Test
    void theNotificatiesApisCheckOfTheCallbackIsAcknowledgedAndKeptAsNothingToDo() throws Exception {
        // When an abonnement is registered, the Notificaties API first calls the callback with a test message.
        callback("""
                {"kanaal": "test", "hoofdObject": "http://some.hoofdobject.nl/", "resource": "some_resource",
                 "resourceUrl": "http://some.resource.nl/", "actie": "POST", "aanmaakdatum": "2026-11-20T10:00:00Z",
                 "kenmerken": {}}""").andExpect(status().isNoContent());
        assertThat(intake.log(admin.tenantId(), 10)).singleElement()
                .satisfies(e -> assertThat(e.state()).isEqualTo(IntakeState.IGNORED));
    }

    @Test
    void aNotificationWhoseJobWasLostIsPickedUpAgainOnStart() throws Exception {
        String zaak = stub.zaak("Stoep kapot", stub.zaaktypeUrl());
        stub.initiator(zaak, "Tess", "Smit", TestData.unique("tess") + "@example.org");
        stub.hide(zaak);
        callback(stub.notification("zaak", zaak, zaak, "create")).andExpect(status().isNoContent());
        await().atMost(Duration.ofSeconds(20)).until(() -> entry(zaak).attempts() >= 1);
        // The job table is wiped (a restore, a crash of the scheduler's database): the stored notification remains.
        var jdbc = context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
        jdbc.sql("DELETE FROM scheduled_tasks WHERE task_name = 'zgw-intake' AND task_instance = :id")
                .param("id", entry(zaak).id().toString()).update();
        stub.show(zaak);
        context.getBean("zgwIntakeResume", org.springframework.boot.ApplicationRunner.class).run(null);
        assertThat(awaitState(zaak, IntakeState.PROCESSED).caseId()).isNotNull();
        assertThat(stub.problems()).isEmpty();
    }

    @Test
    void processedNotificationsAreForgottenAfterTheConfiguredTimeAndWaitingOnesAreKept() throws Exception {
        String zaak = stub.zaak("Oud", stub.zaaktypeUrl());
        stub.hide(zaak);
        callback("""
                {"kanaal": "test", "hoofdObject": "http://some.hoofdobject.nl/", "resource": "some_resource",
                 "resourceUrl": "http://some.resource.nl/", "actie": "POST", "aanmaakdatum": "2026-01-01T10:00:00Z"}""")
                .andExpect(status().isNoContent());
        callback(stub.notification("zaak", zaak, zaak, "create")).andExpect(status().isNoContent());
        var jdbc = context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
        jdbc.sql("UPDATE zgw_inbox SET received_at = :old WHERE tenant_id = :t")
                .param("old", java.sql.Timestamp.from(java.time.Instant.now().minus(Duration.ofDays(91))))
                .param("t", admin.tenantId()).update();
        context.getBean(IntakeJob.Cleanup.class).run();
        assertThat(intake.log(admin.tenantId(), 10)).singleElement()
                .satisfies(e -> assertThat(e.hoofdObject()).isEqualTo(zaak));
    }

    private ResultActions callback(String body) throws Exception {
        return mvc.perform(post("/api/zgw/callbacks/" + admin.tenantId()).contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", "Bearer " + token).content(body));
    }

    private IntakeEntry entry(String zaak) {
        return intake.log(admin.tenantId(), 50).stream().filter(e -> e.hoofdObject().equals(zaak)).reduce((a, b) -> a)
                .orElseThrow();
    }

    private IntakeEntry awaitState(String zaak, IntakeState state) {
        await().atMost(Duration.ofSeconds(20)).until(() -> intake.log(admin.tenantId(), 50).stream()
                .anyMatch(e -> e.hoofdObject().equals(zaak) && e.state() == state));
        return intake.log(admin.tenantId(), 50).stream()
                .filter(e -> e.hoofdObject().equals(zaak) && e.state() == state).findFirst().orElseThrow();
    }

    private List<MimeMessage> mailFor(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(address);
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }
}
