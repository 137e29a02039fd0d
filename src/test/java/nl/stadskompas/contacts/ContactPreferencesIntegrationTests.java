// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;

import jakarta.mail.internet.MimeMessage;

import nl.stadskompas.notifications.Channel;
import nl.stadskompas.notifications.MessageStatus;
import nl.stadskompas.notifications.Messaging;
import nl.stadskompas.notifications.OutgoingMessage;
import nl.stadskompas.platform.NotFoundException;
import nl.stadskompas.platform.Role;
import nl.stadskompas.platform.ValidationProblem;
import nl.stadskompas.support.TestData;
import nl.stadskompas.support.TestData.User;
import nl.stadskompas.support.TestSmtp;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every message ends with a link to the resident's preferences page; a proactive message without
 * consent is withheld (logged, never sent); a resident who withdraws consent on that page gets no
 * next notice; an employee's look at someone's preferences is logged.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ContactPreferencesIntegrationTests {

    static final Pattern LINK = Pattern.compile("http://localhost:8080(/voorkeuren/[A-Za-z0-9_-]{32})");

    @Autowired
    ApplicationContext context;

    @Autowired
    Messaging messaging;

    @Autowired
    ContactPreferences preferences;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    GreenMail smtp;
    UUID tenant;
    String email;

    @BeforeEach
    void start() {
        smtp = new GreenMail(TestSmtp.setup());
        smtp.start();
        tenant = TestData.of(context).tenant().id();
        email = TestData.unique("noor") + "@example.org";
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    @Test
    void everyMessageEndsWithALinkToThePreferencesPage() throws Exception {
        messaging.queue(new OutgoingMessage(tenant, "cases.receipt", Channel.EMAIL, email, Locale.of("nl"),
                "Uw aanvraag is binnen", "Wij hebben uw aanvraag ontvangen.", null, "receipt-1"));

        String body = bodyOf(awaitMail(1).get(0));
        assertThat(body.strip()).matches("(?s).*U bepaalt hoe wij u helpen\\. Kies hier hoe u berichten krijgt: "
                + "http://localhost:8080/voorkeuren/[A-Za-z0-9_-]{32}$");
        mvc.perform(get(link(body))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("U bepaalt hoe wij u helpen")))
                .andExpect(content().string(Matchers.containsString(email)))
                .andExpect(content().string(Matchers.containsString("Contact met een medewerker")));
    }

    @Test
    void aPersonFirstMetThroughAnEnglishMessageStartsInEnglishWithEMail() {
        messaging.queue(new OutgoingMessage(tenant, "cases.receipt", Channel.EMAIL, email, Locale.ENGLISH,
                "We have received your request", "We have received your request.", null, "receipt-en"));

        Preferences created = preferences.preferences(tenant, email).orElseThrow();
        assertThat(created.language()).isEqualTo("en");
        assertThat(created.channel()).isEqualTo(ContactChannel.EMAIL);
        assertThat(created.consents()).as("nobody agreed to anything yet").isEmpty();
    }

    @Test
    void aProactiveMessageWithoutConsentIsWithheldAndNeverSent() {
        UUID id = messaging.queue(notice("expiry-1"));

        assertThat(messaging.status(tenant, id)).contains(MessageStatus.WITHHELD);

        // A message queued after it goes out, and the withheld one still has not.
        UUID later = messaging.queue(new OutgoingMessage(tenant, "cases.receipt", Channel.EMAIL, email,
                Locale.of("nl"), "Uw aanvraag is binnen", "Wij hebben uw aanvraag ontvangen.", null, "receipt-later"));
        awaitMail(1);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> messaging.status(tenant, later).orElseThrow() == MessageStatus.SENT);
        assertThat(mailFor(email)).singleElement()
                .satisfies(mail -> assertThat(mail.getSubject()).isEqualTo("Uw aanvraag is binnen"));
        assertThat(messaging.status(tenant, id)).contains(MessageStatus.WITHHELD);
    }

    @Test
    void consentWithdrawnOnThePreferencesPageStopsTheNextNotice() throws Exception {
        preferences.record(tenant, null, email, new PreferencesChange(null, null, null, null, null,
                Map.of(ConsentKind.DOCUMENT_EXPIRY, true)));
        UUID first = messaging.queue(notice("expiry-passport"));
        String body = bodyOf(awaitMail(1).get(0));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> messaging.status(tenant, first).orElseThrow() == MessageStatus.SENT);

        String page = link(body);
        mvc.perform(post(page).with(csrf()).param("channel", "EMAIL").param("language", "nl")
                        .param("phone", "").param("postalAddress", "")
                        .param("documentExpiry", "no").param("lifeEvent", "no"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl(page + "?opgeslagen"));
        mvc.perform(get(page).param("opgeslagen", "")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Uw keuzes zijn opgeslagen.")));

        assertThat(preferences.consents(tenant, email, ConsentKind.DOCUMENT_EXPIRY)).isFalse();
        UUID next = messaging.queue(notice("expiry-id-card"));
        assertThat(messaging.status(tenant, next)).contains(MessageStatus.WITHHELD);
        assertThat(mailFor(email)).hasSize(1);
    }

    @Test
    void thePageRefusesSmsWithoutAPhoneNumberAndChangesNothing() throws Exception {
        String page = preferences.preferencesLink(tenant, email);
        mvc.perform(post(page).with(csrf()).param("channel", "SMS").param("language", "en").param("phone", "")
                        .param("postalAddress", "").param("documentExpiry", "yes").param("lifeEvent", "yes"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Vul uw telefoonnummer in.")));

        Preferences after = preferences.preferences(tenant, email).orElseThrow();
        assertThat(after.channel()).isEqualTo(ContactChannel.EMAIL);
        assertThat(after.language()).isEqualTo("nl");
        assertThat(after.consents()).isEmpty();
    }

    @Test
    void aPostWithoutTheFormsTokenIsRefused() throws Exception {
        String page = preferences.preferencesLink(tenant, email);
        mvc.perform(post(page).param("channel", "EMAIL").param("documentExpiry", "yes"))
                .andExpect(status().isForbidden());
        assertThat(preferences.consents(tenant, email, ConsentKind.DOCUMENT_EXPIRY)).isFalse();
    }

    @Test
    void anUnknownOrMalformedLinkGetsThePlainNotFoundPage() throws Exception {
        mvc.perform(get("/voorkeuren/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")).andExpect(status().isNotFound())
                .andExpect(content().string(Matchers.containsString("Deze link werkt niet (meer).")));
        mvc.perform(get("/voorkeuren/kort")).andExpect(status().isNotFound())
                .andExpect(content().string(Matchers.containsString("Deze link werkt niet (meer).")));
    }

    @Test
    void theSameAddressWrittenDifferentlyIsTheSamePerson() {
        preferences.record(tenant, null, "06-12345678", new PreferencesChange(ContactChannel.SMS, "en", null,
                null, null, Map.of(ConsentKind.LIFE_EVENT, true)));

        assertThat(preferences.consents(tenant, "+31 6 1234 5678", ConsentKind.LIFE_EVENT)).isTrue();
        assertThat(preferences.consents(TestData.of(context).tenant().id(), "0612345678", ConsentKind.LIFE_EVENT))
                .as("another organisation knows nothing of it").isFalse();
    }

    @Test
    void anEmployeesLookAtSomeonesPreferencesIsLogged() {
        User employee = TestData.of(context).user(TestData.of(context).tenant(), Role.FRONT_OFFICE);
        UUID own = employee.tenantId();
        Preferences recorded = preferences.record(own, employee.id(), email, new PreferencesChange(
                ContactChannel.LETTER, "nl", null, null, "Dijkweg 3, 4321 BA Oeverdam", Map.of()));
        preferences.lookUp(own, employee.id(), email.toUpperCase(Locale.ROOT));

        assertThat(preferences.accessLog(own, recorded.personId()))
                .extracting(ContactPreferences.AccessEntry::action).containsExactly("VIEW", "CHANGE");
        assertThatThrownBy(() -> preferences.lookUp(tenant, employee.id(), email))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> preferences.record(own, employee.id(), email, new PreferencesChange(
                ContactChannel.SMS, "nl", null, null, null, Map.of()))).isInstanceOf(ValidationProblem.class);
        assertThat(preferences.preferences(own, email).orElseThrow().channel()).isEqualTo(ContactChannel.LETTER);
    }

    private OutgoingMessage notice(String key) {
        return new OutgoingMessage(tenant, ConsentKind.DOCUMENT_EXPIRY.messageKind(), Channel.EMAIL, email,
                Locale.of("nl"), "Uw paspoort verloopt bijna", "Uw paspoort verloopt over zes weken.", null, key);
    }

    private List<MimeMessage> awaitMail(int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> mailFor(email).size() >= count);
        return mailFor(email);
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

    static String bodyOf(MimeMessage message) {
        return GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "=");
    }

    static String link(String body) {
        Matcher matcher = LINK.matcher(body);
        assertThat(matcher.find()).as("the message links to the preferences page").isTrue();
        return matcher.group(1);
    }
}
