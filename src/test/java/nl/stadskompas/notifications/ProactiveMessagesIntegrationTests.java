// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;

import jakarta.mail.internet.MimeMessage;

import nl.stadskompas.cases.CaseFixtures;
import nl.stadskompas.cases.CaseHandling;
import nl.stadskompas.cases.CaseHandling.Registration;
import nl.stadskompas.cases.CaseTracking;
import nl.stadskompas.cases.IntakeChannel;
import nl.stadskompas.contacts.Appointment;
import nl.stadskompas.contacts.ConsentKind;
import nl.stadskompas.contacts.ContactFixtures;
import nl.stadskompas.contacts.ContactPreferences;
import nl.stadskompas.contacts.PreferencesChange;
import nl.stadskompas.notifications.ProactiveNotices.Document;
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
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The two-weekly update on an open complaint (its due time asserted, then made due), the notice
 * before a document expires and help after a life event (sent with consent, withheld without, also
 * when consent is withdrawn after registering), and the REST API that feeds them.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ProactiveMessagesIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    CaseHandling handling;

    @Autowired
    CaseTracking tracking;

    @Autowired
    ContactPreferences preferences;

    @Autowired
    ProactiveNotices notices;

    @Autowired
    Messaging messaging;

    @Autowired
    SchedulerClient scheduler;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    GreenMail smtp;
    User employee;
    String email;

    @BeforeEach
    void start() {
        smtp = new GreenMail(TestSmtp.setup());
        smtp.start();
        employee = TestData.of(context).userInNewTenant(Role.ADVISOR);
        email = TestData.unique("fenna") + "@example.org";
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    @Test
    void anOpenComplaintGetsAnUpdateEveryTwoWeeksUntilItCloses() {
        CaseFixtures fixtures = CaseFixtures.of(context);
        UUID type = fixtures.complaintType(employee.tenantId(), fixtures.team(employee.tenantId(), "Klantcontact"));
        var registered = handling.register(employee.tenantId(), employee.id(), new Registration(type,
                IntakeChannel.PHONE, null, "Stoep is kapot", "Fenna", email, null, "nl"));
        Instant registeredAt = tracking.find(employee.tenantId(), registered.caseId()).orElseThrow().registeredAt();
        String first = employee.tenantId() + "_" + registered.caseId() + "_1";

        await().atMost(Duration.ofSeconds(20)).until(() -> dueOf(first).isPresent());
        assertThat(dueOf(first)).contains(registeredAt.plus(Duration.ofDays(14)));

        scheduler.reschedule(TaskInstanceId.of(ComplaintUpdates.TASK.getTaskName(), first), Instant.now());
        String subject = "Zo staat het met uw klacht (" + registered.reference() + ")";
        await().atMost(Duration.ofSeconds(20)).until(() -> mail(subject).isPresent());
        assertThat(body(mail(subject).orElseThrow())).contains("Stoep is kapot").contains("We hebben uw klacht ontvangen.")
                .contains("Een medewerker belt u binnen 5 werkdagen.").contains("http://localhost:8080/volgen/")
                .contains("U bepaalt hoe wij u helpen");
        String second = employee.tenantId() + "_" + registered.caseId() + "_2";
        await().atMost(Duration.ofSeconds(20)).until(() -> dueOf(second).isPresent());
        assertThat(dueOf(second)).contains(registeredAt.plus(Duration.ofDays(28)));

        handling.changeStatus(employee.tenantId(), registered.caseId(), employee.id(), "AFGEROND", null);
        await().atMost(Duration.ofSeconds(20)).until(() -> dueOf(second).isEmpty());
        assertThat(mailFor(email)).filteredOn(m -> subjectOf(m).equals(subject)).hasSize(1);
    }

    @Test
    void aDocumentExpiryNoticeGoesSixWeeksBeforeToAResidentWhoAgreed() throws Exception {
        preferences.record(employee.tenantId(), null, email, new PreferencesChange(null, null, null, null, null,
                Map.of(ConsentKind.DOCUMENT_EXPIRY, true)));
        LocalDate expires = LocalDate.now(Appointment.ZONE).plusMonths(4);

        String response = mvc.perform(api(post("/api/v1/proactive/document-expiries"))
                        .content("{\"email\":\"" + email + "\",\"document\":\"PASSPORT\",\"expiresOn\":\"" + expires + "\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.noticeAt").value(expires.minusWeeks(6).atTime(LocalTime.of(9, 0))
                        .atZone(Appointment.ZONE).toInstant().toString()))
                .andReturn().getResponse().getContentAsString();
        String id = response.replaceAll(".*\"id\":\"([0-9a-f-]+)\".*", "$1");

        scheduler.reschedule(TaskInstanceId.of(ProactiveNotices.EXPIRY_TASK.getTaskName(), id), Instant.now());
        await().atMost(Duration.ofSeconds(20)).until(() -> mail("Uw paspoort verloopt bijna").isPresent());
        assertThat(body(mail("Uw paspoort verloopt bijna").orElseThrow()))
                .contains("Uw paspoort is geldig tot").contains("U bepaalt hoe wij u helpen");
    }

    @Test
    void aNoticeIsWithheldWhenConsentWasWithdrawnAfterTheDateWasRegistered() {
        preferences.record(employee.tenantId(), null, email, new PreferencesChange(null, null, null, null, null,
                Map.of(ConsentKind.DOCUMENT_EXPIRY, true)));
        var notice = notices.registerExpiry(employee.tenantId(), email, Document.ID_CARD,
                LocalDate.now(Appointment.ZONE).plusMonths(3));
        preferences.record(employee.tenantId(), null, email, new PreferencesChange(null, null, null, null, null,
                Map.of(ConsentKind.DOCUMENT_EXPIRY, false)));

        scheduler.reschedule(TaskInstanceId.of(ProactiveNotices.EXPIRY_TASK.getTaskName(), notice.id().toString()),
                Instant.now());
        await().atMost(Duration.ofSeconds(20)).until(() -> expiryStatus().isPresent());
        assertThat(expiryStatus()).contains("WITHHELD");
        assertThat(mailFor(email)).isEmpty();
    }

    @Test
    void helpAfterALifeEventGoesOnlyToThoseWhoAgreed() throws Exception {
        mvc.perform(api(put("/api/v1/proactive/life-events/MOVED/links")).content("""
                        [{"titleNl":"Afval en containers","titleEn":"Waste and bins","url":"https://example.org/afval"},
                         {"titleNl":"Parkeervergunning","url":"https://example.org/parkeren"}]"""))
                .andExpect(status().isOk()).andExpect(jsonPath("$[1].titleNl").value("Parkeervergunning"));
        mvc.perform(api(put("/api/v1/proactive/life-events/MOVED/links"))
                        .content("[{\"titleNl\":\"\",\"url\":\"http://example.org\"}]"))
                .andExpect(status().isBadRequest());
        preferences.record(employee.tenantId(), null, email, new PreferencesChange(null, "en", null, null, null,
                Map.of(ConsentKind.LIFE_EVENT, true)));
        String stranger = TestData.unique("ruben") + "@example.org";

        mvc.perform(api(post("/api/v1/proactive/life-events"))
                        .content("{\"email\":\"" + email + "\",\"event\":\"MOVED\",\"date\":\"2026-11-01\"}"))
                .andExpect(status().isAccepted()).andExpect(jsonPath("$.status").value("QUEUED"));
        mvc.perform(api(post("/api/v1/proactive/life-events"))
                        .content("{\"email\":\"" + stranger + "\",\"event\":\"MOVED\",\"date\":\"2026-11-01\"}"))
                .andExpect(status().isAccepted()).andExpect(jsonPath("$.status").value("WITHHELD"));

        await().atMost(Duration.ofSeconds(20)).until(() -> mail("Welcome to your new address").isPresent());
        assertThat(body(mail("Welcome to your new address").orElseThrow()))
                .contains("- Waste and bins: https://example.org/afval")
                .contains("- Parkeervergunning: https://example.org/parkeren")
                .contains("You decide how we help you");
        assertThat(mailFor(stranger)).isEmpty();
    }

    @Test
    void theApiRefusesBadInputAndStoresNothing() throws Exception {
        mvc.perform(api(post("/api/v1/proactive/document-expiries"))
                        .content("{\"email\":\"geen-adres\",\"document\":\"PASSPORT\",\"expiresOn\":\"2000-01-01\"}"))
                .andExpect(status().isBadRequest());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ntf_pro_document_expiry WHERE tenant_id = :t")
                .param("t", employee.tenantId()).query(Integer.class).single()).isZero();

        User viewer = TestData.of(context).userInNewTenant(Role.VIEWER);
        mvc.perform(post("/api/v1/proactive/life-events").with(viewer.basic())
                        .header("X-Tenant-Id", viewer.tenantId().toString()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"" + email + "\",\"event\":\"BIRTH\",\"date\":\"2026-11-01\"}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void appointmentsAndPreferencesThroughTheApi() throws Exception {
        UUID service = ContactFixtures.of(context).passportService(employee.tenantId());
        LocalDate day = LocalDate.now(Appointment.ZONE).plusDays(20);
        mvc.perform(api(put("/api/v1/appointments/preparations/" + service)).content("{\"textNl\":\"Uw oude paspoort\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.textNl").value("Uw oude paspoort"));
        String created = mvc.perform(api(post("/api/v1/appointments")).content("{\"email\":\"" + email
                        + "\",\"serviceId\":\"" + service + "\",\"place\":\"Stadhuis\",\"date\":\"" + day
                        + "\",\"time\":\"09:15\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.serviceName").value("Paspoort aanvragen"))
                .andExpect(jsonPath("$.bringNl").value("Uw oude paspoort"))
                .andReturn().getResponse().getContentAsString();
        String id = created.replaceAll(".*\"id\":\"([0-9a-f-]+)\".*", "$1");
        mvc.perform(api(put("/api/v1/appointments/" + id)).content("{\"date\":\"" + day.plusDays(1) + "\",\"time\":\"13:00\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(2));
        mvc.perform(api(post("/api/v1/appointments")).content("{\"email\":\"x\",\"place\":\"\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(api(get("/api/v1/appointments/" + UUID.randomUUID()))).andExpect(status().isNotFound());

        mvc.perform(api(put("/api/v1/contacts/preferences")).param("address", email)
                        .content("{\"channel\":\"EMAIL\",\"language\":\"en\",\"consents\":{\"LIFE_EVENT\":true}}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.consents.LIFE_EVENT.given").value(true));
        mvc.perform(api(get("/api/v1/contacts/preferences")).param("address", email.toUpperCase()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.language").value("en"));
        UUID person = preferences.preferences(employee.tenantId(), email).orElseThrow().personId();
        assertThat(preferences.accessLog(employee.tenantId(), person))
                .extracting(ContactPreferences.AccessEntry::action).contains("VIEW", "CHANGE", "APPOINTMENT");
    }

    private MockHttpServletRequestBuilder api(MockHttpServletRequestBuilder request) {
        return request.with(employee.basic()).header("X-Tenant-Id", employee.tenantId().toString())
                .contentType(MediaType.APPLICATION_JSON);
    }

    private Optional<Instant> dueOf(String instance) {
        return jdbc.sql("SELECT execution_time FROM scheduled_tasks WHERE task_name = :n AND task_instance = :i")
                .param("n", ComplaintUpdates.TASK.getTaskName()).param("i", instance)
                .query((rs, n) -> rs.getTimestamp(1).toInstant()).optional();
    }

    private Optional<String> expiryStatus() {
        return jdbc.sql("SELECT status FROM ntf_message WHERE tenant_id = :t AND kind = :k")
                .param("t", employee.tenantId()).param("k", ConsentKind.DOCUMENT_EXPIRY.messageKind())
                .query(String.class).optional();
    }

    private Optional<MimeMessage> mail(String subject) {
        return mailFor(email).stream().filter(m -> subjectOf(m).equals(subject)).findFirst();
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

    private static String subjectOf(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(MimeMessage message) {
        return GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "=");
    }
}
