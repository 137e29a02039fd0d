// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import nl.stadskompas.feedback.QuestionBank;
import nl.stadskompas.feedback.SegmentQuestion;
import nl.stadskompas.journeys.Journey;
import nl.stadskompas.journeys.JourneyContent;
import nl.stadskompas.journeys.JourneyContent.Step;
import nl.stadskompas.journeys.JourneyMaps;
import nl.stadskompas.platform.Role;
import nl.stadskompas.platform.TenantContext;
import nl.stadskompas.platform.ValidationProblem;
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
 * The dashboard's journey and segment filters over the KPI API: the figures under a filter equal
 * those computed here from the raw answers and cases stored, groups under the minimum stay hidden
 * (with the complementary rule in a breakdown), cases show no figure for a segment, and an unknown
 * journey or segment is refused in plain words.
 */
@SpringBootTest
@AutoConfigureMockMvc
class KpiFilterIntegrationTests {

    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    User advisor;
    User viewer;
    TenantContext as;
    KpiFixtures fixtures;
    UUID permits;
    UUID taxes;
    UUID parking;
    UUID building;
    UUID tax;

    /** A report mark as stored: about a service, through a channel, with the segment option chosen. */
    record Mark(UUID service, String channel, String segment, int value, LocalDate day) {
    }

    /** A closed case as stored: its service (through its type), channel, owning team and lead time. */
    record Closed(UUID service, String channel, UUID team, int days, LocalDate registered) {
    }

    @BeforeEach
    void setUp() {
        TestData data = TestData.of(context);
        var tenant = data.tenant();
        advisor = data.user(tenant, Role.ADVISOR);
        viewer = data.user(tenant, Role.VIEWER);
        as = new TenantContext(advisor.tenantId(), advisor.id(), advisor.username(), Role.ADVISOR);
        fixtures = new KpiFixtures(context, advisor);
        permits = fixtures.team(tenant.id(), "Vergunningen");
        taxes = fixtures.team(tenant.id(), "Belastingen");
        parking = fixtures.service(tenant.id(), "Parkeervergunning", permits);
        building = fixtures.service(tenant.id(), "Omgevingsvergunning", permits);
        tax = fixtures.service(tenant.id(), "Aanslag", taxes);
        context.getBean(SegmentQuestion.class).choose(as, QuestionBank.RESPONDENT);
    }

