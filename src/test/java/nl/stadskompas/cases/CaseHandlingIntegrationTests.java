// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import nl.stadskompas.cases.CaseFixtures.Scene;
import nl.stadskompas.cases.CaseHandling.Registration;
import nl.stadskompas.platform.NotFoundException;
import nl.stadskompas.platform.Role;
import nl.stadskompas.platform.ValidationProblem;
import nl.stadskompas.support.TestData;
import nl.stadskompas.support.TestData.User;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Registering and handling cases against the database: references, expected dates, status rules,
 * delays, the requester kept apart, and the events other modules rely on.
 */
@SpringBootTest
class CaseHandlingIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    CaseHandling handling;

    @Autowired
    CaseTracking tracking;

    @Autowired
    WorkingDayCalendar calendar;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Recorder recorder;

    CaseFixtures fixtures;
    User employee;

    @BeforeEach
    void setUp() {
        fixtures = CaseFixtures.of(context);
        employee = TestData.of(context).userInNewTenant(Role.FRONT_OFFICE);
    }

    @Test
    void aRegisteredCaseHasAReferenceTheFirstStatusAndTheNormDate() {
        Scene scene = fixtures.scene(employee.tenantId(), employee.id());
        var details = handling.get(employee.tenantId(), scene.caseId());
        assertThat(details.reference()).matches("Z-\\d{4}-\\d{6}");
        assertThat(details.current().code()).isEqualTo("ONTVANGEN");
        assertThat(details.expectedDate()).isEqualTo(calendar.plusWorkingDays(details.registeredOn(), 10));
        assertThat(details.requester().email()).isEqualTo("sanne@example.org");
        assertThat(details.history()).hasSize(1);
    }

    @Test
    void referencesCountUpPerTenant() {
        Scene scene = fixtures.scene(employee.tenantId(), employee.id());
        var second = fixtures.complaint(employee.tenantId(), scene.caseTypeId(), employee.id());
        String first = scene.registered().reference();
        int a = Integer.parseInt(first.substring(first.lastIndexOf('-') + 1));
        int b = Integer.parseInt(second.reference().substring(second.reference().lastIndexOf('-') + 1));
        assertThat(b).isEqualTo(a + 1);
        User other = TestData.of(context).userInNewTenant(Role.FRONT_OFFICE);
        assertThat(fixtures.scene(other.tenantId(), other.id()).registered().reference()).endsWith("-000001");
    }

    @Test
    void aStatusOutsideTheCaseTypeIsRefusedAndChangesNothing() {
        Scene scene = fixtures.scene(employee.tenantId(), employee.id());
        assertThatThrownBy(() -> handling.changeStatus(employee.tenantId(), scene.caseId(), employee.id(), "GOEDGEKEURD", null))
                .isInstanceOfSatisfying(ValidationProblem.class,
                        p -> assertThat(p.problems().getFirst().code()).isEqualTo("cases.status.unknown"));
        assertThat(handling.get(employee.tenantId(), scene.caseId()).current().code()).isEqualTo("ONTVANGEN");
    }

    @Test
    void aFinalStatusClosesTheCaseAndNothingChangesAfterwards() {
        Scene scene = fixtures.scene(employee.tenantId(), employee.id());
        handling.changeStatus(employee.tenantId(), scene.caseId(), employee.id(), "AFGEROND", "Opgelost met bewoner");
        var closed = handling.get(employee.tenantId(), scene.caseId());
        assertThat(closed.closed()).isTrue();
        assertThatThrownBy(() -> handling.changeStatus(employee.tenantId(), scene.caseId(), employee.id(), "IN_BEHANDELING", null))
                .isInstanceOfSatisfying(ValidationProblem.class,
                        p -> assertThat(p.problems().getFirst().code()).isEqualTo("cases.status.closed"));
        assertThatThrownBy(() -> handling.delay(employee.tenantId(), scene.caseId(), employee.id(), DelayKind.EXTENSION,
                DelayReason.BUSY, null, closed.expectedDate().plusDays(10)))
                .isInstanceOf(ValidationProblem.class);
        assertThat(handling.get(employee.tenantId(), scene.caseId()).history()).hasSize(2);
    }

    @Test
    void aDelayMovesTheExpectedDateAndNeedsALaterDate() {
        Scene scene = fixtures.scene(employee.tenantId(), employee.id());
        LocalDate expected = handling.get(employee.tenantId(), scene.caseId()).expectedDate();
        assertThatThrownBy(() -> handling.delay(employee.tenantId(), scene.caseId(), employee.id(), DelayKind.SUSPENSION,
                DelayReason.WAITING_FOR_RESIDENT, null, expected))
                .isInstanceOf(ValidationProblem.class);
        handling.delay(employee.tenantId(), scene.caseId(), employee.id(), DelayKind.SUSPENSION,
                DelayReason.WAITING_FOR_RESIDENT, "We wachten op de foto's.", expected.plusDays(14));
        var details = handling.get(employee.tenantId(), scene.caseId());
        assertThat(details.expectedDate()).isEqualTo(expected.plusDays(14));
        assertThat(details.normDate()).isEqualTo(expected);
        assertThat(details.delays()).singleElement().satisfies(d -> {
            assertThat(d.reason()).isEqualTo(DelayReason.WAITING_FOR_RESIDENT);
            assertThat(d.previousDate()).isEqualTo(expected);
        });
    }

    @Test
    void eventsArePublishedForRegistrationStatusDelayAndClosing() {
        recorder.events.clear();
        Scene scene = fixtures.scene(employee.tenantId(), employee.id());
        LocalDate expected = handling.get(employee.tenantId(), scene.caseId()).expectedDate();
        handling.changeStatus(employee.tenantId(), scene.caseId(), employee.id(), "IN_BEHANDELING", "intern");
        handling.delay(employee.tenantId(), scene.caseId(), employee.id(), DelayKind.EXTENSION, DelayReason.COMPLEX,
                null, expected.plusDays(20));
        handling.changeStatus(employee.tenantId(), scene.caseId(), employee.id(), "AFGEROND", null);
        List<Object> mine = recorder.events.stream().filter(e -> e.toString().contains(scene.caseId().toString())).toList();
        assertThat(mine).hasSize(5);
        assertThat(mine.get(0)).isInstanceOfSatisfying(CaseRegistered.class, e -> {
            assertThat(e.reference()).isEqualTo(scene.registered().reference());
            assertThat(e.kind()).isEqualTo(CaseKind.COMPLAINT);
            assertThat(e.channel()).isEqualTo(IntakeChannel.PHONE);
            assertThat(e.statusCode()).isEqualTo("ONTVANGEN");
            assertThat(e.informResident()).isTrue();
        });
        assertThat(mine.get(1)).isInstanceOfSatisfying(CaseStatusChanged.class, e -> {
            assertThat(e.previousStatusCode()).isEqualTo("ONTVANGEN");
            assertThat(e.statusCode()).isEqualTo("IN_BEHANDELING");
            assertThat(e.informResident()).isFalse();
        });
        assertThat(mine.get(2)).isInstanceOfSatisfying(CaseDelayed.class, e -> {
            assertThat(e.kind()).isEqualTo(DelayKind.EXTENSION);
            assertThat(e.newDate()).isEqualTo(expected.plusDays(20));
        });
        assertThat(mine.get(3)).isInstanceOfSatisfying(CaseStatusChanged.class, e -> assertThat(e.finalStatus()).isTrue());
        assertThat(mine.get(4)).isInstanceOfSatisfying(CaseClosed.class, e -> assertThat(e.withinNorm()).isTrue());
    }

    @Test
    void otherModulesReadTheRequesterAndGetAWorkingLinkButNothingOfAnotherTenant() {
        Scene scene = fixtures.scene(employee.tenantId(), employee.id());
        assertThat(tracking.requester(employee.tenantId(), scene.caseId()))
                .hasValueSatisfying(r -> assertThat(r.language()).isEqualTo("nl"));
        assertThat(tracking.find(employee.tenantId(), scene.caseId()))
                .hasValueSatisfying(s -> assertThat(s.residentTextNl()).isEqualTo("We hebben uw klacht ontvangen."));
        UUID otherTenant = TestData.of(context).tenant().id();
        assertThat(tracking.find(otherTenant, scene.caseId())).isEmpty();
        assertThat(tracking.requester(otherTenant, scene.caseId())).isEmpty();
        assertThat(tracking.issueProgressLink(otherTenant, scene.caseId())).isEmpty();
        String link = tracking.issueProgressLink(employee.tenantId(), scene.caseId()).orElseThrow();
        assertThat(link).startsWith("/volgen/");
        assertThat(handling.isProgressLinkOf(employee.tenantId(), scene.caseId(), link.substring(8))).isTrue();
        assertThat(handling.isProgressLinkOf(employee.tenantId(), scene.caseId(), scene.token())).as("the first still works").isTrue();
    }

    @Test
    void onlyTheHashOfAProgressTokenIsStored() {
        Scene scene = fixtures.scene(employee.tenantId(), employee.id());
        List<String> stored = jdbc.sql("SELECT token_hash FROM case_progress_token WHERE case_id = :c")
                .param("c", scene.caseId()).query(String.class).list();
        assertThat(stored).containsExactly(ProgressTokens.hash(scene.token())).doesNotContain(scene.token());
    }

    @Test
    void aCaseOfAnotherTenantIsNotFound() {
        Scene scene = fixtures.scene(employee.tenantId(), employee.id());
        UUID otherTenant = TestData.of(context).tenant().id();
        assertThatThrownBy(() -> handling.get(otherTenant, scene.caseId())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> handling.changeStatus(otherTenant, scene.caseId(), employee.id(), "AFGEROND", null))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void registrationNeedsAWayToReachTheRequesterAndAKnownType() {
        assertThatThrownBy(() -> handling.register(employee.tenantId(), employee.id(), new Registration(UUID.randomUUID(),
                IntakeChannel.PHONE, null, "Vraag", "Iemand", null, null, "nl")))
                .isInstanceOfSatisfying(ValidationProblem.class, p -> assertThat(p.problems())
                        .extracting(ValidationProblem.FieldProblem::field)
                        .contains("caseTypeId", "requesterEmail"));
    }

    @Test
    void theDemoCaseTypesMeetTheRulesForCaseTypes() {
        UUID team = fixtures.team(employee.tenantId(), "Demo");
        CaseTypeManagement types = context.getBean(CaseTypeManagement.class);
        for (var statuses : List.of(CasesDemoData.complaintStatuses(), CasesDemoData.passportStatuses(),
                CasesDemoData.permitStatuses(), CasesDemoData.reportStatuses())) {
            types.create(employee.tenantId(), new CaseTypeDraft("Demo " + statuses.getLast().code() + statuses.size(),
                    "Uitleg", CaseKind.APPLICATION, null, team, 5, statuses));
        }
        assertThat(types.all(employee.tenantId())).hasSize(4);
    }

    @Test
    void demoDataLeavesOutWhatHasNoTeam() {
        CasesDemoData demo = new CasesDemoData(context.getBean(nl.stadskompas.organisation.OrganisationRegistry.class),
                context.getBean(nl.stadskompas.organisation.OrganisationCatalogue.class),
                context.getBean(CaseTypeManagement.class), context.getBean(CaseTypes.class), handling,
                context.getBean(ContactSettingsManagement.class), context.getBean(Cases.class), calendar,
                java.time.Clock.systemUTC());
        UUID tenant = TestData.of(context).tenant().id();
        assertThat(demo.load(tenant)).isFalse();
        assertThat(context.getBean(CaseTypeManagement.class).all(tenant)).isEmpty();
        fixtures.team(tenant, "Burgerzaken");
        assertThat(demo.load(tenant)).isTrue();
        assertThat(context.getBean(CaseTypeManagement.class).all(tenant)).extracting(CaseTypeView::name)
                .containsExactly(CasesDemoData.PASSPORT);
    }

    @TestConfiguration
    static class Events {

        @Bean
        Recorder recorder() {
            return new Recorder();
        }
    }

    static class Recorder {

        final List<Object> events = java.util.Collections.synchronizedList(new ArrayList<>());

        @EventListener
        void on(CaseRegistered e) {
            events.add(e);
        }

        @EventListener
        void on(CaseStatusChanged e) {
            events.add(e);
        }

        @EventListener
        void on(CaseDelayed e) {
            events.add(e);
        }

        @EventListener
        void on(CaseClosed e) {
            events.add(e);
        }
    }
}
