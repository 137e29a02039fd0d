// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import nl.stadskompas.insights.Kpis.Kpi;
import nl.stadskompas.platform.Role;
import nl.stadskompas.platform.TenantContext;
import nl.stadskompas.support.TestData;
import nl.stadskompas.support.TestData.User;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The council report: an advisor makes it for a quarter, management downloads a PDF that is tagged
 * (structure tree with headings, tables and figures with alternative text), has a title and a
 * language and embeds its fonts, and a spreadsheet with the same figures; the quarterly schedule
 * makes the last quarter's report once.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ReportTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    Kpis kpis;

    @Autowired
    Reports reports;

    @Autowired
    JdbcClient jdbc;

    User advisor;
    User viewer;

    @BeforeEach
    void setUp() {
        TestData data = TestData.of(context);
        var tenant = data.tenant();
        advisor = data.user(tenant, Role.ADVISOR);
        viewer = data.user(tenant, Role.VIEWER);
        KpiFixtures fixtures = new KpiFixtures(context, advisor);
        fixtures.answers(fixtures.residents, LocalDate.of(2026, 2, 10), "MARK", KpiFixtures.FEBRUARY);
        fixtures.answers(fixtures.residents, LocalDate.of(2026, 5, 10), "MARK", KpiFixtures.MAY);
        TenantContext as = new TenantContext(advisor.tenantId(), advisor.id(), advisor.username(), Role.ADVISOR);
        Kpi kpi = kpis.addKpi(as, new Kpis.KpiInput("SURVEY:MEAN:MARK", "Rapportcijfer", "Report mark"));
        kpis.addTarget(as, kpi.id(), new Kpis.TargetInput(7.0, LocalDate.of(2027, 12, 31), null));
        kpis.addReference(as, kpi.id(), new Kpis.ReferenceInput("Landelijk", 6.9, "Benchmark 2025"));
    }

    private List<String> stored() {
        return jdbc.sql("SELECT id FROM ins_report WHERE tenant_id = :t ORDER BY format").param("t", advisor.tenantId())
                .query(String.class).list();
    }

    @Test
    void advisorMakesTheReportAndManagementDownloadsAnAccessiblePdfAndASpreadsheet() throws Exception {
        mvc.perform(post("/insights/reports").with(viewer.signedIn()).with(csrf()).param("period", "2026-Q2"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/insights/reports").with(advisor.signedIn()).with(csrf()).param("period", "nooit"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Deze periode kennen wij niet")));
        assertThat(stored()).isEmpty();
        mvc.perform(post("/insights/reports").with(advisor.signedIn()).with(csrf()).param("period", "2026-Q2"))
                .andExpect(status().is3xxRedirection());
        List<String> ids = stored();
        assertThat(ids).hasSize(2);
        mvc.perform(get("/insights/reports").with(viewer.signedIn()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("PDF van K2 2026 downloaden")))
                .andExpect(content().string(not(containsString("??"))));

        byte[] pdf = mvc.perform(get("/insights/reports/" + ids.get(0)).with(viewer.signedIn()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", containsString("raadsrapportage-2026-Q2.pdf")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(PdfUaCheck.failures(pdf)).as("PDF/UA-1 rules the report breaks").isEmpty();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            var catalog = doc.getDocumentCatalog();
            assertThat(catalog.getMarkInfo()).isNotNull();
            assertThat(catalog.getMarkInfo().isMarked()).isTrue();
            assertThat(catalog.getLanguage()).isEqualTo("nl");
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("Raadsrapportage K2 2026");
            assertThat(catalog.getViewerPreferences().displayDocTitle()).isTrue();
            assertThat(catalog.getMetadata()).isNotNull();
            List<PDStructureElement> elements = new ArrayList<>();
            collect(catalog.getStructureTreeRoot(), elements);
            List<String> types = elements.stream().map(PDStructureElement::getStructureType).toList();
            assertThat(types).contains("H1", "H2", "Table", "TH", "TD");
            List<PDStructureElement> figures = elements.stream().filter(e -> "Figure".equals(e.getStructureType()))
                    .toList();
            assertThat(figures).isNotEmpty();
            assertThat(figures).allSatisfy(f -> assertThat(f.getAlternateDescription()).isNotBlank());
            assertThat(figures.get(0).getAlternateDescription()).contains("Verloop van Rapportcijfer", "K2 2026: 5,7");
            for (PDPage page : doc.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                }
            }
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("Rapportcijfer", "5,7", "7,3", "Landelijk: 6,9 (Benchmark 2025)",
                    "Rapportcijfer werd slechter: van 7,3 naar 5,7.", "t-toets van Welch");
        }

        byte[] xlsx = mvc.perform(get("/insights/reports/" + ids.get(1)).with(viewer.signedIn()))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet scores = book.getSheet("Cijfers");
            Row row = scores.getRow(1);
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo("Rapportcijfer");
            assertThat(row.getCell(2).getNumericCellValue()).isCloseTo(5.7, within(1e-9));
            assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(10);
            assertThat(row.getCell(5).getNumericCellValue()).isCloseTo(87.0 / 12, within(1e-9));
            assertThat(row.getCell(7).getNumericCellValue()).isCloseTo(0.0031427212876464095, within(1e-10));
            assertThat(row.getCell(9).getNumericCellValue()).isEqualTo(7.0);
            assertThat(row.getCell(11).getStringCellValue()).isEqualTo("Landelijk: 6,9 (Benchmark 2025)");
            assertThat(book.getSheet("Verloop").getRow(1).getCell(8).getNumericCellValue()).isCloseTo(5.7, within(1e-9));
            assertThat(book.getSheet("Aanpak").getRow(0).getCell(0).getStringCellValue()).contains("cijfers");
        }

        User stranger = TestData.of(context).userInNewTenant(Role.ADVISOR);
        mvc.perform(get("/insights/reports/" + ids.get(0)).with(stranger.signedIn())).andExpect(status().isNotFound());
    }

    @Test
    void theReportIsAlsoMadeInEnglishAndAccessibleThere() throws Exception {
        mvc.perform(post("/insights/reports").with(advisor.signedIn()).with(csrf()).param("period", "2026-Q2")
                        .param("language", "fr"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Kies Nederlands of Engels")));
        assertThat(stored()).isEmpty();
        mvc.perform(post("/insights/reports").with(advisor.signedIn()).with(csrf()).param("period", "2026-Q2")
                        .param("language", "en"))
                .andExpect(status().is3xxRedirection());
        List<String> ids = stored();
        assertThat(ids).hasSize(2);
        mvc.perform(get("/insights/reports").with(viewer.signedIn()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("PDF van K2 2026 downloaden (English)")));

        byte[] pdf = mvc.perform(get("/insights/reports/" + ids.get(0)).with(viewer.signedIn()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("council-report-2026-Q2.pdf")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(PdfUaCheck.failures(pdf)).as("PDF/UA-1 rules the English report breaks").isEmpty();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("en");
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("Council report Q2 2026");
            List<PDStructureElement> elements = new ArrayList<>();
            collect(doc.getDocumentCatalog().getStructureTreeRoot(), elements);
            assertThat(elements.stream().filter(e -> "Figure".equals(e.getStructureType())).toList())
                    .isNotEmpty()
                    .allSatisfy(f -> assertThat(f.getAlternateDescription()).isNotBlank());
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("Report mark", "5.7", "7.3", "Landelijk: 6.9 (Benchmark 2025)",
                    "Report mark got worse: from 7.3 to 5.7.", "Welch's t-test", "Q2 2026")
                    .doesNotContain("Raadsrapportage", "Rapportcijfer", "Aanpak", "5,7");
        }
        byte[] xlsx = mvc.perform(get("/insights/reports/" + ids.get(1)).with(viewer.signedIn()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("council-report-2026-Q2.xlsx")))
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(book.getSheet("Cijfers")).isNull();
            Row head = book.getSheet("Figures").getRow(0);
            assertThat(head.getCell(0).getStringCellValue()).isEqualTo("KPI");
            Row row = book.getSheet("Figures").getRow(1);
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo("Report mark");
            assertThat(row.getCell(2).getNumericCellValue()).isCloseTo(5.7, within(1e-9));
            assertThat(row.getCell(7).getNumericCellValue()).isCloseTo(0.0031427212876464095, within(1e-10));
            assertThat(book.getSheet("Trends").getRow(0).getCell(8).getStringCellValue()).isEqualTo("Q2 2026");
            assertThat(book.getSheet("Method").getRow(0).getCell(0).getStringCellValue()).contains("figures");
        }
    }

    @Test
    void keyDriversInTheReportUseOnlyTheAnswersOfItsPeriod() throws Exception {
        User other = TestData.of(context).userInNewTenant(Role.ADVISOR);
        var questionnaire = AnalysisFixtures.questionnaire(context, other);
        AnalysisFixtures.responses(jdbc, questionnaire, 60, 11, LocalDate.of(2026, 3, 2));
        AnalysisFixtures.responses(jdbc, questionnaire, 40, 12, LocalDate.of(2026, 5, 4));
        TenantContext as = new TenantContext(other.tenantId(), other.id(), other.username(), Role.ADVISOR);
        // An older questionnaire with more responses, none of them in Q2: the report must not take it.
        var editing = context.getBean(nl.stadskompas.feedback.QuestionnaireEditing.class);
        var old = editing.create(as, new nl.stadskompas.feedback.NewQuestionnaire("Oud onderzoek",
                nl.stadskompas.feedback.QuestionnaireKind.RESIDENT, "Hoe ging het?", "How did it go?"));
        for (String key : List.of("A1", "A2", "A3")) {
            editing.addFromBank(as, old.id(), key, 1);
        }
        editing.addFromBank(as, old.id(), nl.stadskompas.feedback.QuestionBank.MARK, 2);
        editing.publish(as, old.id());
        AnalysisFixtures.responses(jdbc, editing.questionnaire(as.tenantId(), old.id()), 150, 13,
                LocalDate.of(2025, 6, 1));
        var made = reports.generate(as, "2026-Q2", "nl");
        // Every 17th response has a "don't know" on one of the three aspects: 9 of the 40 in Q2 are left out.
        int inQ2 = 40 - (int) java.util.stream.IntStream.range(0, 40).filter(i -> i % 17 < 3).count();
        try (PDDocument doc = Loader.loadPDF(reports.content(other.tenantId(), made.get(0).id()))) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("met " + inQ2 + " inwoners die alle vragen beantwoordden",
                    "Klantonderzoek, met 40 ingevulde vragenlijsten",
                    "alleen de antwoorden uit K2 2026: gegeven van 1 april 2026 tot en met 30 juni 2026");
        }
        var inPeriod = context.getBean(Analyses.class).keyDrivers(other.tenantId(), questionnaire.id(), null, List.of(),
                new Analyses.KeyDriverScope(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 6, 30), null));
        var all = context.getBean(Analyses.class).keyDrivers(other.tenantId(), questionnaire.id(), null, List.of());
        assertThat(inPeriod.n()).isEqualTo(inQ2);
        assertThat(all.n()).isEqualTo(inQ2 + 60 - 12);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(
                reports.content(other.tenantId(), made.get(1).id())))) {
            Sheet drivers = book.getSheet("Factoren");
            for (int j = 0; j < 3; j++) {
                assertThat(drivers.getRow(j + 1).getCell(3).getNumericCellValue())
                        .isCloseTo(inPeriod.drivers().get(j).lmg(), within(1e-12))
                        .isNotCloseTo(all.drivers().get(j).lmg(), within(1e-6));
            }
        }
        var empty = reports.generate(as, "2026-Q3", "nl");
        try (PDDocument doc = Loader.loadPDF(reports.content(other.tenantId(), empty.get(0).id()))) {
            assertThat(new PDFTextStripper().getText(doc).replaceAll("\\s+", " "))
                    .contains("niet genoeg antwoorden", "met 0 ingevulde vragenlijsten");
        }
    }

    /** An organisation with the analysis questionnaire, answers in Q1 and Q2 2026 and age margins. */
    private record Weighted(User advisor, nl.stadskompas.feedback.Questionnaire questionnaire, Analyses.MarginSet set) {
    }

    private Weighted weightedScene(LocalDate... days) {
        User other = TestData.of(context).userInNewTenant(Role.ADVISOR);
        var questionnaire = AnalysisFixtures.questionnaire(context, other);
        long seed = 21;
        for (LocalDate day : days) {
            AnalysisFixtures.responses(jdbc, questionnaire, 80, seed++, day);
        }
        TenantContext as = new TenantContext(other.tenantId(), other.id(), other.username(), Role.ADVISOR);
        var set = context.getBean(Analyses.class).saveMarginSet(as, null, new Analyses.MarginSetInput("Oeverdam 2026",
                null, null, "CBS 2026", List.of(new Analyses.MarginCell("AGE", "u25", 3000),
                        new Analyses.MarginCell("AGE", "25-39", 4000), new Analyses.MarginCell("AGE", "40-54", 4000),
                        new Analyses.MarginCell("AGE", "55-69", 5000), new Analyses.MarginCell("AGE", "70plus", 4000))));
        return new Weighted(other, questionnaire, set);
    }

    private long reportsOf(User user) {
        return jdbc.sql("SELECT COUNT(*) FROM ins_report WHERE tenant_id = :t").param("t", user.tenantId())
                .query(Long.class).single();
    }

    @Test
    void aWeightedReportGivesTheSameWeightedFiguresAsTheAnalyses() throws Exception {
        Weighted scene = weightedScene(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 5, 4));
        User other = scene.advisor();
        var json = org.springframework.http.MediaType.APPLICATION_JSON;
        mvc.perform(post("/api/v1/insights/reports").with(other.basic()).contentType(json)
                        .content("{\"period\": \"2026-Q2\", \"margins\": \"" + java.util.UUID.randomUUID() + "\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/insights/reports").with(other.signedIn()).with(csrf()).param("period", "2026-Q2")
                        .param("margins", "onzin"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Deze bevolkingscijfers kennen wij niet")));
        assertThat(reportsOf(other)).isZero();
        String made = mvc.perform(post("/api/v1/insights/reports").with(other.basic()).contentType(json)
                        .content("{\"period\": \"2026-Q2\", \"margins\": \"" + scene.set().id() + "\"}"))
                .andExpect(status().isCreated())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$[0].weightedTo")
                        .value("Oeverdam 2026"))
                .andReturn().getResponse().getContentAsString();
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var files = mapper.readTree(made);
        String base = "/api/v1/insights/analysis/surveys/" + scene.questionnaire().id();
        var drivers = mapper.readTree(mvc.perform(get(base + "/key-drivers").with(other.basic())
                        .param("margins", scene.set().id().toString()).param("from", "2026-04-01").param("to", "2026-06-30"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        var unweighted = context.getBean(Analyses.class).keyDrivers(other.tenantId(), scene.questionnaire().id(), null,
                List.of(), new Analyses.KeyDriverScope(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 6, 30), null));
        var estimates = mapper.readTree(mvc.perform(get(base + "/representativeness").with(other.basic())
                        .param("margins", scene.set().id().toString()).param("from", "2026-04-01").param("to", "2026-06-30"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(estimates.get("n").asInt()).isEqualTo(80);

        byte[] pdf = reports.content(other.tenantId(), java.util.UUID.fromString(files.get(0).get("id").asText()));
        assertThat(PdfUaCheck.failures(pdf)).as("PDF/UA-1 rules the weighted report breaks").isEmpty();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            double effective = estimates.get("effectiveN").asDouble();
            assertThat(effective).isLessThan(80);
            assertThat(text).contains("Gewogen schattingen",
                    "gewogen naar de bevolkingscijfers Oeverdam 2026 (bron: CBS 2026)",
                    "Bevolkingscijfers voor AGE: u25 3.000 (15,0%), 25-39 4.000 (20,0%)",
                    "Designeffect van de gewichten (Kish): "
                            + String.format(java.util.Locale.of("nl"), "%.2f", estimates.get("kishDesignEffect").asDouble()),
                    "Effectieve n: " + String.format(java.util.Locale.of("nl"), "%.1f", effective) + " van 80 mensen",
                    String.format(java.util.Locale.of("nl"), "%.2f", estimates.get("estimates").get(0).get("weightedMean")
                            .asDouble()))
                    .doesNotContain("De cijfers zijn niet gewogen");
        }
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(
                reports.content(other.tenantId(), java.util.UUID.fromString(files.get(1).get("id").asText()))))) {
            Sheet sheet = book.getSheet("Factoren");
            for (int j = 0; j < 3; j++) {
                assertThat(sheet.getRow(j + 1).getCell(3).getNumericCellValue())
                        .isCloseTo(drivers.get("drivers").get(j).get("lmg").asDouble(), within(1e-12))
                        .isNotCloseTo(unweighted.drivers().get(j).lmg(), within(1e-6));
                assertThat(sheet.getRow(j + 1).getCell(1).getNumericCellValue())
                        .isCloseTo(drivers.get("drivers").get(j).get("mean").asDouble(), within(1e-12));
            }
            Sheet weighted = book.getSheet("Gewogen");
            for (int i = 0; i < 4; i++) {
                var e = estimates.get("estimates").get(i);
                Row row = weighted.getRow(i + 1);
                assertThat(row.getCell(0).getStringCellValue()).startsWith(e.get("key").asText());
                assertThat(row.getCell(1).getNumericCellValue()).isCloseTo(e.get("weightedMean").asDouble(), within(1e-12))
                        .isNotCloseTo(e.get("unweightedMean").asDouble(), within(1e-6));
                assertThat(row.getCell(4).getNumericCellValue()).isCloseTo(e.get("marginOfError").asDouble(), within(1e-12));
                assertThat(row.getCell(6).getNumericCellValue()).isCloseTo(e.get("designEffect").asDouble(), within(1e-12));
            }
            assertThat(book.getSheet("Aanpak").getRow(3).getCell(0).getStringCellValue()).contains("Oeverdam 2026", "CBS 2026");
        }
        mvc.perform(get("/insights/reports").with(other.signedIn()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<td class=\"utrecht-table__cell\">Oeverdam 2026</td>")));
    }

    @Test
    void whenWeightingIsNotPossibleTheReportSaysWhyAndWeightsNothing() throws Exception {
        Weighted scene = weightedScene(LocalDate.of(2026, 5, 4));
        User other = scene.advisor();
        TenantContext as = new TenantContext(other.tenantId(), other.id(), other.username(), Role.ADVISOR);
        // Margins on a question the questionnaire does not have.
        var sex = context.getBean(Analyses.class).saveMarginSet(as, null, new Analyses.MarginSetInput("Geslacht",
                null, null, null, List.of(new Analyses.MarginCell("SEX", "m", 100), new Analyses.MarginCell("SEX", "v", 100))));
        var made = reports.generate(as, "2026-Q2", "nl", sex.id());
        assertThat(made.get(0).weightedTo()).isNull();
        byte[] pdf = reports.content(other.tenantId(), made.get(0).id());
        assertThat(PdfUaCheck.failures(pdf)).isEmpty();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(doc).replaceAll("\\s+", " "))
                    .contains("Gevraagd was wegen naar de bevolkingscijfers Geslacht, maar dat kon niet: "
                            + "Het kenmerk SEX staat niet als keuzevraag in deze vragenlijst. Daarom is niets gewogen.",
                            "De cijfers zijn niet gewogen.")
                    .doesNotContain("Gewogen schattingen");
        }
        var unweighted = context.getBean(Analyses.class).keyDrivers(other.tenantId(), scene.questionnaire().id(), null,
                List.of(), new Analyses.KeyDriverScope(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 6, 30), null));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(
                reports.content(other.tenantId(), made.get(1).id())))) {
            assertThat(book.getSheet("Gewogen")).isNull();
            assertThat(book.getSheet("Factoren").getRow(1).getCell(3).getNumericCellValue())
                    .isCloseTo(unweighted.drivers().get(0).lmg(), within(1e-12));
        }
    }

    @Test
    void theScheduledReportIsWeightedWhenManagementChoseMargins() throws Exception {
        Period last = Period.containing(Period.Type.QUARTER, kpis.today()).previous();
        Weighted scene = weightedScene(last.start().plusDays(3));
        User other = scene.advisor();
        TenantContext as = new TenantContext(other.tenantId(), other.id(), other.username(), Role.ADVISOR);
        kpis.addKpi(as, new Kpis.KpiInput("SURVEY:MEAN:MARK", "Rapportcijfer", "Report mark"));
        User viewerThere = TestData.of(context).user(context.getBean(nl.stadskompas.organisation.OrganisationRegistry.class)
                .find(other.tenantId()).orElseThrow(), Role.VIEWER);
        var json = org.springframework.http.MediaType.APPLICATION_JSON;
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/insights/reports/schedule")
                        .with(viewerThere.basic()).contentType(json).content("{\"margins\": \"" + scene.set().id() + "\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/insights/reports/schedule").with(other.signedIn()).with(csrf())
                        .param("scheduledMargins", java.util.UUID.randomUUID().toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Deze bevolkingscijfers kennen wij niet")));
        assertThat(reports.scheduledWeighting(other.tenantId())).isEmpty();
        mvc.perform(post("/insights/reports/schedule").with(other.signedIn()).with(csrf())
                        .param("scheduledMargins", scene.set().id().toString()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/insights/reports/schedule").with(viewerThere.basic()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.margins")
                        .value(scene.set().id().toString()));
        reports.generateDue();
        List<String> weightedTo = jdbc.sql("SELECT weighted_to FROM ins_report WHERE tenant_id = :t")
                .param("t", other.tenantId()).query(String.class).list();
        assertThat(weightedTo).containsExactly("Oeverdam 2026", "Oeverdam 2026");
        context.getBean(Analyses.class).deleteMarginSet(as, scene.set().id());
        assertThat(reports.scheduledWeighting(other.tenantId())).isEmpty();
    }

    @Test
    void theAccessibilityCheckRefusesAnUntaggedPdf() throws Exception {
        // Guards the check used above: a plain PDF without structure must not pass as PDF/UA.
        try (PDDocument plain = new PDDocument()) {
            plain.addPage(new PDPage());
            var out = new java.io.ByteArrayOutputStream();
            plain.save(out);
            assertThat(PdfUaCheck.failures(out.toByteArray())).isNotEmpty();
        }
    }

    @Test
    void reportsAreMadeAndListedOverTheApi() throws Exception {
        mvc.perform(post("/api/v1/insights/reports").with(viewer.basic())
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).content("{\"period\": \"2026-Q2\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/insights/reports").with(advisor.basic())
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON).content("{\"period\": \"Q2\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/insights/reports").with(advisor.basic())
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content("{\"period\": \"2026\", \"language\": \"de\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/insights/reports").with(advisor.basic())
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON).content("{\"period\": \"2026\"}"))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/v1/insights/reports").with(viewer.basic()))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.length()").value(2))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$[0].period.type")
                        .value("YEAR"));
        mvc.perform(get("/api/v1/insights/reports/" + stored().get(1)).with(viewer.basic()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("raadsrapportage-2026.xlsx")));
    }

    @Test
    void theScheduleMakesTheLastQuartersReportOnce() {
        reports.generateDue();
        long count = jdbc.sql("SELECT COUNT(*) FROM ins_report WHERE tenant_id = :t AND period_type = 'QUARTER'")
                .param("t", advisor.tenantId()).query(Long.class).single();
        assertThat(count).isEqualTo(2);
        reports.generateDue();
        assertThat(stored()).hasSize(2);
    }

    @Test
    void theScheduleCanMakeTheReportInBothLanguages() {
        Reports both = new Reports(kpis, context.getBean(Analyses.class),
                context.getBean(org.springframework.context.MessageSource.class), jdbc, java.util.Optional.empty(),
                "QUARTER", List.of("nl", "en"));
        both.generateDue();
        List<String> languages = jdbc.sql("SELECT language FROM ins_report WHERE tenant_id = :t AND period_type = "
                        + "'QUARTER' ORDER BY language, format").param("t", advisor.tenantId()).query(String.class).list();
        assertThat(languages).containsExactly("en", "en", "nl", "nl");
        both.generateDue();
        assertThat(stored()).hasSize(4);
    }

    private static void collect(PDStructureNode node, List<PDStructureElement> into) {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement e) {
                into.add(e);
                collect(e, into);
            }
        }
    }
}
