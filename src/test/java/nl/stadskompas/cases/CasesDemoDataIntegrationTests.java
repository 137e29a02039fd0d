// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import nl.stadskompas.organisation.Organisation;
import nl.stadskompas.organisation.OrganisationCatalogue;
import nl.stadskompas.organisation.OrganisationRegistry;
import nl.stadskompas.support.TestData;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * The demo case data for the demo organisation: four case types, open and closed cases of several
 * ages with one delayed, and loading twice changes nothing. Loaded into a fresh tenant with the demo
 * teams, so that the shared demo organisation itself is left alone.
 */
@SpringBootTest
class CasesDemoDataIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    OrganisationRegistry organisations;

    @Autowired
    OrganisationCatalogue catalogue;

    @Autowired
    CaseTypeManagement types;

    @Autowired
    CaseHandling handling;

    @Autowired
    ContactSettingsManagement contacts;

    @Test
    void loadsCaseTypesContactDetailsAndCasesOnceForTheDemoOrganisation() {
        Organisation demo = TestData.of(context).tenant();
        CaseFixtures fixtures = CaseFixtures.of(context);
        for (String team : List.of("Klantcontactcentrum", "Burgerzaken", "Vergunningen en toezicht", "Openbare ruimte")) {
            fixtures.team(demo.id(), team);
        }
        CasesDemoData loader = loader();
        assertThat(loader.load(demo.id())).isTrue();
        UUID tenant = demo.id();
        assertThat(types.all(tenant)).extracting(CaseTypeView::name).contains(CasesDemoData.COMPLAINT,
                CasesDemoData.PASSPORT, CasesDemoData.PERMIT, CasesDemoData.REPORT);
        assertThat(contacts.of(tenant)).isPresent();
        var open = handling.openCases(tenant, null, "age");
        assertThat(open).hasSizeGreaterThanOrEqualTo(7);
        assertThat(open).anySatisfy(c -> assertThat(c.delayed()).isTrue());
        assertThat(open).anySatisfy(c -> assertThat(c.late()).isTrue());
        assertThat(open).extracting(c -> c.ageWorkingDays()).contains(30, 9, 1);

        int typesBefore = types.all(tenant).size();
        assertThat(loader.load(tenant)).isFalse();
        assertThat(types.all(tenant)).hasSize(typesBefore);
        assertThat(handling.openCases(tenant, null, "age")).hasSize(open.size());
    }

    private CasesDemoData loader() {
        return new CasesDemoData(organisations, catalogue, types, context.getBean(CaseTypes.class), handling, contacts,
                context.getBean(Cases.class), context.getBean(WorkingDayCalendar.class), Clock.systemUTC());
    }
}
