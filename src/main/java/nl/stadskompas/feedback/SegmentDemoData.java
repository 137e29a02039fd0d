// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import java.util.UUID;

import nl.stadskompas.organisation.OrganisationRegistry;
import nl.stadskompas.platform.Role;
import nl.stadskompas.platform.TenantContext;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Marks the standard "resident or entrepreneur" question, which the demo questionnaire asks, as the
 * demo organisation's segment question, so that the dashboard's segment filter has options on first
 * start. Runs after the demo questionnaires and before the demo KPIs are rolled up; does nothing when
 * the organisation has no questionnaires or chose a segment question already.
 */
@Component
@Order(41)
@ConditionalOnProperty(name = "stadskompas.demo.enabled", havingValue = "true")
class SegmentDemoData implements ApplicationRunner {

    private final OrganisationRegistry organisations;
    private final QuestionnaireEditing editing;
    private final SegmentQuestion segments;

    SegmentDemoData(OrganisationRegistry organisations, QuestionnaireEditing editing, SegmentQuestion segments) {
        this.organisations = organisations;
        this.editing = editing;
        this.segments = segments;
    }

    @Override
    public void run(ApplicationArguments args) {
        organisations.findBySlug(OrganisationRegistry.DEMO_SLUG).ifPresent(demo -> load(demo.id()));
    }

    void load(UUID tenantId) {
        if (segments.key(tenantId).isEmpty() && !editing.list(tenantId).isEmpty()) {
            segments.choose(new TenantContext(tenantId, null, "stadskompas", Role.ADMINISTRATOR),
                    QuestionBank.RESPONDENT);
        }
    }
}
