// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import nl.stadskompas.journeys.JourneyContent.Opportunity;
import nl.stadskompas.journeys.JourneyContent.Solution;
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
 * Changing what was made before: an opportunity with its solutions, personas, pain points and
 * clusters in the library, and a lived journey. Wrong input gets a message at the field and changes
 * nothing; something still used by a journey is not deleted, and the message says where it is used.
 */
@SpringBootTest
@AutoConfigureMockMvc
class JourneyEditingIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JourneyMaps maps;

    @Autowired
    DemoJourneys demo;

    User advisor;
    User viewer;
    TenantContext tenant;
    UUID restaurant;

    @BeforeEach
    void demo() {
        TestData data = TestData.of(context);
        var org = data.tenant();
        advisor = data.user(org, Role.ADVISOR);
        viewer = data.user(org, Role.VIEWER);
        tenant = new TenantContext(org.id(), advisor.id(), advisor.username(), Role.ADVISOR);
        demo.load(org.id());
        restaurant = maps.journeys(org.id()).stream().filter(j -> j.name().equals(DemoJourneys.RESTAURANT)).findFirst()
                .orElseThrow().id();
    }

    private Opportunity opportunity(String id) {
        return maps.journey(tenant.tenantId(), restaurant).content().opportunity(id).orElseThrow();
    }

    @Test
    void anOpportunityIsChangedWithItsSolutionsAndTheChangeIsRecordedOnTheJourney() throws Exception {
        Journey before = maps.journey(tenant.tenantId(), restaurant);
        mvc.perform(get("/journeys/" + restaurant + "/opportunities/o1").with(advisor.signedIn())).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Kans wijzigen"),
                        containsString("value=\"Startersteam met vaste contactpersoon\""), containsString("Nieuwe oplossing"),
                        not(containsString("??")))));
        mvc.perform(get("/journeys/" + restaurant + "/opportunities/o1").param("lang", "en").with(advisor.signedIn()))
                .andExpect(status().isOk()).andExpect(content().string(allOf(containsString("Edit opportunity"),
                        not(containsString("??")))));
        mvc.perform(get("/journeys/" + restaurant + "/opportunities/o1").with(viewer.signedIn())).andExpect(status().isForbidden());

        // the first solution is renamed, a second is added in the empty row
        mvc.perform(post("/journeys/" + restaurant + "/opportunities/o1").with(advisor.signedIn()).with(csrf())
                        .param("title", "Eén vaste contactpersoon").param("description", "Van idee tot opening.")
                        .param("stepIds", "s3")
                        .param("solutionTitles[0]", "Startersteam").param("solutionDescriptions[0]", "")
                        .param("solutionTitles[1]", "Eén telefoonnummer voor starters").param("solutionDescriptions[1]", "Direct doorverbonden."))
                .andExpect(status().is3xxRedirection());
        Opportunity changed = opportunity("o1");
        assertThat(changed.title()).isEqualTo("Eén vaste contactpersoon");
        assertThat(changed.stepIds()).containsExactly("s3");
        assertThat(changed.solutions()).containsExactly(new Solution("Startersteam", null),
                new Solution("Eén telefoonnummer voor starters", "Direct doorverbonden."));
        Journey after = maps.journey(tenant.tenantId(), restaurant);
        assertThat(after.rowVersion()).isGreaterThan(before.rowVersion());
        assertThat(after.updatedBy()).isEqualTo(advisor.username());
        mvc.perform(get("/journeys/" + restaurant).with(viewer.signedIn()))
                .andExpect(content().string(containsString("Startersteam; Eén telefoonnummer voor starters")));

        // an emptied solution goes
        mvc.perform(post("/journeys/" + restaurant + "/opportunities/o1").with(advisor.signedIn()).with(csrf())
                        .param("title", "Eén vaste contactpersoon").param("stepIds", "s3")
                        .param("solutionTitles[0]", "").param("solutionTitles[1]", "Eén telefoonnummer voor starters"))
                .andExpect(status().is3xxRedirection());
        assertThat(opportunity("o1").solutions()).extracting(Solution::title).containsExactly("Eén telefoonnummer voor starters");
    }

    @Test
    void wrongInputOnAnOpportunityGetsAMessageAtTheFieldAndChangesNothing() throws Exception {
        Opportunity before = opportunity("o1");
        long version = maps.journey(tenant.tenantId(), restaurant).rowVersion();
        mvc.perform(post("/journeys/" + restaurant + "/opportunities/o1").with(advisor.signedIn()).with(csrf())
                        .param("title", "").param("solutionTitles[0]", "Startersteam")
                        .param("solutionTitles[1]", "").param("solutionDescriptions[1]", "Alleen een omschrijving"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Controleer deze velden"), containsString("Kies minstens één stap."),
                        containsString("id=\"solutionTitles[1]-error\""), containsString("aria-invalid=\"true\""),
                        containsString("Alleen een omschrijving"))));
        mvc.perform(post("/journeys/" + restaurant + "/opportunities/o1").with(advisor.signedIn()).with(csrf())
                        .param("title", "Goed").param("stepIds", "s99").param("promiseCodes", "P99"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("De stap s99 bestaat niet in deze reis."),
                        containsString("De belofte P99 staat niet in het dienstverleningskader."))));
        assertThat(opportunity("o1")).isEqualTo(before);
        assertThat(maps.journey(tenant.tenantId(), restaurant).rowVersion()).isEqualTo(version);
        mvc.perform(get("/journeys/" + restaurant + "/opportunities/o9").with(advisor.signedIn())).andExpect(status().isNotFound());
    }

    @Test
    void personasPainPointsAndClustersAreChangedInTheLibrary() throws Exception {
        Persona samira = maps.personas(tenant.tenantId()).stream().filter(p -> p.name().startsWith("Samira")).findFirst().orElseThrow();
        Insight waiting = maps.insights(tenant.tenantId()).stream().filter(i -> i.title().startsWith("Lang wachten")).findFirst().orElseThrow();
        Cluster support = maps.clusters(tenant.tenantId()).stream().filter(c -> c.name().equals("Ondersteuning")).findFirst().orElseThrow();
        for (String page : new String[] {"/journeys/library/personas/" + samira.id(), "/journeys/library/insights/" + waiting.id(),
                "/journeys/library/clusters/" + support.id()}) {
            mvc.perform(get(page).with(advisor.signedIn())).andExpect(status().isOk())
                    .andExpect(content().string(not(containsString("??"))));
            mvc.perform(get(page).param("lang", "en").with(advisor.signedIn())).andExpect(status().isOk())
                    .andExpect(content().string(allOf(containsString("Edit"), not(containsString("??")))));
            mvc.perform(get(page).with(viewer.signedIn())).andExpect(status().isForbidden());
        }
        mvc.perform(get("/journeys/library").with(advisor.signedIn()))
                .andExpect(content().string(containsString("/journeys/library/personas/" + samira.id())));

        mvc.perform(post("/journeys/library/personas/" + samira.id()).with(advisor.signedIn()).with(csrf())
                .param("kind", "SEGMENT").param("name", "Starters in de horeca").param("description", ""))
                .andExpect(status().is3xxRedirection());
        assertThat(maps.persona(tenant.tenantId(), samira.id()))
                .isEqualTo(new Persona(samira.id(), tenant.tenantId(), Persona.Kind.SEGMENT, "Starters in de horeca", null));
        mvc.perform(post("/journeys/library/insights/" + waiting.id()).with(advisor.signedIn()).with(csrf())
                .param("kind", "INSIGHT").param("title", "Wachten zonder bericht").param("description", "Weken stil."))
                .andExpect(status().is3xxRedirection());
        assertThat(maps.insight(tenant.tenantId(), waiting.id()).title()).isEqualTo("Wachten zonder bericht");
        mvc.perform(post("/journeys/library/clusters/" + support.id()).with(advisor.signedIn()).with(csrf())
                .param("name", "Hulp en geld").param("description", ""))
                .andExpect(status().is3xxRedirection());
        assertThat(maps.cluster(tenant.tenantId(), support.id()).name()).isEqualTo("Hulp en geld");
        // the map shows the changed pain point on its steps
        mvc.perform(get("/journeys/" + restaurant).with(viewer.signedIn()))
                .andExpect(content().string(containsString("Wachten zonder bericht")));
    }

    @Test
    void wrongInputInTheLibraryGetsAMessageAtTheFieldAndChangesNothing() throws Exception {
        Persona samira = maps.personas(tenant.tenantId()).stream().filter(p -> p.name().startsWith("Samira")).findFirst().orElseThrow();
        Insight waiting = maps.insights(tenant.tenantId()).stream().filter(i -> i.title().startsWith("Lang wachten")).findFirst().orElseThrow();
        Cluster support = maps.clusters(tenant.tenantId()).stream().filter(c -> c.name().equals("Ondersteuning")).findFirst().orElseThrow();
        mvc.perform(post("/journeys/library/personas/" + samira.id()).with(advisor.signedIn()).with(csrf())
                        .param("kind", "ALIEN").param("name", "Ruud, komt rond met weinig"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Vul dit in."),
                        containsString("Deze naam bestaat al. Kies een andere naam."), containsString("aria-invalid=\"true\""))));
        mvc.perform(post("/journeys/library/insights/" + waiting.id()).with(advisor.signedIn()).with(csrf())
                        .param("kind", "PAIN_POINT").param("title", "x".repeat(201)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Dit is te lang. Gebruik hoogstens 200 tekens.")));
        mvc.perform(post("/journeys/library/clusters/" + support.id()).with(advisor.signedIn()).with(csrf())
                        .param("name", "toestemming"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Deze naam bestaat al.")));
        assertThat(maps.persona(tenant.tenantId(), samira.id())).isEqualTo(samira);
        assertThat(maps.insight(tenant.tenantId(), waiting.id())).isEqualTo(waiting);
        assertThat(maps.cluster(tenant.tenantId(), support.id())).isEqualTo(support);
        // its own name again is fine
        mvc.perform(post("/journeys/library/clusters/" + support.id()).with(advisor.signedIn()).with(csrf())
                .param("name", "Ondersteuning").param("description", "Anders")).andExpect(status().is3xxRedirection());
    }

    @Test
    void somethingStillUsedIsNotDeletedAndTheMessageSaysWhere() throws Exception {
        Persona samira = maps.personas(tenant.tenantId()).stream().filter(p -> p.name().startsWith("Samira")).findFirst().orElseThrow();
        Insight waiting = maps.insights(tenant.tenantId()).stream().filter(i -> i.title().startsWith("Lang wachten")).findFirst().orElseThrow();
        Cluster permission = maps.clusters(tenant.tenantId()).stream().filter(c -> c.name().equals("Toestemming")).findFirst().orElseThrow();
        for (String path : new String[] {"personas/" + samira.id(), "insights/" + waiting.id(), "clusters/" + permission.id()}) {
            mvc.perform(post("/journeys/library/" + path + "/delete").with(advisor.signedIn()).with(csrf()))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(flash().attribute("refused", containsString(DemoJourneys.RESTAURANT)));
            mvc.perform(post("/journeys/library/" + path + "/delete").with(viewer.signedIn()).with(csrf()))
                    .andExpect(status().isForbidden());
        }
        assertThat(maps.personas(tenant.tenantId())).contains(samira);
        assertThat(maps.insights(tenant.tenantId())).contains(waiting);
        assertThat(maps.clusters(tenant.tenantId())).contains(permission);
        mvc.perform(post("/journeys/library/clusters/" + permission.id() + "/delete").with(advisor.signedIn()).with(csrf()))
                .andExpect(flash().attribute("refused", "Dit kan niet weg, want het wordt nog gebruikt in: "
                        + DemoJourneys.PASSPORT + ", " + DemoJourneys.RESTAURANT + ". Haal het daar eerst weg."));

        // a persona named only by a lived journey is still in use
        Persona lone = maps.addPersona(tenant, Persona.Kind.SEGMENT, "Alleen in een interview", null);
        maps.recordLived(tenant, restaurant, "Deelnemer Q", lone.id(), LivedJourney.Method.INTERVIEW,
                java.time.LocalDate.of(2026, 1, 5), java.util.List.of(new LivedJourney.StepExperience("s1",
                        LivedJourney.Experience.NEUTRAL, null)));
        mvc.perform(post("/journeys/library/personas/" + lone.id() + "/delete").with(advisor.signedIn()).with(csrf()))
                .andExpect(flash().attribute("refused", containsString(DemoJourneys.RESTAURANT)));
        assertThat(maps.personas(tenant.tenantId())).contains(lone);

        // what nothing uses goes
        Insight unused = maps.addInsight(tenant, Insight.Kind.INSIGHT, "Nog nergens gebruikt", null);
        Cluster empty = maps.addCluster(tenant, "Leeg cluster", null);
        mvc.perform(post("/journeys/library/insights/" + unused.id() + "/delete").with(advisor.signedIn()).with(csrf()))
                .andExpect(flash().attribute("message", "journeys.library.removed"));
        mvc.perform(post("/journeys/library/clusters/" + empty.id() + "/delete").with(advisor.signedIn()).with(csrf()))
                .andExpect(flash().attribute("message", "journeys.library.removed"));
        assertThat(maps.insights(tenant.tenantId())).doesNotContain(unused);
        assertThat(maps.clusters(tenant.tenantId())).doesNotContain(empty);
    }

    @Test
    void aLivedJourneyIsChangedAndWrongInputChangesNothing() throws Exception {
        LivedJourney a = maps.livedJourneys(tenant.tenantId(), restaurant).stream()
                .filter(l -> l.participant().equals("Deelnemer A")).findFirst().orElseThrow();
        String page = "/journeys/" + restaurant + "/lived/" + a.id();
        mvc.perform(get(page).with(advisor.signedIn())).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Geleefde reis wijzigen"), containsString("value=\"Deelnemer A\""),
                        containsString("Eindelijk iemand die meedacht."), not(containsString("??")))));
        mvc.perform(get(page).param("lang", "en").with(advisor.signedIn())).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Edit lived journey"), not(containsString("??")))));
        mvc.perform(get(page).with(viewer.signedIn())).andExpect(status().isForbidden());

        mvc.perform(post(page).with(advisor.signedIn()).with(csrf())
                        .param("participant", "").param("method", "INTERVIEW").param("recordedOn", "morgen")
                        .param("ratings[s3]", "POSITIVE"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Vul een datum in zoals 2026-03-15.")));
        mvc.perform(post(page).with(advisor.signedIn()).with(csrf())
                        .param("participant", "").param("method", "INTERVIEW").param("recordedOn", "2026-01-05"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Vul dit in."),
                        containsString("Kies bij minstens één stap hoe het was."))));
        assertThat(maps.lived(tenant.tenantId(), restaurant, a.id())).isEqualTo(a);

        mvc.perform(post(page).with(advisor.signedIn()).with(csrf())
                        .param("participant", "Deelnemer A2").param("method", "SHADOWING").param("recordedOn", "2026-01-05")
                        .param("ratings[s3]", "NEGATIVE").param("quotes[s3]", "Toch weer een ander loket.")
                        .param("ratings[s5]", "POSITIVE"))
                .andExpect(status().is3xxRedirection());
        LivedJourney changed = maps.lived(tenant.tenantId(), restaurant, a.id());
        assertThat(changed.participant()).isEqualTo("Deelnemer A2");
        assertThat(changed.method()).isEqualTo(LivedJourney.Method.SHADOWING);
        assertThat(changed.personaId()).isNull();
        assertThat(changed.experiences()).containsExactly(
                new LivedJourney.StepExperience("s3", LivedJourney.Experience.NEGATIVE, "Toch weer een ander loket."),
                new LivedJourney.StepExperience("s5", LivedJourney.Experience.POSITIVE, null));
        mvc.perform(get("/journeys/" + restaurant).with(viewer.signedIn()))
                .andExpect(content().string(allOf(containsString("Toch weer een ander loket."), containsString("Deelnemer A2"))));
        mvc.perform(get("/journeys/" + restaurant + "/lived/" + UUID.randomUUID()).with(advisor.signedIn()))
                .andExpect(status().isNotFound());
    }

    @Test
    void standardPhasesAreShownInThePagesLanguageAndRenamedPhasesAsTyped() throws Exception {
        mvc.perform(get("/journeys/" + restaurant).param("lang", "en").with(viewer.signedIn()))
                .andExpect(content().string(allOf(containsString("Becoming aware"), containsString("Finding out"),
                        containsString("Coping with a setback"), not(containsString("Bewust worden")),
                        not(containsString("Omgaan met een tegenvaller")))));
        mvc.perform(get("/journeys/" + restaurant + "/steps/s2").param("lang", "en").with(advisor.signedIn()))
                .andExpect(content().string(allOf(containsString(">Applying</option>"), not(containsString(">Aanvragen<")))));
        mvc.perform(get("/journeys/" + restaurant + "/phases").param("lang", "en").with(advisor.signedIn()))
                .andExpect(content().string(containsString("value=\"Becoming aware\"")));

        // saved from the English page: the untouched standard phases keep their standard name, the renamed one is kept as typed
        mvc.perform(post("/journeys/" + restaurant + "/phases").param("lang", "en").with(advisor.signedIn()).with(csrf())
                        .param("names[0]", "Becoming aware").param("names[1]", "Rondkijken bij de gemeente")
                        .param("names[2]", "Preparing").param("names[3]", "Applying").param("names[4]", "Using or changing")
                        .param("names[5]", "Stopping").param("names[6]", "Coping with a setback"))
                .andExpect(status().is3xxRedirection());
        assertThat(maps.journey(tenant.tenantId(), restaurant).content().phases()).extracting(JourneyContent.Phase::name)
                .containsExactly("Bewust worden", "Rondkijken bij de gemeente", "Voorbereiden", "Aanvragen",
                        "Gebruiken of wijzigen", "Stoppen", "Omgaan met een tegenvaller");
        mvc.perform(get("/journeys/" + restaurant).param("lang", "en").with(viewer.signedIn()))
                .andExpect(content().string(allOf(containsString("Becoming aware"), containsString("Rondkijken bij de gemeente"),
                        not(containsString("Finding out")))));
        mvc.perform(get("/journeys/" + restaurant).param("lang", "nl").with(viewer.signedIn()))
                .andExpect(content().string(allOf(containsString("Bewust worden"), containsString("Rondkijken bij de gemeente"))));
    }

    @Test
    void theOpportunitiesListCanBeFilteredByPersonaOrSegment() throws Exception {
        Persona ruud = maps.personas(tenant.tenantId()).stream().filter(p -> p.name().startsWith("Ruud")).findFirst().orElseThrow();
        mvc.perform(get("/journeys/opportunities").with(viewer.signedIn()))
                .andExpect(content().string(allOf(containsString("Eén vast contactpersoon voor starters"),
                        containsString("Formulier in gewone taal"), containsString("Herinnering op tijd sturen"))));
        mvc.perform(get("/journeys/opportunities").param("persona", ruud.id().toString()).param("sort", "journey")
                        .with(viewer.signedIn()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("U ziet de kansen bij stappen van: Ruud, komt rond met weinig."),
                        containsString("Formulier in gewone taal"), containsString("Herinnering op tijd sturen"),
                        not(containsString("Eén vast contactpersoon voor starters")), not(containsString("??")))));
        mvc.perform(get("/journeys/opportunities").param("persona", ruud.id().toString()).param("lang", "en")
                        .with(viewer.signedIn()))
                .andExpect(content().string(allOf(containsString("You see the opportunities on steps of"),
                        not(containsString("??")))));
    }
}