    private void store(Mark m) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO fb_response (id, tenant_id, questionnaire_id, version_id, submitted_on, via, service_id, "
                        + "channel) VALUES (:id, :t, :q, :v, :d, 'API', :s, :c)")
                .param("id", id).param("t", as.tenantId()).param("q", fixtures.residents.id())
                .param("v", fixtures.residents.publishedId()).param("d", m.day()).param("s", m.service())
                .param("c", m.channel()).update();
        jdbc.sql("INSERT INTO fb_answer (response_id, question_key, answer_index, value_number, dont_know) "
                + "VALUES (:r, 'MARK', 0, :n, FALSE)").param("r", id).param("n", m.value()).update();
        if (m.segment() != null) {
            jdbc.sql("INSERT INTO fb_answer (response_id, question_key, answer_index, value_code, dont_know) "
                    + "VALUES (:r, :k, 0, :c, FALSE)").param("r", id).param("k", QuestionBank.RESPONDENT)
                    .param("c", m.segment()).update();
        }
    }

    private UUID caseType(UUID service, UUID team) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO case_type (id, tenant_id, name, description, kind, owner_team_id, norm_days, service_id, "
                        + "version) VALUES (:id, :t, :n, 'Test', 'APPLICATION', :team, 10, :s, 0)")
                .param("id", id).param("t", as.tenantId()).param("n", "Type " + id).param("team", team)
                .param("s", service).update();
        return id;
    }

    private void store(Closed c, UUID type) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO case_file (id, tenant_id, reference, case_type_id, kind, channel, owner_team_id, subject, "
                        + "registered_at, registered_on, norm_days, norm_date, expected_date, status_code, closed_at, version) "
                        + "VALUES (:id, :t, :ref, :type, 'APPLICATION', :ch, :team, 'Test', :at, :on, 10, :norm, :norm, "
                        + "'X', :closed, 0)")
                .param("id", id).param("t", as.tenantId()).param("ref", id.toString().substring(0, 18))
                .param("type", type).param("ch", c.channel()).param("team", c.team())
                .param("at", Timestamp.from(c.registered().atStartOfDay(ZONE).toInstant()))
                .param("on", c.registered()).param("norm", c.registered().plusDays(10))
                .param("closed", Timestamp.from(c.registered().plusDays(c.days()).atTime(12, 0).atZone(ZONE).toInstant()))
                .update();
    }

    private void addKpi(String measure) throws Exception {
        mvc.perform(post("/api/v1/insights/kpis").with(advisor.basic()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"measure\": \"" + measure + "\"}")).andExpect(status().isCreated());
    }

    /** A journey about parking, building and tax, with steps online and at the desk done by the permits team. */
    private Journey journey(String name, List<UUID> services) {
        JourneyContent start = JourneyContent.start(name, "Test", null, permits);
        List<Step> steps = List.of(
                new Step("s1", "application", "Aanvragen op de website", "ONLINE", permits, null, null, List.of(),
                        List.of(), null, building),
                new Step("s2", "use", "Ophalen aan de balie", "DESK", permits, null, null, List.of(), List.of(), null,
                        null));
        return context.getBean(JourneyMaps.class).create(as, new JourneyContent(start.name(), start.description(),
                null, permits, services, List.of(), start.phases(), steps, List.of()));
    }

    private static double mean(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).average().orElseThrow();
    }

    @Test
    void figuresUnderAJourneyOrASegmentEqualThoseFromTheRawAnswersAndCases() throws Exception {
        Random random = new Random(20_260_501L);
        List<UUID> services = Arrays.asList(parking, building, tax, null);
        List<String> channels = Arrays.asList("ONLINE", "DESK", "PHONE", null);
        List<String> segments = Arrays.asList("resident", "entrepreneur", "both", null);
        List<Mark> marks = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            Mark m = new Mark(services.get(random.nextInt(4)), channels.get(random.nextInt(4)),
                    segments.get(random.nextInt(4)), 1 + random.nextInt(10),
                    LocalDate.of(2026, 4, 1).plusDays(random.nextInt(91)));
            marks.add(m);
            store(m);
        }
        Map<UUID, UUID> owner = Map.of(parking, permits, building, permits, tax, taxes);
        Map<UUID, UUID> types = Map.of(parking, caseType(parking, permits), tax, caseType(tax, taxes));
        List<Closed> cases = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            UUID service = random.nextBoolean() ? parking : tax;
            Closed c = new Closed(service, random.nextBoolean() ? "ONLINE" : "PHONE", owner.get(service),
                    1 + random.nextInt(20), LocalDate.of(2026, 4, 1).plusDays(random.nextInt(60)));
            cases.add(c);
            store(c, types.get(c.service()));
        }
        Journey journey = journey("Vergunning voor een verbouwing", List.of(parking, tax));
        addKpi("SURVEY:MEAN:MARK");
        addKpi("CASES:LEAD_TIME");

        // The journey: its services (parking, tax and building from a step), through its steps' channels
        // (online, desk), at its steps' team (permits): tax answers and cases fall out through the team.
        Set<UUID> scopeServices = Set.of(parking, building, tax);
        Set<String> scopeChannels = Set.of("ONLINE", "DESK");
        Predicate<Mark> inJourney = m -> m.service() != null && scopeServices.contains(m.service())
                && m.channel() != null && scopeChannels.contains(m.channel()) && permits.equals(owner.get(m.service()));
        List<Integer> journeyMarks = marks.stream().filter(inJourney).map(Mark::value).toList();
        List<Integer> journeyDays = cases.stream().filter(c -> scopeServices.contains(c.service())
                && scopeChannels.contains(c.channel()) && permits.equals(c.team())).map(Closed::days).toList();
        assertThat(journeyMarks).hasSizeGreaterThan(20);
        assertThat(journeyDays).hasSizeGreaterThan(10);
        assertThat(journeyDays.size()).isLessThan(cases.size());
        mvc.perform(get("/api/v1/insights/kpis/figures").param("period", "2026-Q2")
                        .param("journey", journey.id().toString()).with(viewer.basic()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].current.n").value(journeyMarks.size()))
                .andExpect(jsonPath("$[0].current.value").value(closeTo(mean(journeyMarks), 1e-9)))
                .andExpect(jsonPath("$[1].current.n").value(journeyDays.size()))
                .andExpect(jsonPath("$[1].current.value").value(closeTo(mean(journeyDays), 1e-9)));

        // A segment: only answers of respondents who chose it; cases have no figure.
        List<Integer> entrepreneurs = marks.stream().filter(m -> "entrepreneur".equals(m.segment()))
                .map(Mark::value).toList();
        mvc.perform(get("/api/v1/insights/kpis/figures").param("period", "2026-Q2").param("segment", "entrepreneur")
                        .with(viewer.basic()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].current.n").value(entrepreneurs.size()))
                .andExpect(jsonPath("$[0].current.value").value(closeTo(mean(entrepreneurs), 1e-9)))
                .andExpect(jsonPath("$[1].current.n").value(0))
                .andExpect(jsonPath("$[1].current.value").doesNotExist());

        // Both, and a breakdown by segment within the journey, each group from the raw answers.
        List<Integer> both = marks.stream().filter(inJourney.and(m -> "resident".equals(m.segment())))
                .map(Mark::value).toList();
        mvc.perform(get("/api/v1/insights/kpis/figures").param("period", "2026-Q2").param("segment", "resident")
                        .param("journey", journey.id().toString()).with(viewer.basic()))
                .andExpect(jsonPath("$[0].current.n").value(both.size()))
                .andExpect(jsonPath("$[0].current.value").value(closeTo(mean(both), 1e-9)));
        List<Integer> unanswered = marks.stream().filter(inJourney.and(m -> m.segment() == null)).map(Mark::value)
                .toList();
        mvc.perform(get("/api/v1/insights/kpis/figures").param("period", "2026-Q2").param("by", "SEGMENT")
                        .param("journey", journey.id().toString()).with(viewer.basic()))
                .andExpect(jsonPath("$[0].breakdown.length()").value(4))
                .andExpect(jsonPath("$[0].breakdown[?(@.value == 'resident')].figure.value")
                        .value(hasItem(closeTo(mean(both), 1e-9))))
                .andExpect(jsonPath("$[0].breakdown[?(@.value == 'resident')].label").value(hasItem("Als inwoner")))
                .andExpect(jsonPath("$[0].breakdown[?(@.value == '')].figure.n").value(hasItem(unanswered.size())))
                // cases have no segment, so no breakdown by it
                .andExpect(jsonPath("$[1].breakdown.length()").value(0));
        mvc.perform(get("/api/v1/insights/kpis/segments").with(viewer.basic()))
                .andExpect(jsonPath("$[*].code", hasItem("entrepreneur")))
                .andExpect(jsonPath("$[*].label", hasItem("Als ondernemer")));
        mvc.perform(get("/api/v1/insights/kpis/journeys").with(viewer.basic()))
                .andExpect(jsonPath("$[?(@.id == '" + journey.id() + "')].channels[0]").value(hasItem("DESK")));
    }

    @Test
    void smallGroupsUnderAJourneyOrSegmentStayHidden() throws Exception {
        LocalDate day = LocalDate.of(2026, 5, 4);
        // In the journey (parking, online): 10 residents, 6 entrepreneurs, 3 who answered both.
        for (int i = 0; i < 10; i++) {
            store(new Mark(parking, "ONLINE", "resident", 8, day));
        }
        for (int i = 0; i < 6; i++) {
            store(new Mark(parking, "ONLINE", "entrepreneur", 6, day));
        }
        for (int i = 0; i < 3; i++) {
            store(new Mark(parking, "ONLINE", "both", 2, day));
        }
        // Outside it: many marks about tax.
        for (int i = 0; i < 20; i++) {
            store(new Mark(tax, "ONLINE", "both", 9, day));
        }
        Journey journey = journey("Parkeren", List.of(parking));
        Journey small = journey("Klein", List.of());
        addKpi("SURVEY:MEAN:MARK");
        mvc.perform(get("/api/v1/insights/kpis/figures").param("period", "2026-Q2")
                        .param("journey", journey.id().toString()).param("by", "SEGMENT").with(viewer.basic()))
                .andExpect(jsonPath("$[0].current.n").value(19))
                .andExpect(jsonPath("$[0].breakdown[?(@.value == 'resident')].figure.value").value(hasItem(8.0)))
                .andExpect(jsonPath("$[0].breakdown[?(@.value == 'both')].figure.suppressed").value(hasItem(true)))
                .andExpect(jsonPath("$[0].breakdown[?(@.value == 'both')].figure.n").value(hasItem(0)))
                // one hidden group would be the total minus the others: the next smallest is hidden too
                .andExpect(jsonPath("$[0].breakdown[?(@.value == 'entrepreneur')].figure.suppressed")
                        .value(hasItem(true)))
                .andExpect(jsonPath("$[0].breakdown[?(@.value == 'entrepreneur')].figure.n").value(hasItem(0)));
        // Within the journey, three answered "both": too few to show, though 23 did overall.
        mvc.perform(get("/api/v1/insights/kpis/figures").param("period", "2026-Q2")
                        .param("journey", journey.id().toString()).param("segment", "both").with(viewer.basic()))
                .andExpect(jsonPath("$[0].current.suppressed").value(true))
                .andExpect(jsonPath("$[0].current.n").value(0))
                .andExpect(jsonPath("$[0].current.value").doesNotExist());
        mvc.perform(get("/api/v1/insights/kpis/figures").param("period", "2026-Q2").param("segment", "both")
                        .with(viewer.basic()))
                .andExpect(jsonPath("$[0].current.n").value(23));
        // The journey whose only step service is building, where nobody answered: no figure at all.
        mvc.perform(get("/api/v1/insights/kpis/figures").param("period", "2026-Q2")
                        .param("journey", small.id().toString()).with(viewer.basic()))
                .andExpect(jsonPath("$[0].current.n").value(0))
                .andExpect(jsonPath("$[0].current.suppressed").value(false));
    }

    @Test
    void anUnknownJourneyOrSegmentIsRefusedInPlainWordsAndThePageSaysWhatTheFiltersMean() throws Exception {
        store(new Mark(parking, "ONLINE", "resident", 8, LocalDate.of(2026, 5, 4)));
        Journey journey = journey("Parkeren", List.of(parking));
        addKpi("SURVEY:MEAN:MARK");
        addKpi("CASES:LEAD_TIME");
        mvc.perform(get("/api/v1/insights/kpis/figures").param("journey", UUID.randomUUID().toString())
                        .with(viewer.basic()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("journey"))
                .andExpect(jsonPath("$.errors[0].message").value("Deze klantreis kennen wij niet."));
        mvc.perform(get("/api/v1/insights/kpis/figures").param("segment", "martian").with(viewer.basic()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("segment"));
        User stranger = TestData.of(context).userInNewTenant(Role.ADVISOR);
        mvc.perform(get("/api/v1/insights/kpis/figures").param("journey", journey.id().toString())
                .with(stranger.basic())).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/insights/kpis/journeys").with(stranger.basic()))
                .andExpect(jsonPath("$[*].id", not(hasItem(journey.id().toString()))));

        mvc.perform(get("/insights").param("period", "2026-Q2").param("journey", journey.id().toString())
                        .param("segment", "entrepreneur").with(viewer.signedIn()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("U ziet de cijfers van de klantreis Parkeren")))
                .andExpect(content().string(containsString("U ziet de antwoorden van mensen die kozen voor: Als ondernemer.")))
                .andExpect(content().string(containsString("Zaken hebben geen segment: wij weten niet")));
        mvc.perform(get("/insights").param("journey", "nope").param("segment", "martian").with(viewer.signedIn()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Deze klantreis kennen wij niet (meer).")))
                .andExpect(content().string(containsString("Dit segment kennen wij niet (meer).")))
                .andExpect(content().string(not(containsString("Zaken hebben geen segment: wij weten niet"))));
    }

    @Test
    void theQuestionBankPageRefusesAQuestionThatIsNotSingleChoiceAndChangesNothing() throws Exception {
        mvc.perform(post("/feedback/bank/segment").param("segment", QuestionBank.MARK).with(advisor.signedIn())
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Kies een vraag met één antwoord uit een lijst.")))
                .andExpect(content().string(containsString("De segmentvraag is nu RESPONDENT")));
        mvc.perform(post("/feedback/bank/segment").param("segment", QuestionBank.AGE).with(viewer.signedIn())
                .with(csrf())).andExpect(status().isForbidden());
        assertThat(context.getBean(SegmentQuestion.class).key(as.tenantId())).contains(QuestionBank.RESPONDENT);
        mvc.perform(post("/feedback/bank/segment").param("segment", QuestionBank.AGE).with(advisor.signedIn())
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(context.getBean(SegmentQuestion.class).key(as.tenantId())).contains(QuestionBank.AGE);
    }

    @Test
    void onlyASingleChoiceQuestionCanBeTheSegmentQuestion() {
        SegmentQuestion segments = context.getBean(SegmentQuestion.class);
        assertThatThrownBy(() -> segments.choose(as, QuestionBank.MARK)).isInstanceOf(ValidationProblem.class);
        assertThatThrownBy(() -> segments.choose(as, "NOPE")).isInstanceOf(ValidationProblem.class);
        assertThat(segments.key(as.tenantId())).contains(QuestionBank.RESPONDENT);
        segments.choose(as, QuestionBank.AGE);
        assertThat(segments.key(as.tenantId())).contains(QuestionBank.AGE);
        assertThat(segments.options(as.tenantId())).extracting(o -> o.code()).contains("u25", "70plus");
        TenantContext reader = new TenantContext(viewer.tenantId(), viewer.id(), viewer.username(), Role.VIEWER);
        assertThatThrownBy(() -> segments.choose(reader, null)).isNotInstanceOf(ValidationProblem.class);
        assertThat(segments.key(as.tenantId())).contains(QuestionBank.AGE);
        segments.choose(as, "");
        assertThat(segments.key(as.tenantId())).isEmpty();
    }
}
