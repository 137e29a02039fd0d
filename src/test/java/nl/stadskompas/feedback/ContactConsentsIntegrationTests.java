// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

import nl.stadskompas.organisation.OrganisationRegistry;
import nl.stadskompas.platform.NotFoundException;
import nl.stadskompas.platform.Role;
import nl.stadskompas.platform.TenantContext;
import nl.stadskompas.support.TestData;
import nl.stadskompas.support.TestData.User;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The "you may contact me" consents: seen and deleted by researchers only, every look and deletion
 * logged, and removed by a nightly job after the retention period.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ContactConsentsIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ResponseCollection collection;

    @Autowired
    ContactConsents consents;

    User advisor;
    TenantContext tenant;
    Questionnaire questionnaire;

    @BeforeEach
    void setUp() {
        advisor = TestData.of(context).userInNewTenant(Role.ADVISOR);
        tenant = FeedbackFixtures.as(advisor, Role.ADVISOR);
        questionnaire = new FeedbackFixtures(context).publishedQuestionnaire(tenant);
        collection.recordConsent(questionnaire, new ContactConsent("Noor Vermeulen", "noor@example.org", null,
                Set.of("RESEARCH")), Locale.of("nl"), collection.newSubmissionToken());
    }

    private long logged(String action) {
        return jdbc.sql("SELECT COUNT(*) FROM fb_data_access WHERE tenant_id = :t AND action = :a")
                .param("t", tenant.tenantId()).param("a", action).query(Long.class).single();
    }

    private UUID consentOf(String name, LocalDate month) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO fb_contact_consent (id, tenant_id, questionnaire_id, received_month, name, email, purposes, "
                        + "language) VALUES (:id, :t, :q, :m, :n, 'x@example.org', 'RESULTS', 'nl')")
                .param("id", id).param("t", tenant.tenantId()).param("q", questionnaire.id()).param("m", month)
                .param("n", name).update();
        return id;
    }

    @Test
    void researchersSeeTheConsentsAndEveryLookIsLogged() throws Exception {
        mvc.perform(get("/feedback/consents").with(advisor.signedIn()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Noor Vermeulen")))
                .andExpect(content().string(containsString("noor@example.org")))
                .andExpect(content().string(containsString("Later onderzoek")));
        assertThat(logged("CONSENTS_VIEWED")).isEqualTo(1);
        mvc.perform(get("/feedback").with(advisor.signedIn()))
                .andExpect(content().string(containsString("/feedback/consents")));
    }

    @Test
    void othersMayNotSeeThemAndAreNotOfferedTheLink() throws Exception {
        var organisation = context.getBean(OrganisationRegistry.class).find(tenant.tenantId()).orElseThrow();
        for (Role role : new Role[] { Role.VIEWER, Role.TEAM_MANAGER, Role.FRONT_OFFICE }) {
            User user = TestData.of(context).user(organisation, role);
            mvc.perform(get("/feedback/consents").with(user.signedIn())).andExpect(status().isForbidden());
            mvc.perform(get("/feedback").with(user.signedIn()))
                    .andExpect(content().string(not(containsString("/feedback/consents"))));
        }
        assertThat(logged("CONSENTS_VIEWED")).isZero();
    }

    @Test
    void aConsentCanBeDeletedOnlyWithinItsOwnOrganisation() throws Exception {
        UUID id = consents.list(tenant, questionnaire.id()).getFirst().id();
        User stranger = TestData.of(context).userInNewTenant(Role.ADVISOR);
        assertThatThrownBy(() -> consents.delete(FeedbackFixtures.as(stranger, Role.ADVISOR), id))
                .isInstanceOf(NotFoundException.class);

        mvc.perform(post("/feedback/consents/" + id + "/delete").with(advisor.signedIn()).with(csrf()))
                .andExpect(status().is3xxRedirection());

        assertThat(consents.list(tenant, questionnaire.id())).isEmpty();
        assertThat(logged("CONSENT_DELETED")).isEqualTo(1);
    }

    @Test
    void consentsOlderThanTheRetentionPeriodAreRemovedByTheNightlyJob() {
        LocalDate thisMonth = LocalDate.now().withDayOfMonth(1);
        consentOf("Oud", thisMonth.minusMonths(consents.retentionMonths()));
        consentOf("Recent", thisMonth.minusMonths(consents.retentionMonths() - 1));

        assertThat(consents.removeExpired()).isGreaterThanOrEqualTo(1);

        assertThat(consents.list(tenant, questionnaire.id())).extracting(ContactConsents.Consent::name)
                .containsExactlyInAnyOrder("Noor Vermeulen", "Recent");
        assertThat(context.getBean("feedbackConsentRetentionTask", RecurringTask.class).getName())
                .isEqualTo("feedback-consent-retention");
    }
}
