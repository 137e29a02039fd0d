// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.insights;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import nl.stadskompas.insights.Kpis.Kpi;
import nl.stadskompas.platform.Role;
import nl.stadskompas.platform.TenantContext;
import nl.stadskompas.support.TestData;
import nl.stadskompas.support.TestData.User;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The KPI pages: the catalogue is managed by an advisor with plain forms (mistakes shown on the form,
 * nothing stored), everybody sees the dashboard in Dutch and English with the chart, its table and
 * the test of the change, and a viewer cannot change anything.
 */
@SpringBootTest
@AutoConfigureMockMvc
class KpiPageTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    Kpis kpis;

    User advisor;
    User viewer;
    KpiFixtures fixtures;

    @BeforeEach
    void setUp() {
        TestData data = TestData.of(context);
        var tenant = data.tenant();
        advisor = data.user(tenant, Role.ADVISOR);
        viewer = data.user(tenant, Role.VIEWER);
        fixtures = new KpiFixtures(context, advisor);
        fixtures.answers(fixtures.residents, LocalDate.of(2026, 2, 10), "MARK", KpiFixtures.FEBRUARY);
        fixtures.answers(fixtures.residents, LocalDate.of(2026, 5, 10), "MARK", KpiFixtures.MAY);
    }

    @Test
    void advisorBuildsTheCatalogueWithPlainForms() throws Exception {
        mvc.perform(get("/insights/kpis").with(advisor.signedIn()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Rapportcijfer (gemiddelde)")))
                .andExpect(content().string(not(containsString("??"))));
        mvc.perform(post("/insights/kpis").with(advisor.signedIn()).with(csrf()).param("measure", "NOPE")
                        .param("nameNl", "").param("nameEn", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Kies een cijfer uit de lijst.")));
        String location = mvc.perform(post("/insights/kpis").with(advisor.signedIn()).with(csrf())
                        .param("measure", "SURVEY:MEAN:MARK").param("nameNl", "Rapportcijfer").param("nameEn", ""))
                .andExpect(redirectedUrlPattern("/insights/kpis/*")).andReturn().getResponse().getRedirectedUrl();
        mvc.perform(post(location + "/targets").with(advisor.signedIn()).with(csrf()).param("value", "zeven")
                        .param("deadline", "morgen").param("note", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Vul een getal in")))
                .andExpect(content().string(containsString("Schrijf de datum als 31-12-2027.")));
        mvc.perform(post(location + "/targets").with(advisor.signedIn()).with(csrf()).param("value", "7,5")
                        .param("deadline", "31-12-2027").param("note", "Coalitieakkoord"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl(location));
        mvc.perform(post(location + "/references").with(advisor.signedIn()).with(csrf()).param("label", "Landelijk")
                        .param("value", "6,9").param("source", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Vul de bron in.")));
        mvc.perform(post(location + "/references").with(advisor.signedIn()).with(csrf()).param("label", "Landelijk")
                        .param("value", "6,9").param("source", "Benchmark 2025"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl(location));
        mvc.perform(get(location).with(viewer.signedIn()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("7,5, uiterlijk 31-12-2027")))
                .andExpect(content().string(containsString("Landelijk: 6,9 (Benchmark 2025)")))
                .andExpect(content().string(not(containsString("Doel toevoegen"))));
        mvc.perform(post(location + "/delete").with(viewer.signedIn()).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void dashboardShowsEveryKpiWithChartTableAndTestInBothLanguages() throws Exception {
        TenantContext as = new TenantContext(advisor.tenantId(), advisor.id(), advisor.username(), Role.ADVISOR);
        Kpi kpi = kpis.addKpi(as, new Kpis.KpiInput("SURVEY:MEAN:MARK", "Rapportcijfer", "Report mark"));
        kpis.addTarget(as, kpi.id(), new Kpis.TargetInput(7.0, LocalDate.of(2027, 12, 31), null));
        kpis.addKpi(as, new Kpis.KpiInput("CASES:BACKLOG", null, null));
        mvc.perform(get("/insights").param("period", "2026-Q2").with(viewer.signedIn()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<svg")))
                .andExpect(content().string(containsString("Verloop van Rapportcijfer per periode")))
                .andExpect(content().string(containsString("5,7")))
                .andExpect(content().string(containsString("Dit verschil is echt (geen toeval), p = 0,003.")))
                .andExpect(content().string(containsString("Doel nog niet gehaald")))
                .andExpect(content().string(containsString("Openstaande zaken (werkvoorraad)")))
                .andExpect(content().string(not(containsString("??"))));
        mvc.perform(get("/insights").param("period", "2026-Q2").param("by", "SERVICE").param("lang", "en").with(viewer.signedIn()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("This difference is real (not chance), p = 0.003.")))
                .andExpect(content().string(containsString("Report mark per Service")))
                .andExpect(content().string(not(containsString("??"))));
        mvc.perform(get("/insights").param("period", "Q9").with(viewer.signedIn()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Deze periode kennen wij niet")));
    }
}
