// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import nl.stadskompas.journeys.JourneyContent.Step;
import nl.stadskompas.journeys.LivedJourney.Experience;
import nl.stadskompas.journeys.LivedJourney.StepExperience;
import nl.stadskompas.organisation.Organisation;
import nl.stadskompas.platform.Role;
import nl.stadskompas.platform.TenantContext;
import nl.stadskompas.platform.ValidationProblem;
import nl.stadskompas.platform.ValidationProblem.FieldProblem;
import nl.stadskompas.support.TestData;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

/**
 * Journeys through the module's public API, against the database: the demo journeys, validation
 * that changes nothing, versions, copying, lived journeys on the map, and JSON export and import.
 */
@SpringBootTest
class JourneyMapsIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    JourneyMaps maps;

    @Autowired
    JourneyExchange exchange;

    @Autowired
    DemoJourneys demo;

    TenantContext tenant;

    @BeforeEach
    void tenant() {
        Organisation org = TestData.of(context).tenant();
        tenant = new TenantContext(org.id(), null, "adviseur", Role.ADVISOR);
    }

    private Journey demoJourney(String name) {
        demo.load(tenant.tenantId());
        UUID id = maps.journeys(tenant.tenantId()).stream().filter(j -> j.name().equals(name)).findFirst().orElseThrow().id();
        return maps.journey(tenant.tenantId(), id);
    }

    @Test
    void demoHasThreeFullJourneysWithTwoPersonasAndAnExperienceCurve() {
        demo.load(tenant.tenantId());
        demo.load(tenant.tenantId());
        assertThat(maps.journeys(tenant.tenantId())).extracting(JourneySummary::name).containsExactlyInAnyOrder(
                DemoJourneys.RESTAURANT, DemoJourneys.ALLOWANCE, DemoJourneys.PASSPORT);
        assertThat(maps.personas(tenant.tenantId())).hasSize(2);
        for (JourneySummary j : maps.journeys(tenant.tenantId())) {
            JourneyMap map = maps.map(tenant.tenantId(), j.id(), null, null, Locale.forLanguageTag("nl"));
            assertThat(map.steps()).hasSizeGreaterThanOrEqualTo(5);
            assertThat(map.lived()).hasSize(2);
            assertThat(map.content().opportunities()).isNotEmpty();
            assertThat(map.hasCurve()).isTrue();
            assertThat(map.steps()).allSatisfy(r -> assertThat(r.step().need()).contains("zodat"));
        }
    }

    @Test
    void theCurveAveragesTheLivedJourneysAndFollowsThePersonaFilter() {
        Journey restaurant = demoJourney(DemoJourneys.RESTAURANT);
        JourneyMap map = maps.map(tenant.tenantId(), restaurant.id(), null, null, Locale.ENGLISH);
        JourneyMap.StepRow website = map.steps().stream().filter(r -> r.step().id().equals("s2")).findFirst().orElseThrow();
        // one negative and one neutral
        assertThat(website.livedAverage()).isEqualTo(-0.5);
        assertThat(website.livedExperience()).isEqualTo(Experience.NEGATIVE);
        assertThat(website.livedCount()).isEqualTo(2);
        assertThat(website.insights()).extracting(Insight::kind).contains(Insight.Kind.PAIN_POINT);

        Persona other = maps.personas(tenant.tenantId()).stream().filter(p -> p.name().startsWith("Ruud")).findFirst().orElseThrow();
        JourneyMap filtered = maps.map(tenant.tenantId(), restaurant.id(), null, other.id(), Locale.ENGLISH);
        assertThat(filtered.lived()).isEmpty();
        assertThat(filtered.hasCurve()).isFalse();
    }

    @Test
    void aStepWithMistakesIsRefusedFieldByFieldAndNothingChanges() {
        Journey journey = maps.create(tenant, JourneyContent.start("Verhuizen", null, null, null));
        Step bad = new Step(null, "nowhere", " ", "PIGEON", UUID.randomUUID(), null, "x".repeat(501), List.of(), List.of(), null);
        assertThatThrownBy(() -> maps.addStep(tenant, journey.id(), bad))
                .isInstanceOfSatisfying(ValidationProblem.class, p -> assertThat(p.problems()).extracting(FieldProblem::field)
                        .containsExactlyInAnyOrder("phaseId", "title", "channel", "ownerTeamId", "need"));
        assertThat(maps.journey(tenant.tenantId(), journey.id()).content().steps()).isEmpty();
        assertThat(maps.journey(tenant.tenantId(), journey.id()).rowVersion()).isZero();
    }

    @Test
    void aViewerCannotChangeJourneys() {
        TenantContext viewer = new TenantContext(tenant.tenantId(), null, "kijker", Role.VIEWER);
        assertThatThrownBy(() -> maps.create(viewer, JourneyContent.start("Verhuizen", null, null, null)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void publishingKeepsAFrozenCopyWhileEditingGoesOn() {
        Journey journey = maps.create(tenant, JourneyContent.start("Verhuizen", null, null, null));
        maps.addStep(tenant, journey.id(), new Step(null, "application", "Verhuizing doorgeven", "ONLINE", null, "5 minuten",
                "Ik wil mijn verhuizing online doorgeven, zodat ik niet naar het loket hoef.", List.of(), List.of(), null));
        JourneyVersion first = maps.publish(tenant, journey.id(), "Eerste versie");
        maps.addStep(tenant, journey.id(), new Step(null, "use", "Bevestiging ontvangen", "EMAIL", null, null, null,
                List.of(), List.of(), null));
        JourneyVersion second = maps.publish(tenant, journey.id(), null);

        assertThat(first.number()).isEqualTo(1);
        assertThat(second.number()).isEqualTo(2);
        assertThat(maps.versions(tenant.tenantId(), journey.id())).extracting(JourneyVersion::number).containsExactly(2, 1);
        assertThat(maps.version(tenant.tenantId(), journey.id(), 1).content().steps()).hasSize(1);
        assertThat(maps.version(tenant.tenantId(), journey.id(), 2).content().steps()).hasSize(2);
        assertThat(maps.journey(tenant.tenantId(), journey.id()).publishedVersion()).isEqualTo(2);
    }

    @Test
    void stepsMoveUpAndDownAndACopyStartsWithoutHistory() {
        Journey journey = demoJourney(DemoJourneys.RESTAURANT);
        maps.moveStep(tenant, journey.id(), "s3", -1);
        assertThat(maps.journey(tenant.tenantId(), journey.id()).content().stepsIn("orientation")).extracting(Step::id)
                .containsExactly("s3", "s2");

        Journey copy = maps.copy(tenant, journey.id(), "Een café beginnen");
        assertThat(copy.content().steps()).hasSameSizeAs(journey.content().steps());
        assertThat(maps.versions(tenant.tenantId(), copy.id())).isEmpty();
        assertThat(maps.livedJourneys(tenant.tenantId(), copy.id())).isEmpty();
        assertThatThrownBy(() -> maps.copy(tenant, journey.id(), " ")).isInstanceOf(ValidationProblem.class);
    }

    @Test
    void aLivedJourneyNeedsAPseudonymAPastDateAndKnownSteps() {
        Journey journey = demoJourney(DemoJourneys.PASSPORT);
        int before = maps.livedJourneys(tenant.tenantId(), journey.id()).size();
        assertThatThrownBy(() -> maps.recordLived(tenant, journey.id(), "", null, LivedJourney.Method.INTERVIEW,
                LocalDate.now().plusDays(3), List.of(new StepExperience("s99", Experience.POSITIVE, null))))
                .isInstanceOfSatisfying(ValidationProblem.class, p -> assertThat(p.problems()).extracting(FieldProblem::field)
                        .contains("participant", "recordedOn", "experiences"));
        assertThat(maps.livedJourneys(tenant.tenantId(), journey.id())).hasSize(before);

        maps.recordLived(tenant, journey.id(), "Deelnemer G", null, LivedJourney.Method.SHADOWING, LocalDate.now(),
                List.of(new StepExperience("s2", Experience.POSITIVE, "Dit keer ging het snel.")));
        JourneyMap map = maps.map(tenant.tenantId(), journey.id(), null, null, Locale.ENGLISH);
        assertThat(map.lived()).hasSize(before + 1);
        JourneyMap.StepRow appointment = map.steps().stream().filter(r -> r.step().id().equals("s2")).findFirst().orElseThrow();
        assertThat(appointment.quotes()).contains("Dit keer ging het snel.");
    }

    @Test
    void exportAndImportGiveTheSameJourneyInAnotherOrganisation() {
        Journey restaurant = demoJourney(DemoJourneys.RESTAURANT);
        byte[] file = exchange.exportBytes(tenant.tenantId(), restaurant.id());
        assertThat(new String(file, StandardCharsets.UTF_8)).contains("\"format\" : \"stadskompas-journey\"");

        TenantContext other = new TenantContext(TestData.of(context).tenant().id(), null, "ander", Role.ADVISOR);
        Journey imported = exchange.importFile(other, file);
        JourneyContent a = restaurant.content();
        JourneyContent b = imported.content();
        assertThat(b.name()).isEqualTo(a.name());
        assertThat(b.phases()).isEqualTo(a.phases());
        assertThat(b.steps()).extracting(Step::id, Step::title, Step::need, Step::channel)
                .containsExactlyElementsOf(a.steps().stream().map(s -> org.assertj.core.groups.Tuple.tuple(s.id(), s.title(),
                        s.need(), s.channel())).toList());
        assertThat(b.opportunities()).extracting(JourneyContent.Opportunity::title)
                .containsExactlyElementsOf(a.opportunities().stream().map(JourneyContent.Opportunity::title).toList());
        assertThat(maps.personas(other.tenantId())).hasSize(1);
        assertThat(maps.insights(other.tenantId())).extracting(Insight::title).contains("Lang wachten zonder nieuws");
        // and the exported file of the import is the same file
        assertThat(exchange.export(other.tenantId(), imported.id())).isEqualTo(exchange.export(tenant.tenantId(), restaurant.id()));
    }

    @Test
    void aFileWithOneMistakeImportsNothing() {
        Journey restaurant = demoJourney(DemoJourneys.RESTAURANT);
        String file = new String(exchange.exportBytes(tenant.tenantId(), restaurant.id()), StandardCharsets.UTF_8)
                .replace("\"phase\" : \"use\"", "\"phase\" : \"elsewhere\"");
        TenantContext other = new TenantContext(TestData.of(context).tenant().id(), null, "ander", Role.ADVISOR);
        assertThatThrownBy(() -> exchange.importFile(other, file.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(ValidationProblem.class, p -> assertThat(p.problems()).extracting(FieldProblem::field)
                        .containsExactly("steps[5].phaseId"));
        assertThat(maps.journeys(other.tenantId())).isEmpty();
        assertThat(maps.personas(other.tenantId())).isEmpty();
        assertThat(maps.insights(other.tenantId())).isEmpty();
        assertThat(maps.clusters(other.tenantId())).isEmpty();

        assertThatThrownBy(() -> exchange.importFile(other, "{\"format\": ".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(ValidationProblem.class,
                        p -> assertThat(p.problems().getFirst().code()).isEqualTo("journeys.import.unreadable"));
        assertThatThrownBy(() -> exchange.importFile(other, "{\"format\": \"x\", \"color\": 1}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ValidationProblem.class);
    }
}
