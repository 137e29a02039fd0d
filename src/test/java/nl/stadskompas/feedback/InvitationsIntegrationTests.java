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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;

import jakarta.mail.internet.MimeMessage;

import nl.stadskompas.cases.CaseFixtures;
import nl.stadskompas.cases.CaseHandling;
import nl.stadskompas.cases.IntakeChannel;
import nl.stadskompas.cases.CaseHandling.Registration;
import nl.stadskompas.platform.Role;
import nl.stadskompas.platform.TenantContext;
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

/**
 * E-mail invitations with a personal single-use link and a reminder, and continuous measurement
 * through the API and after a closed case, with real SMTP (GreenMail).
 */
@SpringBootTest
@AutoConfigureMockMvc
class InvitationsIntegrationTests {

    private static final Pattern LINK = Pattern.compile("https?://[^/\\s]+(/v/[A-Za-z0-9]+/u/[A-Za-z0-9_-]{43})\\?lang=(nl|en)");

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Invitations invitations;

    GreenMail smtp;
    User advisor;
    TenantContext tenant;
    Questionnaire questionnaire;
    String first;
    String second;

    @BeforeEach
    void setUp() {
        smtp = new GreenMail(TestSmtp.setup());
        smtp.start();
        advisor = TestData.of(context).userInNewTenant(Role.ADVISOR);
        tenant = FeedbackFixtures.as(advisor, Role.ADVISOR);
        questionnaire = new FeedbackFixtures(context).publishedQuestionnaire(tenant);
        first = TestData.unique("anna") + "@example.org";
        second = TestData.unique("bram") + "@example.org";
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    @Test
    void aListGetsPersonalLinksThatWorkOnceAndTheAnswerStaysAnonymous() throws Exception {
        mvc.perform(get("/feedback/" + questionnaire.id() + "/invitations").with(advisor.signedIn()))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("??"))))
                .andExpect(content().string(containsString("Uitnodigen per e-mail")));
        mvc.perform(post("/feedback/" + questionnaire.id() + "/invitations").with(advisor.signedIn()).with(csrf())
                        .param("addresses", first + "\n" + second.toUpperCase() + ", " + first).param("language", "nl"))
                .andExpect(status().is3xxRedirection());
        assertThat(invitations.counts(tenant.tenantId(), questionnaire.id()).invited()).isEqualTo(2);

        String body = body(awaitMail(first, 1).getFirst());
        assertThat(awaitMail(first, 1).getFirst().getSubject()).contains("Hoe hebben wij u geholpen?");
        Matcher link = LINK.matcher(body);
        assertThat(link.find()).as("the mail has a personal link: " + body).isTrue();
        String personal = link.group(1);
        awaitMail(second.toLowerCase(), 1);

        // The reminder waits a week, and the address is kept nowhere in this module's tables.
        List<Map<String, Object>> reminders = reminders();
        assertThat(reminders).hasSize(2).allSatisfy(r -> assertThat(r.get("STATUS")).isEqualTo("QUEUED"));
        Object dueAt = reminders.getFirst().get("DUE_AT");
        Instant due = dueAt instanceof java.time.OffsetDateTime o ? o.toInstant() : ((java.sql.Timestamp) dueAt).toInstant();
        assertThat(due).isBetween(Instant.now().plus(Duration.ofDays(6)), Instant.now().plus(Duration.ofDays(8)));
        assertThat(jdbc.sql("SELECT * FROM fb_invitation WHERE questionnaire_id = :q").param("q", questionnaire.id())
                .query().listOfRows().toString()).doesNotContain("example.org");

        String page = mvc.perform(get(personal)).andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"invite\""))).andReturn().getResponse()
                .getContentAsString();
        String invite = personal.substring(personal.lastIndexOf('/') + 1);
        assertThat(page).contains(invite);
        String token = ResponseCollectionTokens.token(page);
        mvc.perform(post("/v/" + questionnaire.publicId()).with(r -> {
                    r.setRemoteAddr("10.9." + (int) (Math.random() * 250) + ".1");
                    return r;
                }).param("token", token).param("page", "3").param("nav", "send").param("invite", invite)
                        .param("q.S1", "4").param("q.S2", "5").param("q.A1", "4").param("q.MARK", "8"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/v/*/bedankt?lang=nl"));

        var response = jdbc.sql("SELECT * FROM fb_response WHERE questionnaire_id = :q").param("q", questionnaire.id())
                .query().listOfRows();
        assertThat(response).hasSize(1);
        assertThat(response.getFirst().get("VIA")).isEqualTo("INVITATION");
        assertThat(invitations.counts(tenant.tenantId(), questionnaire.id()).answered()).isEqualTo(1);
        assertThat(reminders().stream().map(r -> r.get("STATUS")).sorted().toList())
                .as("the reminder of the one who answered is withdrawn").containsExactly("CANCELLED", "QUEUED");

        // A second use says kindly that it was used, and stores nothing.
        mvc.perform(get(personal)).andExpect(status().isOk())
                .andExpect(content().string(containsString("U heeft deze vragenlijst al ingevuld")))
                .andExpect(content().string(containsString("/kaart?org=")));
        mvc.perform(get(personal).param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(containsString("You have already filled in this questionnaire")));
        mvc.perform(post("/v/" + questionnaire.publicId()).param("token", "0123456789abcdef0123456789abcdef")
                        .param("page", "3").param("nav", "send").param("invite", invite).param("q.S1", "1"))
                .andExpect(content().string(containsString("al ingevuld")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM fb_response WHERE questionnaire_id = :q").param("q", questionnaire.id())
                .query(Long.class).single()).isEqualTo(1);
        mvc.perform(get("/v/" + questionnaire.publicId() + "/u/" + "x".repeat(43))).andExpect(status().isNotFound());
    }

    @Test
    void anInviteeWhoSavesAndContinuesLaterStillUsesUpTheirLink() throws Exception {
        mvc.perform(post("/feedback/" + questionnaire.id() + "/invitations").with(advisor.signedIn()).with(csrf())
                .param("addresses", first).param("language", "nl")).andExpect(status().is3xxRedirection());
        Matcher link = LINK.matcher(body(awaitMail(first, 1).getFirst()));
        assertThat(link.find()).isTrue();
        String invite = link.group(1).substring(link.group(1).lastIndexOf('/') + 1);
        String token = ResponseCollectionTokens.token(mvc.perform(get(link.group(1))).andReturn().getResponse()
                .getContentAsString());
        String saved = mvc.perform(post("/v/" + questionnaire.publicId()).with(r -> {
                    r.setRemoteAddr("10.8." + (int) (Math.random() * 250) + ".2");
                    return r;
                }).param("token", token).param("page", "1").param("nav", "save").param("invite", invite)
                        .param("q.S1", "4"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Matcher resume = Pattern.compile("(/v/[A-Za-z0-9]+/verder/[A-Za-z0-9_-]{22}\\?u=" + invite + ")").matcher(saved);
        assertThat(resume.find()).as("the resume link keeps the invitation").isTrue();
        mvc.perform(get(resume.group(1))).andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"invite\" value=\"" + invite + "\"")));
    }

    @Test
    void aWrongAddressSendsNothingAndSaysWhichOne() throws Exception {
        mvc.perform(post("/feedback/" + questionnaire.id() + "/invitations").with(advisor.signedIn()).with(csrf())
                        .param("addresses", first + "\nnot-an-address").param("language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("not-an-address")))
                .andExpect(content().string(containsString("We hebben nog niets verstuurd")));
        assertThat(invitations.counts(tenant.tenantId(), questionnaire.id()).invited()).isZero();
        User viewer = TestData.of(context).user(
                context.getBean(nl.stadskompas.organisation.OrganisationRegistry.class).find(tenant.tenantId()).orElseThrow(),
                Role.VIEWER);
        mvc.perform(post("/feedback/" + questionnaire.id() + "/invitations").with(viewer.signedIn()).with(csrf())
                .param("addresses", first)).andExpect(status().isForbidden());
    }

    @Test
    void theApiInvitesAPersonAtMostOncePerInterval() throws Exception {
        String json = "{\"email\":\"" + first + "\",\"language\":\"en\"}";
        String path = "/api/v1/feedback/questionnaires/" + questionnaire.id() + "/invitations";
        mvc.perform(post(path).with(advisor.basic()).contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isAccepted()).andExpect(jsonPath("$.outcome").value("INVITED"));
        mvc.perform(post(path).with(advisor.basic()).contentType(MediaType.APPLICATION_JSON)
                        .content(json.replace(first, first.toUpperCase())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.outcome").value("RECENTLY_INVITED"));
        MimeMessage mail = awaitMail(first, 1).getFirst();
        assertThat(mail.getSubject()).startsWith("Would you tell us how it went?");
        assertThat(body(mail)).contains("?lang=en");
        assertThat(jdbc.sql("SELECT person_key FROM fb_invited_person WHERE tenant_id = :t").param("t", tenant.tenantId())
                .query(String.class).list()).hasSize(1).allSatisfy(k -> assertThat(k).doesNotContain("example"));

        var organisation = context.getBean(nl.stadskompas.organisation.OrganisationRegistry.class)
                .find(tenant.tenantId()).orElseThrow();
        mvc.perform(post(path).with(TestData.of(context).user(organisation, Role.VIEWER).basic())
                .contentType(MediaType.APPLICATION_JSON).content(json)).andExpect(status().isForbidden());
        mvc.perform(post(path).with(TestData.of(context).user(organisation, Role.FRONT_OFFICE).basic())
                .contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(jsonPath("$.outcome").value("RECENTLY_INVITED"));
        mvc.perform(post(path).with(advisor.basic()).contentType(MediaType.APPLICATION_JSON).content("{\"email\":\"nope\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/feedback/questionnaires/" + UUID.randomUUID() + "/invitations").with(advisor.basic())
                .contentType(MediaType.APPLICATION_JSON).content(json)).andExpect(status().isNotFound());
        // After the interval the person may be invited again.
        jdbc.sql("UPDATE fb_invited_person SET last_invited_at = :at WHERE tenant_id = :t")
                .param("at", java.sql.Timestamp.from(Instant.now().minus(Duration.ofDays(91)))).param("t", tenant.tenantId())
                .update();
        mvc.perform(post(path).with(advisor.basic()).contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isAccepted());
    }

    @Test
    void aListSkipsThoseInvitedWithinTheIntervalSaysHowManyAndCountsTowardIt() throws Exception {
        String path = "/api/v1/feedback/questionnaires/" + questionnaire.id() + "/invitations";
        mvc.perform(post(path).with(advisor.basic()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"" + first + "\"}")).andExpect(jsonPath("$.outcome").value("INVITED"));

        var sent = mvc.perform(post("/feedback/" + questionnaire.id() + "/invitations").with(advisor.signedIn())
                        .with(csrf()).param("addresses", first.toUpperCase() + "\n" + second).param("language", "nl"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("messageArg", 1))
                .andExpect(flash().attribute("skipped", 1)).andReturn();
        assertThat(invitationsTo(first)).as("the person invited through the API is not invited again").isEqualTo(1);
        assertThat(invitationsTo(second)).isEqualTo(1);
        assertThat(invitations.counts(tenant.tenantId(), questionnaire.id()).invited()).isEqualTo(2);
        String page = mvc.perform(get("/feedback/" + questionnaire.id() + "/invitations").with(advisor.signedIn())
                        .cookie(sent.getResponse().getCookie("SESSION"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("We versturen 1 uitnodigingen.").contains(
                "1 mensen op de lijst hebben we niet uitgenodigd. Zij kregen in de afgelopen 90 dagen al een uitnodiging");

        // The list invitation counts toward the interval: continuous measurement now skips them too,
        // and so does another list, even for another questionnaire.
        mvc.perform(post(path).with(advisor.basic()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"" + second + "\"}")).andExpect(jsonPath("$.outcome").value("RECENTLY_INVITED"));
        QuestionnaireEditing editing = context.getBean(QuestionnaireEditing.class);
        Questionnaire other = editing.create(tenant, new NewQuestionnaire("Balie", QuestionnaireKind.RESIDENT,
                "Hoe was de balie?", "How was the desk?"));
        editing.addFromBank(tenant, other.id(), "S1", 1);
        editing.publish(tenant, other.id());
        mvc.perform(post("/feedback/" + other.id() + "/invitations").with(advisor.signedIn()).with(csrf())
                        .param("addresses", first + ", " + second).param("language", "en"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("messageArg", 0))
                .andExpect(flash().attribute("skipped", 2));
        assertThat(invitations.counts(tenant.tenantId(), other.id()).invited()).isZero();
        assertThat(invitationsTo(first) + invitationsTo(second)).isEqualTo(2);

        // After the interval a list invites them again.
        jdbc.sql("UPDATE fb_invited_person SET last_invited_at = :at WHERE tenant_id = :t")
                .param("at", java.sql.Timestamp.from(Instant.now().minus(Duration.ofDays(91)))).param("t", tenant.tenantId())
                .update();
        mvc.perform(post("/feedback/" + other.id() + "/invitations").with(advisor.signedIn()).with(csrf())
                        .param("addresses", first + ", " + second).param("language", "en"))
                .andExpect(flash().attribute("messageArg", 2)).andExpect(flash().attributeCount(2));
        assertThat(invitations.counts(tenant.tenantId(), other.id()).invited()).isEqualTo(2);
    }

    private long invitationsTo(String address) {
        return jdbc.sql("SELECT COUNT(*) FROM ntf_message WHERE tenant_id = :t AND kind = 'feedback.invitation' "
                        + "AND LOWER(recipient) = :r")
                .param("t", tenant.tenantId()).param("r", address.toLowerCase()).query(Long.class).single();
    }

    @Test
    void theRequesterOfAClosedCaseIsInvitedToTheQuestionnaireOfItsCaseType() throws Exception {
        CaseFixtures cases = CaseFixtures.of(context);
        UUID team = cases.team(tenant.tenantId(), "Klantcontact");
        UUID type = cases.complaintType(tenant.tenantId(), team);
        UUID otherType = cases.complaintType(tenant.tenantId(), team);
        mvc.perform(get("/feedback/" + questionnaire.id() + "/invitations").with(advisor.signedIn()))
                .andExpect(content().string(containsString(type.toString())));
        mvc.perform(post("/feedback/" + questionnaire.id() + "/invitations/case-types").with(advisor.signedIn())
                .with(csrf()).param("caseTypes", type.toString())).andExpect(status().is3xxRedirection());
        assertThat(invitations.caseTypes(tenant.tenantId(), questionnaire.id())).containsExactly(type);

        CaseHandling handling = context.getBean(CaseHandling.class);
        var closed = handling.register(tenant.tenantId(), advisor.id(), new Registration(type, IntakeChannel.PHONE, null,
                "Stoep is kapot", "Anna", first, null, "nl"));
        var other = handling.register(tenant.tenantId(), advisor.id(), new Registration(otherType, IntakeChannel.PHONE,
                null, "Lamp kapot", "Bram", second, null, "nl"));
        handling.changeStatus(tenant.tenantId(), closed.caseId(), advisor.id(), "AFGEROND", null);
        handling.changeStatus(tenant.tenantId(), other.caseId(), advisor.id(), "AFGEROND", null);

        await().atMost(Duration.ofSeconds(20)).until(() -> mailFor(first).stream()
                .anyMatch(m -> subject(m).startsWith("Wilt u ons vertellen hoe het ging?")));
        await().atMost(Duration.ofSeconds(20)).until(() -> invitations.counts(tenant.tenantId(), questionnaire.id())
                .invited() == 1);
        assertThat(mailFor(second).stream().map(InvitationsIntegrationTests::subject))
                .noneMatch(s -> s.startsWith("Wilt u ons vertellen"));
        // A second closed case within the interval does not invite again.
        var again = handling.register(tenant.tenantId(), advisor.id(), new Registration(type, IntakeChannel.PHONE, null,
                "Nog een stoep", "Anna", first, null, "nl"));
        handling.changeStatus(tenant.tenantId(), again.caseId(), advisor.id(), "AFGEROND", null);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL AND serialized_event LIKE :c")
                .param("c", "%" + again.caseId() + "%").query(Long.class).single() == 0);
        assertThat(invitations.counts(tenant.tenantId(), questionnaire.id()).invited()).isEqualTo(1);
    }

    private List<Map<String, Object>> reminders() {
        return jdbc.sql("SELECT status, due_at FROM ntf_message WHERE tenant_id = :t AND kind = 'feedback.invitation-reminder'")
                .param("t", tenant.tenantId()).query().listOfRows();
    }

    private List<MimeMessage> awaitMail(String address, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> mailFor(address).size() >= count);
        return mailFor(address);
    }

    private List<MimeMessage> mailFor(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equalsIgnoreCase(address);
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }

    static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String body(MimeMessage message) {
        return GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "=");
    }

    /** Reads the submission token from a response page. */
    static final class ResponseCollectionTokens {
        private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([0-9a-f]{32})\"");

        static String token(String page) {
            Matcher m = TOKEN.matcher(page);
            assertThat(m.find()).isTrue();
            return m.group(1);
        }
    }
}
