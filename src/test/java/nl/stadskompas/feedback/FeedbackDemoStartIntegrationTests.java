// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Arrays;
import java.util.List;

import nl.stadskompas.feedback.FeedbackCards.Card;
import nl.stadskompas.feedback.FeedbackCards.Kind;
import nl.stadskompas.feedback.FeedbackCards.Status;
import nl.stadskompas.organisation.Organisation;
import nl.stadskompas.organisation.OrganisationRegistry;
import nl.stadskompas.platform.Role;
import nl.stadskompas.platform.TenantContext;
import nl.stadskompas.support.TestData;
import nl.stadskompas.support.TestData.User;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * A start with demo data switched on: the demo organisation's team inbox shows feedback cards of
 * every kind and in several statuses, one of them answered, and the stories page shows two stories.
 * The same context as the other demo start tests, so it starts only once.
 */
@SpringBootTest(properties = "stadskompas.demo.enabled=true")
class FeedbackDemoStartIntegrationTests {

    @Autowired
    WebApplicationContext context;

    @Autowired
    OrganisationRegistry organisations;

    @Autowired
    FeedbackCards cards;

    @Autowired
    ResidentStories stories;

    @Test
    void aFreshStartShowsDemoCardsAndStories() throws Exception {
        Organisation demo = organisations.findBySlug(OrganisationRegistry.DEMO_SLUG).orElseThrow();
        TenantContext tenant = new TenantContext(demo.id(), null, "test", Role.ADMINISTRATOR);
        List<Card> all = cards.inbox(tenant, null, null);
        assertThat(all).extracting(Card::kind).contains(Kind.values());
        assertThat(all).extracting(Card::status).contains(Status.NEW, Status.IN_PROGRESS, Status.ANSWERED, Status.CLOSED);
        assertThat(all).filteredOn(c -> c.status() == Status.ANSWERED).allSatisfy(c -> assertThat(c.answer()).isNotBlank());
        assertThat(all).filteredOn(c -> c.status() == Status.CLOSED).allSatisfy(c -> assertThat(c.email()).isNull());
        assertThat(stories.list(tenant, null)).hasSize(2).allSatisfy(s -> assertThat(s.serviceId()).isNotNull());

        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        User employee = TestData.of(context).user(demo, Role.FRONT_OFFICE);
        mvc.perform(get("/feedback/cards").with(employee.signedIn())).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("??"))))
                .andExpect(content().string(containsString("Waar kan ik oude batterijen")))
                .andExpect(content().string(containsString("Algemeen (geen dienst)")));
        mvc.perform(get("/feedback/cards").param("status", "ANSWERED").with(employee.signedIn()))
                .andExpect(content().string(containsString("WOZ-waarde van mijn huis")))
                .andExpect(content().string(not(containsString("Waar kan ik oude batterijen"))));
        User advisor = TestData.of(context).user(demo, Role.ADVISOR);
        mvc.perform(get("/feedback/stories").with(advisor.signedIn())).andExpect(status().isOk())
                .andExpect(content().string(containsString("Hulp in huis na een operatie")))
                .andExpect(content().string(containsString("Een terras voor het eerst")));
        assertThat(Arrays.asList(context.getBeanNamesForType(FeedbackDemoData.class))).hasSize(1);
    }
}
