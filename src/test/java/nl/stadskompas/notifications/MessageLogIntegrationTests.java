// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

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
 * The message log on the page and over REST: filtered by status, channel and period; addresses and
 * texts only for those who handle requests, and each look at them logged; other tenants' messages
 * never shown.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MessageLogIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    Messaging messaging;

    @Autowired
    MessageLog log;

    @Autowired
    MockMvc mvc;

    User handler;
    User viewer;
    String email;

    @BeforeEach
    void setUp() {
        TestData data = TestData.of(context);
        var tenant = data.tenant();
        handler = data.user(tenant, Role.FRONT_OFFICE);
        viewer = data.user(tenant, Role.VIEWER);
        email = TestData.unique("daan") + "@example.org";
        // Due next year: they stay queued while the test looks at them.
        Instant later = Instant.now().plusSeconds(365L * 24 * 3600);
        messaging.queue(new OutgoingMessage(handler.tenantId(), "cases.receipt", Channel.EMAIL, email, Locale.of("nl"),
                "Ontvangen (Z-1)", "Geheime inhoud voor Daan", later, "log-test-1"));
        messaging.queue(new OutgoingMessage(handler.tenantId(), "appointment.reminder", Channel.EMAIL, email,
                Locale.of("nl"), "Herinnering", "Morgen om tien uur", later, "log-test-2"));
        messaging.cancel(handler.tenantId(), "log-test-2");
        User stranger = data.userInNewTenant(Role.FRONT_OFFICE);
        messaging.queue(new OutgoingMessage(stranger.tenantId(), "cases.receipt", Channel.EMAIL, "ander@example.org",
                Locale.of("nl"), "Van een ander", "Niet voor u", later, "log-test-3"));
    }

    @Test
    void aHandlerSeesAddressesAndTextsAndThatIsLogged() throws Exception {
        String page = mvc.perform(get("/berichten").with(handler.signedIn()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(email).contains("Geheime inhoud voor Daan").contains("Ontvangst van een aanvraag")
                .contains("Wacht op verzenden").contains("Ingetrokken").doesNotContain("ander@example.org")
                .doesNotContain("??");
        assertThat(log.accessLog(handler.tenantId())).anySatisfy(a -> {
            assertThat(a.userId()).isEqualTo(handler.id());
            assertThat(a.action()).isEqualTo("VIEW_PAGE");
            assertThat(a.messages()).isEqualTo(2);
        });

        String cancelled = mvc.perform(get("/berichten").param("status", "CANCELLED").with(handler.signedIn()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(cancelled).contains("Morgen om tien uur").doesNotContain("Geheime inhoud voor Daan");
    }

    @Test
    void aViewerSeesStatusesButNoAddressesOrTexts() throws Exception {
        String page = mvc.perform(get("/berichten").with(viewer.signedIn()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Wacht op verzenden").contains("Afgeschermd").doesNotContain(email)
                .doesNotContain("Geheime inhoud").doesNotContain("Teksten van berichten aanpassen");
        assertThat(log.accessLog(viewer.tenantId())).isEmpty();
        mvc.perform(get("/berichten/sjablonen").with(viewer.signedIn())).andExpect(status().isForbidden());
    }

    @Test
    void aWrongPeriodIsExplainedAndShowsNothing() throws Exception {
        String page = mvc.perform(get("/berichten").param("from", "2026-12-01").param("to", "2026-11-01")
                        .with(handler.signedIn()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("De datum &#39;van&#39; moet voor de datum &#39;tot en met&#39; liggen.")
                .doesNotContain(email);
        String wrongDate = mvc.perform(get("/berichten").param("from", "gisteren").with(handler.signedIn()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(wrongDate).contains("Vul een datum in als 2026-11-24.");
    }

    @Test
    void theApiFiltersAndHidesTextsFromRolesWithoutNeed() throws Exception {
        String today = LocalDate.now(ZoneId.of("Europe/Amsterdam")).toString();
        mvc.perform(get("/api/v1/messages").param("channel", "EMAIL").param("status", "QUEUED").param("from", today)
                        .param("to", today).with(handler.basic()).header("X-Tenant-Id", handler.tenantId().toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].kind").value("cases.receipt"))
                .andExpect(jsonPath("$[0].recipient").value(email))
                .andExpect(jsonPath("$[0].text").value(org.hamcrest.Matchers.startsWith("Geheime inhoud voor Daan")));
        assertThat(log.accessLog(handler.tenantId())).extracting(MessageLog.Access::action).contains("VIEW_API");

        mvc.perform(get("/api/v1/messages").with(viewer.basic()).header("X-Tenant-Id", viewer.tenantId().toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].recipient").doesNotExist())
                .andExpect(jsonPath("$[0].text").doesNotExist());
        mvc.perform(get("/api/v1/messages").param("status", "LOST").with(viewer.basic())
                        .header("X-Tenant-Id", viewer.tenantId().toString()))
                .andExpect(status().isBadRequest());
    }
}
