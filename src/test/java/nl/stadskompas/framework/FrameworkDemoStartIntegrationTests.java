// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.framework;

import static org.assertj.core.api.Assertions.assertThat;

import nl.stadskompas.organisation.OrganisationRegistry;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * A start with demo data switched on: the framework loader runs after the organisation's, and the
 * demo organisation, when the organisation module made it, has published version 1.0.
 */
@SpringBootTest(properties = "stadskompas.demo.enabled=true")
class FrameworkDemoStartIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    OrganisationRegistry organisations;

    @Autowired
    FrameworkEditing editing;

    @Test
    void loaderRunsOnADemoStartAndLeavesTheDemoOrganisationWithVersionOne() {
        assertThat(context.getBeansOfType(FrameworkDemoData.class)).hasSize(1);
        assertThat(context.findAnnotationOnBean("frameworkDemoData", org.springframework.core.annotation.Order.class).value())
                .isEqualTo(20);
        organisations.findBySlug(OrganisationRegistry.DEMO_SLUG).ifPresent(demo -> {
            FrameworkVersion version = editing.latestPublished(demo.id()).orElseThrow();
            assertThat(version.label()).isEqualTo("1.0");
            assertThat(version.promises()).hasSize(6);
            assertThat(version.norms()).noneMatch(Norm::unlinked);
        });
    }
}
