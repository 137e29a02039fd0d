// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import nl.stadskompas.insights.Kpis.Figure;
import nl.stadskompas.insights.Kpis.Filter;
import nl.stadskompas.insights.Kpis.KpiFigures;
import nl.stadskompas.insights.spi.KpiScopes.Scope;
import nl.stadskompas.insights.spi.KpiSource.Dimension;
import nl.stadskompas.insights.spi.KpiSource.DimensionValue;
import nl.stadskompas.insights.spi.KpiSource.Kind;
import nl.stadskompas.organisation.OrganisationRegistry;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A start with demo data switched on: the dashboard offers the demo journeys and the options of the
 * demo questionnaire's "resident or entrepreneur" question, and the report mark has figures within
 * the passport journey and for residents. The same context as the other demo start tests.
 */
@SpringBootTest(properties = "stadskompas.demo.enabled=true")
class DashboardFiltersDemoStartIntegrationTests {

    @Autowired
    OrganisationRegistry organisations;

    @Autowired
    Kpis kpis;

    private boolean anyShown(UUID tenantId, Filter filter, Kind kind) {
        List<KpiFigures> figures = kpis.figures(tenantId, kpis.period(null), filter, null, 8, Locale.of("nl"));
        return figures.stream().filter(k -> k.kpi().kind() == kind).flatMap(k -> k.trend().stream())
                .anyMatch(Figure::shown);
    }

    @Test
    void theDemoOffersJourneysAndSegmentsWithFigures() {
        UUID demo = organisations.findBySlug(OrganisationRegistry.DEMO_SLUG).orElseThrow().id();
        Locale nl = Locale.of("nl");
        List<Scope> journeys = kpis.scopes(demo, nl);
        assertThat(journeys).extracting(Scope::labelNl).contains("Een paspoort vernieuwen", "Een restaurant beginnen");
        List<DimensionValue> segments = kpis.dimensionValues(demo, nl).get(Dimension.SEGMENT);
        assertThat(segments).extracting(DimensionValue::labelNl).contains("Als inwoner", "Als ondernemer");

        Scope passport = journeys.stream().filter(s -> s.labelNl().equals("Een paspoort vernieuwen")).findFirst()
                .orElseThrow();
        assertThat(passport.serviceIds()).isNotEmpty();
        assertThat(anyShown(demo, new Filter(null, null, null, null, passport, null), Kind.SOFT)).isTrue();
        assertThat(anyShown(demo, new Filter(null, null, null, null, null, "resident"), Kind.SOFT)).isTrue();
        // Cases have no segment: no figure at all rather than a wrong one.
        assertThat(anyShown(demo, Filter.ALL, Kind.HARD)).isTrue();
        assertThat(anyShown(demo, new Filter(null, null, null, null, null, "resident"), Kind.HARD)).isFalse();
    }
}
