// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The framework pages as an advisor and a viewer use them: editing the draft, publishing, export
 * and import into another organisation; wrong input changes nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
class FrameworkPagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    FrameworkEditing editing;

    @Autowired
    JdbcClient jdbc;

    TestData data;
    User advisor;
    TenantContext tenant;
    UUID teamId;

    @BeforeEach
    void setUp() {
        data = TestData.of(context);
        advisor = data.userInNewTenant(Role.ADVISOR);
        tenant = new TenantContext(advisor.tenantId(), advisor.id(), advisor.username(), Role.ADVISOR);
        teamId = FrameworkTestOrganisation.team(jdbc, advisor.tenantId(), "Klantcontactcentrum");
        editing.startDraft(tenant);
        editing.addPromise(tenant, Promise.of("P1", "We nemen u serieus", null, List.of("Luister naar mij"),
                List.of("Je vraagt door"), List.of()));
        editing.addStatement(tenant, new Statement("S1", "Ik werd serieus genomen", "I was taken seriously", "P1"));
        editing.addNorm(tenant, new NormInput("N1", "Terugbellen", "Tijd tot terugbellen", new BigDecimal("2"),
                NormUnit.WORKING_DAYS, new BigDecimal("90"), NormScope.ORGANISATION, null));
    }

    @Test
    void overviewShowsTheDraftWithEditLinks() throws Exception {
        mvc.perform(get("/framework").with(advisor.signedIn()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("We nemen u serieus"), containsString("Luister naar mij"),
                        containsString("Ik werd serieus genomen"), containsString("2 werkdagen"),
                        containsString("in 90% van de gevallen"), containsString("/framework/draft/promises/P1"),
                        containsString("Concept"))));
    }

    @Test
    void advisorEditsAPromiseWithNeedsAndGuidanceLines() throws Exception {
        mvc.perform(get("/framework/draft/promises/P1").with(advisor.signedIn())).andExpect(status().isOk())
                .andExpect(content().string(containsString("Luister naar mij")));
        mvc.perform(post("/framework/draft/promises/P1").with(advisor.signedIn()).with(csrf())
                        .param("code", "P1").param("title", "We nemen u echt serieus").param("description", "")
                        .param("needs", "Luister naar mij\r\nNeem de tijd voor mij\r\n\r\nBegrijp mijn situatie")
                        .param("means", "Je vraagt door").param("doesNotMean", "Je zegt overal ja op"))
                .andExpect(redirectedUrl("/framework"));
        Promise promise = editing.draft(tenant.tenantId()).promise("P1").orElseThrow();
        assertThat(promise.title()).isEqualTo("We nemen u echt serieus");
        assertThat(promise.needs()).containsExactly("Luister naar mij", "Neem de tijd voor mij", "Begrijp mijn situatie");
        assertThat(promise.doesNotMean()).containsExactly("Je zegt overal ja op");
    }

    @Test
    void aPromiseWithoutTitleGetsAFieldMessageAndChangesNothing() throws Exception {
        mvc.perform(post("/framework/draft/promises/P1").with(advisor.signedIn()).with(csrf())
                        .param("code", "P1").param("title", " ").param("needs", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Controleer deze velden"),
                        containsString("id=\"title-error\""), containsString("id=\"needs-error\""))));
        assertThat(editing.draft(tenant.tenantId()).promise("P1").orElseThrow().title()).isEqualTo("We nemen u serieus");
    }

    @Test
    void advisorEditsANormAndLinksItToATeam() throws Exception {
        mvc.perform(get("/framework/draft/norms/N1").with(advisor.signedIn())).andExpect(status().isOk())
                .andExpect(content().string(containsString("Klantcontactcentrum")));
        mvc.perform(post("/framework/draft/norms/N1").with(advisor.signedIn()).with(csrf())
                        .param("code", "N1").param("name", "Terugbellen").param("measure", "Tijd tot terugbellen")
                        .param("threshold", "1,5").param("unit", "WORKING_DAYS").param("targetPercent", "95")
                        .param("scope", "TEAM").param("teamId", teamId.toString()).param("serviceId", ""))
                .andExpect(redirectedUrl("/framework"));
        Norm norm = editing.draft(tenant.tenantId()).norm("N1").orElseThrow();
        assertThat(norm.threshold()).isEqualByComparingTo("1.5");
        assertThat(norm.scopeId()).isEqualTo(teamId);
        assertThat(norm.scopeName()).isEqualTo("Klantcontactcentrum");
    }

    @Test
    void aNormWithWrongNumbersAndNoTeamGetsFieldMessagesAndChangesNothing() throws Exception {
        mvc.perform(post("/framework/draft/norms/N1").with(advisor.signedIn()).with(csrf())
                        .param("code", "N1").param("name", "Terugbellen").param("measure", "Tijd")
                        .param("threshold", "twee").param("unit", "WORKING_DAYS").param("targetPercent", "150")
                        .param("scope", "TEAM").param("teamId", "").param("serviceId", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"threshold-error\""),
                        containsString("Vul een getal in"), containsString("id=\"teamId-error\""))));
        mvc.perform(post("/framework/draft/norms/N1").with(advisor.signedIn()).with(csrf())
                        .param("code", "N1").param("name", "Terugbellen").param("measure", "Tijd")
                        .param("threshold", "-1").param("unit", "WORKING_DAYS").param("targetPercent", "150")
                        .param("scope", "TEAM").param("teamId", UUID.randomUUID().toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("groter dan 0"), containsString("tussen 0 en 100"),
                        containsString("bestaat niet in uw organisatie"))));
        mvc.perform(post("/framework/draft/norms/N1").with(advisor.signedIn()).with(csrf())
                        .param("threshold", "2").param("unit", "FORTNIGHTS").param("scope", "ORGANISATION"))
                .andExpect(status().isOk());
        Norm norm = editing.draft(tenant.tenantId()).norm("N1").orElseThrow();
        assertThat(norm.threshold()).isEqualByComparingTo("2");
        assertThat(norm.scope()).isEqualTo(NormScope.ORGANISATION);
    }

    @Test
    void addsEveryKindOfItemThroughItsForm() throws Exception {
        mvc.perform(get("/framework/draft/core-values/new").with(advisor.signedIn())).andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"K1\"")));
        mvc.perform(post("/framework/draft/core-values/new").with(advisor.signedIn()).with(csrf())
                .param("code", "K1").param("name", "Menselijk").param("description", "We zien de mens"))
                .andExpect(redirectedUrl("/framework"));
        mvc.perform(post("/framework/draft/statements/new").with(advisor.signedIn()).with(csrf())
                .param("code", "S2").param("text", "Ik wist wat er ging gebeuren").param("textEn", "")
                .param("promise", "P1")).andExpect(redirectedUrl("/framework"));
        mvc.perform(post("/framework/draft/aspects/new").with(advisor.signedIn()).with(csrf())
                .param("code", "A1").param("name", "Ik kon snel iemand spreken").param("nameEn", "")
                .param("category", "REACHABILITY")).andExpect(redirectedUrl("/framework"));
        mvc.perform(post("/framework/draft/norms/new").with(advisor.signedIn()).with(csrf())
                .param("code", "N2").param("name", "E-mail").param("measure", "Tijd tot antwoord")
                .param("threshold", "5").param("unit", "WORKING_DAYS").param("scope", "ORGANISATION"))
                .andExpect(redirectedUrl("/framework"));
        FrameworkVersion draft = editing.draft(tenant.tenantId());
        assertThat(draft.coreValues()).extracting(CoreValue::code).containsExactly("K1");
        assertThat(draft.statements()).extracting(Statement::code).containsExactly("S1", "S2");
        assertThat(draft.aspects()).extracting(ServiceAspect::category).containsExactly(AspectCategory.REACHABILITY);
        assertThat(draft.norms()).extracting(Norm::code).containsExactly("N1", "N2");
    }

    @Test
    void aTakenCodeIsRefusedOnItsField() throws Exception {
        mvc.perform(post("/framework/draft/statements/new").with(advisor.signedIn()).with(csrf())
                        .param("code", "s1").param("text", "Dubbel").param("promise", "P1"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"code-error\""), containsString("al in gebruik"))));
        assertThat(editing.draft(tenant.tenantId()).statements()).hasSize(1);
    }

    @Test
    void deletingAPromiseThatAStatementMeasuresIsRefusedInPlainWords() throws Exception {
        mvc.perform(post("/framework/draft/promises/P1/delete").with(advisor.signedIn()).with(csrf()))
                .andExpect(redirectedUrl("/framework/draft/promises/P1"));
        assertThat(editing.draft(tenant.tenantId()).promises()).hasSize(1);
        mvc.perform(post("/framework/draft/statements/S1/delete").with(advisor.signedIn()).with(csrf()))
                .andExpect(redirectedUrl("/framework"));
        mvc.perform(post("/framework/draft/promises/P1/delete").with(advisor.signedIn()).with(csrf()))
                .andExpect(redirectedUrl("/framework"));
        assertThat(editing.draft(tenant.tenantId()).promises()).isEmpty();
    }

    @Test
    void publishesWithAChosenLabelAndThenShowsItReadOnly() throws Exception {
        mvc.perform(get("/framework/draft/publish").with(advisor.signedIn())).andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"1.0\"")));
        mvc.perform(post("/framework/draft/publish").with(advisor.signedIn()).with(csrf()).param("label", "versie 1"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"label-error\"")));
        assertThat(editing.findDraft(tenant.tenantId())).isPresent();
        String location = mvc.perform(post("/framework/draft/publish").with(advisor.signedIn()).with(csrf())
                        .param("label", "1.0"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(editing.findDraft(tenant.tenantId())).isEmpty();
        mvc.perform(get(location).with(advisor.signedIn())).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Versie 1.0"), containsString("Nieuwe versie maken"),
                        not(containsString("/framework/draft/promises/P1")))));
        mvc.perform(get("/framework/versions").with(advisor.signedIn())).andExpect(status().isOk())
                .andExpect(content().string(containsString("Versie 1.0")));
        mvc.perform(get("/framework/draft/promises/P1").with(advisor.signedIn())).andExpect(status().isNotFound());
        mvc.perform(post("/framework/draft").with(advisor.signedIn()).with(csrf())).andExpect(redirectedUrl("/framework"));
        assertThat(editing.draft(tenant.tenantId()).basedOn()).isEqualTo("1.0");
    }

    @Test
    void discardingTheDraftAsksFirst() throws Exception {
        mvc.perform(get("/framework/draft/discard").with(advisor.signedIn())).andExpect(status().isOk());
        mvc.perform(post("/framework/draft/discard").with(advisor.signedIn()).with(csrf()))
                .andExpect(redirectedUrl("/framework"));
        assertThat(editing.findDraft(tenant.tenantId())).isEmpty();
        mvc.perform(get("/framework").with(advisor.signedIn())).andExpect(status().isOk())
                .andExpect(content().string(containsString("Begin een nieuw kader")));
    }

    @Test
    void exportsAndImportsIntoAnotherTenantWithAWarningForAnUnknownTeam() throws Exception {
        editing.changeNorm(tenant, "N1", new NormInput(null, "Terugbellen", "Tijd tot terugbellen", new BigDecimal("2"),
                NormUnit.WORKING_DAYS, new BigDecimal("90"), NormScope.TEAM, teamId));
        FrameworkVersion published = editing.publish(tenant, "1.0");
        byte[] file = mvc.perform(get("/framework/versions/" + published.id() + "/export").param("format", "yaml")
                        .with(advisor.signedIn()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("dienstverleningskader-1.0.yaml")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(file, StandardCharsets.UTF_8)).contains("team: Klantcontactcentrum");

        User other = data.userInNewTenant(Role.ADVISOR);
        mvc.perform(multipart("/framework/import").file(new MockMultipartFile("file", "kader.yaml", "application/yaml", file))
                        .with(other.signedIn()).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Import gelukt"),
                        containsString("team Klantcontactcentrum bestaat nog niet"))));
        FrameworkVersion imported = editing.draft(other.tenantId());
        assertThat(imported.content()).isEqualTo(published.content().norms().isEmpty() ? null : withoutLinks(published.content()));
        assertThat(imported.norm("N1").orElseThrow().unlinked()).isTrue();
        mvc.perform(get("/framework").with(other.signedIn()))
                .andExpect(content().string(containsString("Nog niet gekoppeld")));
    }

    @Test
    void anInvalidImportListsEveryProblemAndCreatesNothing() throws Exception {
        User other = data.userInNewTenant(Role.ADVISOR);
        String yaml = "format: stadskompas-framework/1\nname: Kader\npromises:\n  - code: P1\n    needs: [Luister]\n"
                + "norms:\n  - code: N1\n    threshold: nul\n";
        mvc.perform(multipart("/framework/import").file(new MockMultipartFile("file", "kapot.yaml", "application/yaml",
                        yaml.getBytes(StandardCharsets.UTF_8))).with(other.signedIn()).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Import niet gelukt"), containsString("promises[0].title"),
                        containsString("norms[0].threshold"), containsString("norms[0].unit"),
                        containsString("Er is niets veranderd"))));
        assertThat(editing.current(other.tenantId())).isEmpty();
        mvc.perform(multipart("/framework/import").with(other.signedIn()).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Het bestand is leeg")));
    }

    @Test
    void importIsRefusedWhileADraftExists() throws Exception {
        byte[] file = FrameworkFile.write(editing.draft(tenant.tenantId()).content(), null, FrameworkFile.Format.JSON,
                Norm::scopeName);
        mvc.perform(multipart("/framework/import").file(new MockMultipartFile("file", "kader.json", "application/json", file))
                        .with(advisor.signedIn()).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Er is al een conceptversie")));
        assertThat(editing.history(tenant.tenantId())).hasSize(1);
    }

    @Test
    void unknownCodesAndOtherTenantsVersionsAreNotFound() throws Exception {
        mvc.perform(get("/framework/draft/promises/P99").with(advisor.signedIn())).andExpect(status().isNotFound());
        mvc.perform(post("/framework/draft/norms/N99/delete").with(advisor.signedIn()).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/framework/versions/" + UUID.randomUUID()).with(advisor.signedIn())).andExpect(status().isNotFound());
        mvc.perform(get("/framework/versions/not-an-id").with(advisor.signedIn())).andExpect(status().isNotFound());
        User stranger = data.userInNewTenant(Role.ADVISOR);
        UUID draftId = editing.draft(tenant.tenantId()).id();
        mvc.perform(get("/framework/versions/" + draftId).with(stranger.signedIn())).andExpect(status().isNotFound());
        mvc.perform(get("/framework/versions/" + draftId + "/export").with(stranger.signedIn()))
                .andExpect(status().isNotFound());
    }

    @Test
    void aViewerSeesTheFrameworkButCannotChangeIt() throws Exception {
        User viewer = data.user(organisationOf(advisor), Role.VIEWER);
        mvc.perform(get("/framework").with(viewer.signedIn())).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("We nemen u serieus"),
                        not(containsString("/framework/draft/promises/P1")), not(containsString("Publiceren")))));
        mvc.perform(get("/framework/draft/promises/P1").with(viewer.signedIn())).andExpect(status().isForbidden());
        mvc.perform(post("/framework/draft/promises/P1").with(viewer.signedIn()).with(csrf())
                .param("code", "P1").param("title", "Gekaapt").param("needs", "x")).andExpect(status().isForbidden());
        mvc.perform(post("/framework/draft/publish").with(viewer.signedIn()).with(csrf()).param("label", "1.0"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/framework/import").with(viewer.signedIn())).andExpect(status().isForbidden());
        assertThat(editing.draft(tenant.tenantId()).promise("P1").orElseThrow().title()).isEqualTo("We nemen u serieus");
    }

    private nl.stadskompas.organisation.Organisation organisationOf(User user) {
        return context.getBean(nl.stadskompas.organisation.OrganisationRegistry.class).find(user.tenantId()).orElseThrow();
    }

    /** What an organisation without the team gets: the same content, the team name kept, no id. */
    private static FrameworkContent withoutLinks(FrameworkContent c) {
        return new FrameworkContent(c.name(), c.description(), c.coreValues(), c.promises(), c.statements(), c.aspects(),
                c.norms().stream().map(n -> new Norm(n.code(), n.name(), n.measure(), n.threshold(), n.unit(),
                        n.targetPercent(), n.scope(), null, n.scopeName())).toList());
    }
}
