// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;

import jakarta.mail.internet.MimeMessage;

import nl.stadskompas.cases.CaseFixtures;
import nl.stadskompas.cases.CaseHandling;
import nl.stadskompas.cases.CaseHandling.Registration;
import nl.stadskompas.cases.DelayKind;
import nl.stadskompas.cases.DelayReason;
import nl.stadskompas.cases.IntakeChannel;
import nl.stadskompas.platform.Role;
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
import org.springframework.test.web.servlet.MockMvc;

/**
 * A resident whose case is registered by phone gets a receipt by e-mail with a link to the progress
 * page, hears of a delay with its reason, and of completion; a status the case type keeps internal
 * sends nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CaseMessagesIntegrationTests {

    private static final Pattern LINK = Pattern.compile("http://localhost:8080(/volgen/[A-Za-z0-9_-]+)");

    @Autowired
    ApplicationContext context;

    @Autowired
    CaseHandling handling;

    @Autowired
    MockMvc mvc;

    GreenMail smtp;
    String email;

    @BeforeEach
    void start() {
        smtp = new GreenMail(TestSmtp.setup());
        smtp.start();
        email = TestData.unique("sanne") + "@example.org";
    }

    @AfterEach
    void stop() {
        smtp.stop();
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

    @Test
    void theResidentIsKeptInformedFromReceiptToCompletion() throws Exception {
        User employee = TestData.of(context).userInNewTenant(Role.FRONT_OFFICE);
        CaseFixtures fixtures = CaseFixtures.of(context);
        UUID team = fixtures.team(employee.tenantId(), "Klantcontact");
        UUID type = fixtures.complaintType(employee.tenantId(), team);
        var registered = handling.register(employee.tenantId(), employee.id(), new Registration(type,
                IntakeChannel.PHONE, null, "Afval is niet opgehaald", "Sanne de Vries", email, null, "nl"));

        await().atMost(Duration.ofSeconds(20)).until(() -> mailFor(email).size() == 1);
        MimeMessage receipt = mailFor(email).get(0);
        String body = GreenMailUtil.getBody(receipt);
        assertThat(receipt.getSubject()).isEqualTo("We hebben uw aanvraag ontvangen (" + registered.reference() + ")");
        assertThat(body).contains("Beste Sanne de Vries,").contains("Afval is niet opgehaald")
                .contains("Een medewerker belt u binnen 5 werkdagen.");
        Matcher link = LINK.matcher(body.replace("=\r\n", ""));
        assertThat(link.find()).as("the receipt links to the progress page").isTrue();
        mvc.perform(get(link.group(1))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(registered.reference())));

        // An internal status (the case type does not inform the resident) sends nothing.
        handling.changeStatus(employee.tenantId(), registered.caseId(), employee.id(), "IN_BEHANDELING", null);
        handling.delay(employee.tenantId(), registered.caseId(), employee.id(), DelayKind.EXTENSION,
                DelayReason.BUSY, null, LocalDate.now().plusWeeks(4));
        await().atMost(Duration.ofSeconds(20)).until(() -> mailFor(email).size() == 2);
        MimeMessage delay = mailFor(email).get(1);
        assertThat(delay.getSubject()).startsWith("Uw zaak duurt langer");
        assertThat(GreenMailUtil.getBody(delay)).contains("Het is erg druk.");

        handling.changeStatus(employee.tenantId(), registered.caseId(), employee.id(), "AFGEROND", null);
        await().atMost(Duration.ofSeconds(20)).until(() -> mailFor(email).size() == 3);
        assertThat(mailFor(email).get(2).getSubject()).startsWith("Uw zaak is afgerond");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> mailFor(email).size() == 3);
    }

    @Test
    void aResidentWhoChoseEnglishGetsEnglish() throws Exception {
        User employee = TestData.of(context).userInNewTenant(Role.FRONT_OFFICE);
        CaseFixtures fixtures = CaseFixtures.of(context);
        UUID type = fixtures.complaintType(employee.tenantId(), fixtures.team(employee.tenantId(), "Klantcontact"));
        var registered = handling.register(employee.tenantId(), employee.id(), new Registration(type,
                IntakeChannel.EMAIL, null, "Broken street light", "Ali", email, null, "en"));
        await().atMost(Duration.ofSeconds(20)).until(() -> mailFor(email).size() == 1);
        MimeMessage receipt = mailFor(email).get(0);
        assertThat(receipt.getSubject()).isEqualTo("We have received your request (" + registered.reference() + ")");
        assertThat(GreenMailUtil.getBody(receipt)).contains("Dear Ali,").contains("An employee will call you");
    }
}
