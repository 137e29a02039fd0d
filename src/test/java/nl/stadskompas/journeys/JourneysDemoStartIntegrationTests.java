// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import nl.stadskompas.organisation.OrganisationRegistry;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * A start with demo data switched on: the journeys loader runs after the organisation and the
 * framework, so the demo journeys are linked to the demo teams, services and promises.
 */
@SpringBootTest(properties = "stadskompas.demo.enabled=true")
class JourneysDemoStartIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    OrganisationRegistry organisations;

    @Autowired
    JourneyMaps maps;

    @Test
    void demoJourneysAreLinkedToTheDemoOrganisation() {
        assertThat(context.getBeansOfType(JourneysDemoData.class)).hasSize(1);
        organisations.findBySlug(OrganisationRegistry.DEMO_SLUG).ifPresent(demo -> {
            assertThat(maps.journeys(demo.id())).hasSize(3).allSatisfy(j -> assertThat(j.ownerTeamId()).isNotNull());
            JourneySummary restaurant = maps.journeys(demo.id()).stream()
                    .filter(j -> j.name().equals(DemoJourneys.RESTAURANT)).findFirst().orElseThrow();
            JourneyMap map = maps.map(demo.id(), restaurant.id(), null, null, Locale.forLanguageTag("nl"));
            assertThat(map.content().serviceIds()).hasSize(3);
            assertThat(map.content().opportunities()).allSatisfy(o -> assertThat(o.promiseCodes()).isNotEmpty());
            assertThat(restaurant.publishedVersion()).isEqualTo(1);
        });
    }
}
