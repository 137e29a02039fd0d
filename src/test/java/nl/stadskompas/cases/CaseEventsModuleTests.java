// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import nl.stadskompas.cases.CaseFixtures.Scene;
import nl.stadskompas.platform.Role;
import nl.stadskompas.support.TestData;
import nl.stadskompas.support.TestData.User;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;

/**
 * The cases module on its own (with the modules it needs), as the notifications module will meet it:
 * every change publishes its event with the facts a listener needs.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
class CaseEventsModuleTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    CaseHandling handling;

    @Test
    void registeringPublishesCaseRegistered(Scenario scenario) {
        User employee = TestData.of(context).userInNewTenant(Role.FRONT_OFFICE);
        CaseFixtures fixtures = CaseFixtures.of(context);
        UUID team = fixtures.team(employee.tenantId(), "Klantcontact");
        UUID type = fixtures.complaintType(employee.tenantId(), team);
        scenario.stimulate(() -> fixtures.complaint(employee.tenantId(), type, employee.id()))
                .andWaitForEventOfType(CaseRegistered.class)
                .matching(e -> e.tenantId().equals(employee.tenantId()))
                .toArriveAndVerify((event, registered) -> {
                    assertThat(event.caseId()).isEqualTo(registered.caseId());
                    assertThat(event.ownerTeamId()).isEqualTo(team);
                    assertThat(event.informResident()).isTrue();
                });
    }

    @Test
    void aFinalStatusPublishesStatusChangedAndClosed(Scenario scenario) {
        User employee = TestData.of(context).userInNewTenant(Role.FRONT_OFFICE);
        Scene scene = CaseFixtures.of(context).scene(employee.tenantId(), employee.id());
        scenario.stimulate(() -> handling.changeStatus(employee.tenantId(), scene.caseId(), employee.id(), "AFGEROND", null))
                .andWaitForEventOfType(CaseClosed.class)
                .matching(e -> e.caseId().equals(scene.caseId()))
                .toArriveAndVerify(event -> {
                    assertThat(event.statusCode()).isEqualTo("AFGEROND");
                    assertThat(event.withinNorm()).isTrue();
                    assertThat(event.reference()).isEqualTo(scene.registered().reference());
                });
    }
}
