// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;

import jakarta.mail.internet.MimeMessage;

import nl.stadskompas.cases.CaseFixtures;
import nl.stadskompas.cases.CaseHandling;
import nl.stadskompas.cases.CaseHandling.Registration;
import nl.stadskompas.cases.IntakeChannel;
import nl.stadskompas.platform.Role;
import nl.stadskompas.platform.ValidationProblem;
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
import org.springframework.test.web.servlet.MockMvc;

/**
 * A tenant writes its own text for a message: unknown placeholders are refused with a clear message
 * and nothing is saved, the preview fills in example values and shows the reading level, and the
 * next receipt a resident gets uses the tenant's text with the case's values.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MessageTemplatesIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    CaseHandling handling;

    @Autowired
    MessageTemplates templates;

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
        email = TestData.unique("sanne") + "@example.org";
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    @Test
    void theReceiptUsesTheTenantsOwnTextWithTheCasesValues() {
        templates.save(employee.tenantId(), employee.id(), TemplateKind.CASE_RECEIPT, Channel.EMAIL, "nl",
                "Gelukt: uw vraag {reference} is binnen", "Hallo {name},\n\nWe gaan aan de slag met: {subject}.\n"
                        + "Volg uw zaak hier: {link}\n\n{organisation}");
        CaseFixtures fixtures = CaseFixtures.of(context);
        var type = fixtures.complaintType(employee.tenantId(), fixtures.team(employee.tenantId(), "Klantcontact"));
        var registered = handling.register(employee.tenantId(), employee.id(), new Registration(type,
                IntakeChannel.PHONE, null, "Lantaarnpaal doet het niet", "Sanne", email, null, "nl"));

        String subject = "Gelukt: uw vraag " + registered.reference() + " is binnen";
        await().atMost(Duration.ofSeconds(20)).until(() -> mail(subject).isPresent());
        assertThat(body(mail(subject).orElseThrow())).contains("Hallo Sanne,")
                .contains("We gaan aan de slag met: Lantaarnpaal doet het niet.")
                .containsPattern("Volg uw zaak hier: http://localhost:8080/volgen/[A-Za-z0-9_-]+")
                .contains("U bepaalt hoe wij u helpen").doesNotContain("{");
    }

    @Test
    void anUnknownPlaceholderIsRefusedAndNothingIsSaved() throws Exception {
        assertThatThrownBy(() -> templates.save(employee.tenantId(), employee.id(), TemplateKind.CASE_STATUS,
                Channel.SMS, "nl", null, "Nieuws over {zaaknummer}: {status}"))
                .isInstanceOf(ValidationProblem.class);
        assertThat(templates.custom(employee.tenantId(), "cases.status", Channel.SMS, "nl")).isEmpty();

        String page = mvc.perform(post("/berichten/sjablonen/CASE_STATUS/EMAIL/nl").with(employee.signedIn()).with(csrf())
                        .param("action", "save").param("subject", "Nieuws ({reference})")
                        .param("body", "Beste {naam}, {status}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Deze naam kennen we niet: {naam}").contains("Er is niets opgeslagen");
        assertThat(templates.custom(employee.tenantId(), "cases.status", Channel.EMAIL, "nl")).isEmpty();
    }

    @Test
    void thePreviewFillsInExamplesAndShowsTheReadingLevel() throws Exception {
        String page = mvc.perform(post("/berichten/sjablonen/CASE_RECEIPT/SMS/nl").with(employee.signedIn()).with(csrf())
                        .param("action", "preview").param("body", "Wij hebben uw vraag {reference} gekregen. Kijk hier: {link}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Wij hebben uw vraag Z-2026-0042 gekregen.")
                .contains("B1 of makkelijker");
        assertThat(templates.custom(employee.tenantId(), "cases.receipt", Channel.SMS, "nl")).isEmpty();

        String list = mvc.perform(get("/berichten/sjablonen").with(employee.signedIn()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).contains("Ontvangst van een aanvraag").contains("Standaardtekst").contains("Taalniveau")
                .doesNotContain("??");
    }

    @Test
    void everyBuiltInTextExistsAndUsesOnlyItsKindsPlaceholders() {
        for (TemplateKind kind : TemplateKind.values()) {
            for (Channel channel : Channel.values()) {
                for (String language : List.of("nl", "en")) {
                    MessageTemplates.Template template = templates.builtIn(kind, channel, language);
                    assertThat(template.body()).as(kind + " " + channel + " " + language).isNotBlank();
                    templates.validate(kind, channel, template.subject(), template.body());
                }
            }
        }
    }

    private Optional<MimeMessage> mail(String subject) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(email) && subject.equals(m.getSubject());
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).findFirst();
    }

    private static String body(MimeMessage message) {
        return GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "=");
    }
}
