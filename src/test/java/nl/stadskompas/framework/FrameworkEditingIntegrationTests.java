// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import nl.stadskompas.organisation.Organisation;
import nl.stadskompas.platform.NotFoundException;
import nl.stadskompas.platform.Role;
import nl.stadskompas.platform.TenantContext;
import nl.stadskompas.platform.ValidationProblem;
import nl.stadskompas.support.TestData;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The version rules as the database keeps them: one draft, published versions that do not change,
 * labels that are new, and content that survives saving exactly.
 */
@SpringBootTest
class FrameworkEditingIntegrationTests {

    @Autowired
    FrameworkEditing editing;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    TenantContext tenant;

    @BeforeEach
    void setUp() {
        Organisation organisation = TestData.of(context).tenant();
        tenant = new TenantContext(organisation.id(), UUID.randomUUID(), "advisor", Role.ADVISOR);
    }

    @Test
    void savesAndReadsEveryKindOfItemWithPromiseLinesInOrder() {
        editing.startDraft(tenant);
        editing.addCoreValue(tenant, new CoreValue("K1", "Menselijk", "We zien de mens."));
        editing.addPromise(tenant, Promise.of("P1", "We luisteren", null, List.of("Luister naar mij", "Neem de tijd"),
                List.of("Je vraagt door"), List.of("Je zegt overal ja op")));
        editing.addPromise(tenant, Promise.of("P2", "We zijn duidelijk", null, List.of("Zeg wat er gaat gebeuren"),
                List.of(), List.of()));
        editing.addStatement(tenant, new Statement("S1", "Ik werd serieus genomen", "I was taken seriously", "p1"));
        editing.addAspect(tenant, new ServiceAspect("A1", "Snel antwoord", "Quick answer", AspectCategory.SPEED));
        UUID teamId = team(tenant.tenantId(), "Klantcontactcentrum");
        editing.addNorm(tenant, new NormInput("N1", "Terugbellen", "Tijd tot terugbellen", new BigDecimal("2.00"),
                NormUnit.WORKING_DAYS, new BigDecimal("90"), NormScope.TEAM, teamId));

        FrameworkVersion draft = editing.draft(tenant.tenantId());
        assertThat(draft.coreValues()).containsExactly(new CoreValue("K1", "Menselijk", "We zien de mens."));
        assertThat(draft.promises()).extracting(Promise::code).containsExactly("P1", "P2");
        assertThat(draft.promise("P1").orElseThrow().needs()).containsExactly("Luister naar mij", "Neem de tijd");
        assertThat(draft.promise("P1").orElseThrow().means()).containsExactly("Je vraagt door");
        assertThat(draft.promise("P1").orElseThrow().doesNotMean()).containsExactly("Je zegt overal ja op");
        assertThat(draft.promise("P2").orElseThrow().needs()).containsExactly("Zeg wat er gaat gebeuren");
        assertThat(draft.statements()).containsExactly(new Statement("S1", "Ik werd serieus genomen",
                "I was taken seriously", "P1"));
        Norm norm = draft.norm("N1").orElseThrow();
        assertThat(norm.threshold()).isEqualByComparingTo("2");
        assertThat(norm.threshold().toPlainString()).isEqualTo("2");
        assertThat(norm.scopeId()).isEqualTo(teamId);
        assertThat(norm.scopeName()).isEqualTo("Klantcontactcentrum");
    }

    @Test
    void allowsOnlyOneDraft() {
        editing.startDraft(tenant);
        assertThatThrownBy(() -> editing.startDraft(tenant)).isInstanceOf(ValidationProblem.class)
                .satisfies(e -> assertThat(((ValidationProblem) e).problems()).extracting(p -> p.code())
                        .containsExactly("framework.draft.exists"));
    }

    @Test
    void publishedVersionRefusesEveryChangeAndStaysInHistory() {
        editing.startDraft(tenant);
        editing.addPromise(tenant, Promise.of("P1", "We luisteren", null, List.of("Luister"), List.of(), List.of()));
        FrameworkVersion published = editing.publish(tenant, "1.0");
        FrameworkVersion stored = editing.version(tenant.tenantId(), published.id());

        assertThat(stored.status()).isEqualTo(VersionStatus.PUBLISHED);
        assertThat(stored.publishedByName()).isEqualTo("advisor");
        assertThatThrownBy(() -> stored.changePromise("P1",
                Promise.of("P1", "Anders", null, List.of("x"), List.of(), List.of())))
                .isInstanceOf(ValidationProblem.class);
        assertThatThrownBy(() -> stored.addCoreValue(new CoreValue("K1", "x", null)))
                .isInstanceOf(ValidationProblem.class);
        assertThatThrownBy(() -> stored.publish("2.0", java.time.Instant.now(), null, null))
                .isInstanceOf(ValidationProblem.class);
        // With no draft left, a change through the service finds nothing to change.
        assertThatThrownBy(() -> editing.removePromise(tenant, "P1")).isInstanceOf(NotFoundException.class);
        assertThat(editing.version(tenant.tenantId(), published.id()).promise("P1").orElseThrow().title())
                .isEqualTo("We luisteren");
        assertThat(editing.history(tenant.tenantId())).extracting(VersionSummary::label).containsExactly("1.0");
    }

