// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.UUID;

import nl.stadskompas.organisation.OrganisationRegistry;
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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Residents' stories: recorded with consent and tied to a service, listed per service, read (and
 * logged), deleted; without consent or with bad input nothing is stored.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ResidentStoriesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    User advisor;
    UUID service;

    @BeforeEach
    void setUp() {
        advisor = TestData.of(context).userInNewTenant(Role.ADVISOR);
        service = FeedbackFixtures.service(jdbc, advisor.tenantId(), "Bijstand");
    }

    private MockHttpServletRequestBuilder story(String title) {
        return story(title, LocalDate.now().minusDays(2).toString(), service.toString());
    }

    private MockHttpServletRequestBuilder story(String title, String toldOn, String serviceId) {
        return withoutConsent(title, toldOn, serviceId).param("consent", "true");
    }

    private MockHttpServletRequestBuilder withoutConsent(String title) {
        return withoutConsent(title, LocalDate.now().minusDays(2).toString(), service.toString());
    }

    private MockHttpServletRequestBuilder withoutConsent(String title, String toldOn, String serviceId) {
        return post("/feedback/stories/new").with(advisor.signedIn()).with(csrf()).param("title", title)
                .param("serviceId", serviceId).param("toldOn", toldOn)
                .param("story", "Ik moest drie keer hetzelfde formulier invullen voordat iemand mij belde.")
                .param("consentHow", "ORAL").param("consentNote", "Alleen intern");
    }

    private long stories() {
        return jdbc.sql("SELECT COUNT(*) FROM fb_story WHERE tenant_id = :t").param("t", advisor.tenantId())
                .query(Long.class).single();
    }

    @Test
    void aStoryIsRecordedWithConsentListedReadAndDeleted() throws Exception {
        mvc.perform(get("/feedback/stories/new").with(advisor.signedIn())).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("??"))));
        String location = mvc.perform(story("Drie keer hetzelfde formulier")).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get("/feedback/stories").param("service", service.toString()).with(advisor.signedIn()))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("??"))))
                .andExpect(content().string(containsString("Drie keer hetzelfde formulier")))
                .andExpect(content().string(containsString("Bijstand")));
        mvc.perform(get("/feedback/stories").param("service", UUID.randomUUID().toString()).with(advisor.signedIn()))
                .andExpect(content().string(not(containsString("Drie keer hetzelfde formulier"))));
        mvc.perform(get(location).with(advisor.signedIn())).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("??"))))
                .andExpect(content().string(containsString("voordat iemand mij belde")))
                .andExpect(content().string(containsString("Mondeling: Alleen intern")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM fb_data_access WHERE tenant_id = :t AND action = 'STORY_VIEWED'")
                .param("t", advisor.tenantId()).query(Long.class).single()).isEqualTo(1);

        User stranger = TestData.of(context).userInNewTenant(Role.ADVISOR);
        mvc.perform(get(location).with(stranger.signedIn())).andExpect(status().isNotFound());
        mvc.perform(post(location + "/delete").with(stranger.signedIn()).with(csrf())).andExpect(status().isNotFound());
        assertThat(stories()).isEqualTo(1);

        mvc.perform(post(location + "/delete").with(advisor.signedIn()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(stories()).isZero();
        mvc.perform(get(location).with(advisor.signedIn())).andExpect(status().isNotFound());
    }

    @Test
    void withoutConsentOrWithBadInputNothingIsStored() throws Exception {
        mvc.perform(withoutConsent("Zonder toestemming")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Leg alleen een verhaal vast als de inwoner toestemming gaf")));
        mvc.perform(story("", LocalDate.now().plusDays(3).toString(), service.toString())).andExpect(status().isOk())
                .andExpect(content().string(containsString("Geef het verhaal een korte titel.")))
                .andExpect(content().string(containsString("Deze datum ligt in de toekomst.")));
        mvc.perform(story("Andere dienst", LocalDate.now().toString(), UUID.randomUUID().toString())).andExpect(status().isOk())
                .andExpect(content().string(containsString("Deze dienst bestaat niet.")));
        mvc.perform(story("Geen datum", "gisteren", service.toString())).andExpect(status().isOk())
                .andExpect(content().string(containsString("Deze waarde klopt niet.")));
        assertThat(stories()).isZero();

        User manager = TestData.of(context).user(
                context.getBean(OrganisationRegistry.class).find(advisor.tenantId()).orElseThrow(), Role.TEAM_MANAGER);
        mvc.perform(get("/feedback/stories").with(manager.signedIn())).andExpect(status().isForbidden());
    }
}
