// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.journeys;

import nl.stadskompas.organisation.OrganisationRegistry;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Loads the demo journeys into the demo organisation on start, after its teams, services and
 * framework are in place; does nothing when the organisation already has journeys.
 */
@Component
@Order(60)
@ConditionalOnProperty(name = "stadskompas.demo.enabled", havingValue = "true")
class JourneysDemoData implements ApplicationRunner {

    private final OrganisationRegistry organisations;
    private final DemoJourneys demo;

    JourneysDemoData(OrganisationRegistry organisations, DemoJourneys demo) {
        this.organisations = organisations;
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments args) {
        organisations.findBySlug(OrganisationRegistry.DEMO_SLUG).ifPresent(org -> demo.load(org.id()));
    }
}