    @Test
    void newVersionCopiesTheLatestPublishedAndSuggestsTheNextMajorLabel() {
        editing.startDraft(tenant);
        editing.addPromise(tenant, Promise.of("P1", "We luisteren", null, List.of("Luister"), List.of(), List.of()));
        assertThat(editing.suggestedLabel(tenant.tenantId())).isEqualTo("1.0");
        editing.publish(tenant, "1.0");

        FrameworkVersion draft = editing.startDraft(tenant);
        assertThat(draft.basedOn()).isEqualTo("1.0");
        assertThat(draft.promises()).extracting(Promise::code).containsExactly("P1");
        assertThat(editing.suggestedLabel(tenant.tenantId())).isEqualTo("2.0");
        editing.changePromise(tenant, "P1", Promise.of("ignored", "We luisteren echt", null, List.of("Luister"),
                List.of(), List.of()));

        assertThat(editing.latestPublished(tenant.tenantId()).orElseThrow().promise("P1").orElseThrow().title())
                .isEqualTo("We luisteren");
        assertThat(editing.current(tenant.tenantId()).orElseThrow().promise("P1").orElseThrow().title())
                .isEqualTo("We luisteren echt");
    }

    @Test
    void refusesALabelThatIsTakenOrMalformed() {
        editing.startDraft(tenant);
        editing.publish(tenant, "1.0");
        editing.startDraft(tenant);
        assertThatThrownBy(() -> editing.publish(tenant, "1.0")).isInstanceOf(ValidationProblem.class)
                .satisfies(e -> assertThat(((ValidationProblem) e).problems().getFirst().code())
                        .isEqualTo("framework.publish.labelTaken"));
        for (String bad : List.of("", "2", "v2.0", "2.0.1", "twee")) {
            assertThatThrownBy(() -> editing.publish(tenant, bad)).as(bad).isInstanceOf(ValidationProblem.class)
                    .satisfies(e -> assertThat(((ValidationProblem) e).problems().getFirst().code())
                            .isEqualTo("framework.publish.labelForm"));
        }
        assertThat(editing.findDraft(tenant.tenantId())).isPresent();
    }

    @Test
    void discardingTheDraftLeavesThePublishedVersion() {
        editing.startDraft(tenant);
        editing.publish(tenant, "1.0");
        editing.startDraft(tenant);
        editing.discardDraft(tenant);
        assertThat(editing.findDraft(tenant.tenantId())).isEmpty();
        assertThat(editing.current(tenant.tenantId()).orElseThrow().label()).isEqualTo("1.0");
        assertThatThrownBy(() -> editing.discardDraft(tenant)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void refusesToDeleteAPromiseThatAStatementMeasures() {
        editing.startDraft(tenant);
        editing.addPromise(tenant, Promise.of("P1", "We luisteren", null, List.of("Luister"), List.of(), List.of()));
        editing.addStatement(tenant, new Statement("S1", "Ik werd gehoord", null, "P1"));
        assertThatThrownBy(() -> editing.removePromise(tenant, "P1")).isInstanceOf(ValidationProblem.class)
                .satisfies(e -> assertThat(((ValidationProblem) e).problems().getFirst().args()).containsExactly("S1"));
        assertThat(editing.draft(tenant.tenantId()).promises()).hasSize(1);
    }

    @Test
    void normOfATeamOfAnotherTenantIsRefused() {
        editing.startDraft(tenant);
        UUID otherTeam = team(TestData.of(context).tenant().id(), "Burgerzaken");
        assertThatThrownBy(() -> editing.addNorm(tenant, new NormInput("N1", "Paspoort", "Levertijd",
                BigDecimal.ONE, NormUnit.WORKING_DAYS, null, NormScope.TEAM, otherTeam)))
                .isInstanceOf(ValidationProblem.class)
                .satisfies(e -> assertThat(((ValidationProblem) e).problems()).extracting(p -> p.code())
                        .containsExactly("framework.norm.unknownTeam"));
        assertThat(editing.draft(tenant.tenantId()).norms()).isEmpty();
    }

    /** Test set-up only: the organisation module owns these tables. */
    UUID team(UUID tenantId, String name) {
        return FrameworkTestOrganisation.team(jdbc, tenantId, name);
    }
}
