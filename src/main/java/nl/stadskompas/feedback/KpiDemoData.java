// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import nl.stadskompas.insights.Kpis;
import nl.stadskompas.insights.spi.KpiSource.Measure;
import nl.stadskompas.organisation.OrganisationRegistry;
import nl.stadskompas.platform.Role;
import nl.stadskompas.platform.TenantContext;

/**
 * Demo KPIs for the demo organisation, so that the dashboard is full on first start: the report mark
 * and one statement from the demo surveys, and the lead time, the share within the norm and the backlog
 * of the demo cases, each with a target and a fictional reference value. Runs after the demo cases and
 * surveys exist; does nothing when the organisation already has KPIs.
 */
@Component
@Order(45)
@ConditionalOnProperty(name = "stadskompas.demo.enabled", havingValue = "true")
class KpiDemoData implements ApplicationRunner {

    private final OrganisationRegistry organisations;
    private final Kpis kpis;

    KpiDemoData(OrganisationRegistry organisations, Kpis kpis) {
        this.organisations = organisations;
        this.kpis = kpis;
    }

    @Override
    public void run(ApplicationArguments args) {
        organisations.findBySlug(OrganisationRegistry.DEMO_SLUG).ifPresent(demo -> load(demo.id()));
    }

    void load(UUID tenantId) {
        if (!kpis.kpis(tenantId).isEmpty()) {
            return;
        }
        TenantContext system = new TenantContext(tenantId, null, "stadskompas", Role.ADMINISTRATOR);
        List<Measure> measures = kpis.measures(tenantId);
        LocalDate endOf2027 = LocalDate.of(2027, 12, 31);
        String example = "Fictief voorbeeld voor de demo";

        add(system, measures, FeedbackKpis.MEAN + QuestionBank.MARK, 7.5, endOf2027,
                "Landelijk gemiddelde (voorbeeld)", 7.1, example);
        measures.stream().map(Measure::code)
                .filter(c -> c.startsWith(FeedbackKpis.POSITIVE) && !c.endsWith(":" + QuestionBank.MARK))
                .findFirst()
                .ifPresent(code -> add(system, measures, code, 80.0, endOf2027, "Provincie (voorbeeld)", 74.0,
                        example));
        add(system, measures, "CASES:WITHIN_NORM", 90.0, endOf2027, "Benchmark gemeenten (voorbeeld)", 85.0,
                example);
        add(system, measures, "CASES:LEAD_TIME", null, null, null, null, null);
        add(system, measures, "CASES:BACKLOG", null, null, null, null, null);
    }

    private void add(TenantContext system, List<Measure> measures, String code, Double target, LocalDate deadline,
            String referenceLabel, Double reference, String source) {
        Optional<Measure> measure = measures.stream().filter(m -> m.code().equals(code)).findFirst();
        if (measure.isEmpty()) {
            return;
        }
        Kpis.Kpi kpi = kpis.addKpi(system, new Kpis.KpiInput(code, null, null));
        if (target != null) {
            kpis.addTarget(system, kpi.id(), new Kpis.TargetInput(target, deadline, null));
        }
        if (reference != null) {
            kpis.addReference(system, kpi.id(), new Kpis.ReferenceInput(referenceLabel, reference, source));
        }
    }
}
