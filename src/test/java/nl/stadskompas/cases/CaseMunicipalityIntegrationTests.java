// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import nl.stadskompas.cases.CaseHandling.Registration;
import nl.stadskompas.insights.Kpis;
import nl.stadskompas.insights.Period;
import nl.stadskompas.organisation.OrganisationCatalogue;
import nl.stadskompas.organisation.OrganisationCatalogue.MunicipalityReference;
import nl.stadskompas.organisation.OrganisationRegistry;
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
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The municipality a case is about: the employee chooses it at registration from the organisation's
 * municipalities (the only one is taken when there is one), sees it on the case page and in the
 * API, the resident never sees it, and the case figures on the dashboard follow a municipality filter.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CaseMunicipalityIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    CaseHandling handling;

    @Autowired
    JdbcClient jdbc;

    CaseFixtures fixtures;
    String north;
    String south;

    @BeforeEach
    void setUp() {
        fixtures = CaseFixtures.of(context);
        north = TestData.unique("Noorderhaven");
        south = TestData.unique("Zuiderwolde");
    }

    /** An employee of a new organisation that serves the named municipalities. */
    private User employeeServing(String... municipalities) {
        var organisation = context.getBean(OrganisationRegistry.class).register(TestData.unique("regio"),
                "Samenwerking " + UUID.randomUUID().toString().substring(0, 6), null, List.of(municipalities));
        return TestData.of(context).user(organisation, Role.FRONT_OFFICE);
    }

    private UUID municipality(User user, String name) {
        return context.getBean(OrganisationCatalogue.class).municipalities(user.tenantId()).stream()
                .filter(m -> m.name().equals(name)).map(MunicipalityReference::id).findFirst().orElseThrow();
    }

    private long cases(User user) {
        return jdbc.sql("SELECT COUNT(*) FROM case_file WHERE tenant_id = :t").param("t", user.tenantId())
                .query(Long.class).single();
    }

    @Test
    void theEmployeeChoosesTheMunicipalityAndSeesItOnTheCaseButTheResidentDoesNot() throws Exception {
        User employee = employeeServing(north, south);
        UUID type = fixtures.complaintType(employee.tenantId(), fixtures.team(employee.tenantId(), "Wijkteam"));
        UUID southId = municipality(employee, south);
        mvc.perform(get("/cases/new").with(employee.signedIn()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<label class=\"utrecht-form-label\" for=\"municipalityId\">Gemeente</label>")))
                .andExpect(content().string(containsString(">Niet bekend</option>")))
                .andExpect(content().string(containsString(north)))
                .andExpect(content().string(containsString(south)));

        // A municipality of another organisation is refused, and nothing is registered.
        User stranger = employeeServing(TestData.unique("Elders"));
        mvc.perform(post("/cases/new").with(employee.signedIn()).with(csrf()).param("caseTypeId", type.toString())
                        .param("channel", "PHONE").param("subject", "Losse tegel").param("requesterName", "Ali")
                        .param("requesterPhone", "06 12345678").param("requesterLanguage", "nl")
                        .param("municipalityId", municipality(stranger, context.getBean(OrganisationCatalogue.class)
                                .municipalities(stranger.tenantId()).get(0).name()).toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Deze gemeente hoort niet bij uw organisatie")));
        assertThat(cases(employee)).isZero();

        mvc.perform(post("/cases/new").with(employee.signedIn()).with(csrf()).param("caseTypeId", type.toString())
                        .param("channel", "PHONE").param("subject", "Losse tegel").param("requesterName", "Ali")
                        .param("requesterPhone", "06 12345678").param("requesterLanguage", "nl")
                        .param("municipalityId", southId.toString()))
                .andExpect(status().isOk());
        UUID caseId = jdbc.sql("SELECT id FROM case_file WHERE tenant_id = :t").param("t", employee.tenantId())
                .query(UUID.class).single();
        mvc.perform(get("/cases/" + caseId).with(employee.signedIn()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<dt>Gemeente</dt><dd>" + south + "</dd>")));
        mvc.perform(get("/api/v1/cases/" + caseId).with(employee.basic())
                        .header("X-Tenant-Id", employee.tenantId().toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.municipalityId").value(southId.toString()))
                .andExpect(jsonPath("$.municipalityName").value(south));

        String token = handling.replaceProgressLink(employee.tenantId(), caseId);
        mvc.perform(get("/volgen/" + token).with(request -> {
            request.setRemoteAddr("10.31.4." + (1 + (int) (Math.random() * 250)));
            return request;
        }))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("We hebben uw klacht ontvangen.")))
                .andExpect(content().string(not(containsString(south))));
    }

    @Test
    void theOnlyMunicipalityIsTakenAndWithoutOneTheCaseHasNone() throws Exception {
        User employee = employeeServing(north);
        UUID type = fixtures.complaintType(employee.tenantId(), fixtures.team(employee.tenantId(), "Wijkteam"));
        UUID northId = municipality(employee, north);
        mvc.perform(get("/cases/new").with(employee.signedIn()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<option value=\"" + northId + "\" selected=\"selected\">")))
                .andExpect(content().string(not(containsString(">Niet bekend</option>"))));
        String created = mvc.perform(post("/api/v1/cases").with(employee.basic())
                        .header("X-Tenant-Id", employee.tenantId().toString()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"caseTypeId":"%s","channel":"ONLINE","subject":"Kapotte bank",
                                 "requesterName":"Ali","requesterPhone":"06 12345678"}""".formatted(type)))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        String id = created.replaceAll(".*\"id\":\"([0-9a-f-]{36})\".*", "$1");
        mvc.perform(get("/api/v1/cases/" + id).with(employee.basic())
                        .header("X-Tenant-Id", employee.tenantId().toString()))
                .andExpect(jsonPath("$.municipalityId").value(northId.toString()));

        User alone = TestData.of(context).userInNewTenant(Role.FRONT_OFFICE);
        UUID otherType = fixtures.complaintType(alone.tenantId(), fixtures.team(alone.tenantId(), "Team"));
        var registered = handling.register(alone.tenantId(), alone.id(), new Registration(otherType,
                IntakeChannel.PHONE, null, "Vraag", "Bo", null, "06 12345678", "nl"));
        assertThat(handling.get(alone.tenantId(), registered.caseId()).municipalityId()).isNull();
        mvc.perform(get("/cases/" + registered.caseId()).with(alone.signedIn()))
                .andExpect(content().string(containsString("<dt>Gemeente</dt><dd>Niet bekend</dd>")));
        mvc.perform(get("/cases/new").with(alone.signedIn()))
                .andExpect(content().string(not(containsString("name=\"municipalityId\""))));
    }

    @Test
    void caseFiguresFollowTheMunicipalityFilter() {
        User employee = employeeServing(north, south);
        UUID tenant = employee.tenantId();
        UUID type = fixtures.complaintType(tenant, fixtures.team(tenant, "Wijkteam"));
        UUID northId = municipality(employee, north);
        UUID southId = municipality(employee, south);
        for (int i = 0; i < 12; i++) {
            UUID where = i < 5 ? northId : i < 11 ? southId : null;
            handling.register(tenant, employee.id(), new Registration(type, IntakeChannel.PHONE, null, "Zaak " + i,
                    "Bo", null, "06 12345678", "nl", where));
        }
        Kpis kpis = context.getBean(Kpis.class);
        kpis.addKpi(new TenantContext(tenant, employee.id(), employee.username(), Role.ADVISOR),
                new Kpis.KpiInput("CASES:BACKLOG", "Werkvoorraad", "Backlog"));
        kpis.refresh(tenant);
        Period month = Period.containing(Period.Type.MONTH, kpis.today());
        assertThat(backlog(kpis, tenant, month, null)).isEqualTo(12.0);
        assertThat(backlog(kpis, tenant, month, northId)).isEqualTo(5.0);
        assertThat(backlog(kpis, tenant, month, southId)).isEqualTo(6.0);
    }

    private static Double backlog(Kpis kpis, UUID tenant, Period period, UUID municipality) {
        return kpis.figures(tenant, period, new Kpis.Filter(municipality, null, null, null), null, 1, Locale.of("nl"))
                .stream().filter(k -> k.kpi().measure().equals("CASES:BACKLOG")).findFirst().orElseThrow()
                .current().value();
    }
}
