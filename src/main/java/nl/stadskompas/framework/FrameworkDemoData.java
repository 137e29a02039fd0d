// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.framework;

import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;

import nl.stadskompas.framework.FrameworkExchange.ImportOutcome;
import nl.stadskompas.organisation.OrganisationRegistry;
import nl.stadskompas.platform.Role;
import nl.stadskompas.platform.TenantContext;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Loads the demo organisation's framework as published version 1.0, once: it does nothing when the
 * demo organisation is missing or already has a framework. It reads the same exchange file format
 * as an import, after the organisation's own demo data (teams and services) is in place.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "stadskompas.demo.enabled", havingValue = "true")
class FrameworkDemoData implements ApplicationRunner {

    static final String RESOURCE = "framework/demo-framework.yaml";
    /** Shown as the publisher of the demo version. */
    static final String PUBLISHER = "stadskompas";

    private static final Logger LOG = LoggerFactory.getLogger(FrameworkDemoData.class);

    private final OrganisationRegistry organisations;
    private final FrameworkEditing editing;
    private final FrameworkExchange exchange;

    FrameworkDemoData(OrganisationRegistry organisations, FrameworkEditing editing, FrameworkExchange exchange) {
        this.organisations = organisations;
        this.editing = editing;
        this.exchange = exchange;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        organisations.findBySlug(OrganisationRegistry.DEMO_SLUG).ifPresent(demo -> load(demo.id()));
    }

    void load(UUID tenantId) {
        if (!editing.history(tenantId).isEmpty()) {
            return;
        }
        TenantContext system = new TenantContext(tenantId, null, PUBLISHER, Role.ADMINISTRATOR);
        ImportOutcome outcome = exchange.importFile(system, demoFile());
        if (!outcome.imported()) {
            LOG.warn("The demo framework was not loaded: {}", outcome.problems());
            return;
        }
        editing.publish(system, "1.0");
        if (!outcome.warnings().isEmpty()) {
            LOG.info("Demo framework loaded; norms not linked to a team or service: {}", outcome.warnings().size());
        }
    }

    static byte[] demoFile() {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("Demo framework missing from the application", e);
        }
    }
}
