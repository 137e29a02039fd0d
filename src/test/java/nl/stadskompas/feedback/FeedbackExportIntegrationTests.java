// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import nl.stadskompas.platform.Role;
import nl.stadskompas.platform.TenantContext;
import nl.stadskompas.support.TestData;
import nl.stadskompas.support.TestData.User;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
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
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Downloads: raw answers with a codebook as CSV (zip) and XLSX, for researchers only and logged;
 * aggregate results for every reader with small groups suppressed as on the results page.
 */
@SpringBootTest
@AutoConfigureMockMvc
class FeedbackExportIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ResponseCollection collection;

    @Autowired
    QuestionBank bank;

    User advisor;
    TenantContext tenant;
    Questionnaire questionnaire;
    String help;
    String tip;

    @BeforeEach
    void setUp() {
        advisor = TestData.of(context).userInNewTenant(Role.ADVISOR);
        tenant = FeedbackFixtures.as(advisor, Role.ADVISOR);
        FeedbackFixtures fixtures = new FeedbackFixtures(context);
        fixtures.publishFramework(tenant);
        QuestionnaireEditing editing = fixtures.editing;
        help = bank.addCustom(tenant, new BankInput(QuestionType.MULTIPLE_CHOICE, "Wat hielp u?", "What helped?", null,
                null, List.of(new ChoiceOption("o1", "De website", "The website"), new ChoiceOption("o2", "De balie", "The desk"))))
                .key();
        tip = bank.addCustom(tenant, new BankInput(QuestionType.LONG_TEXT, "Wat kan beter?", "What could be better?", null,
                null, List.of())).key();
        Questionnaire q = editing.create(tenant, new NewQuestionnaire("Balie", QuestionnaireKind.RESIDENT, "Hoe ging het?", null));
        editing.addFromBank(tenant, q.id(), "S1", 1);
        editing.addFromBank(tenant, q.id(), QuestionBank.MARK, 1);
        editing.addFromBank(tenant, q.id(), help, 1);
        editing.addFromBank(tenant, q.id(), tip, 1);
        editing.publish(tenant, q.id());
        questionnaire = editing.questionnaire(tenant.tenantId(), q.id());
    }

    private void respond(String channel, String s1, String mark, List<String> helped, String text) {
        PublicQuestionnaire target = collection.open(questionnaire.publicId()).orElseThrow();
        Map<String, List<String>> raw = new HashMap<>();
        raw.put("S1", List.of(s1));
        raw.put("MARK", List.of(mark));
        raw.put(help, helped);
        if (text != null) {
            raw.put(tip, List.of(text));
        }
        collection.storeGiven(target, collection.read(target.layout(), raw),
                new ResponseContext(null, channel, null, null), LocalDate.of(2025, 11, 3), Via.LINK);
    }

    private byte[] download(String path, RequestPostProcessor user) throws Exception {
        return mvc.perform(get(path).with(user)).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment")))
                .andReturn().getResponse().getContentAsByteArray();
    }

    private static Map<String, List<CSVRecord>> unzip(byte[] zip) throws Exception {
        Map<String, List<CSVRecord>> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] bytes = in.readAllBytes();
                assertThat(bytes[0] & 0xFF).as("byte order mark for Excel").isEqualTo(0xEF);
                String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
                files.put(e.getName(), CSVFormat.DEFAULT.builder().setDelimiter(';').get()
                        .parse(new InputStreamReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                                StandardCharsets.UTF_8)).getRecords());
            }
        }
        return files;
    }

    private long rawExportsLogged() {
        return jdbc.sql("SELECT COUNT(*) FROM fb_data_access WHERE tenant_id = :t AND action = 'RAW_EXPORT' "
                + "AND questionnaire_id = :q AND username = :u").param("t", tenant.tenantId())
                .param("q", questionnaire.id()).param("u", advisor.username()).query(Long.class).single();
    }

    @Test
    void rawAnswersAsCsvReadBackWithOneColumnPerQuestionAndACodebook() throws Exception {
        respond("DESK", "4", "8", List.of("o1", "o2"), "Eerder \"open\"; graag");
        respond("PHONE", "dk", "6", List.of("o2"), null);

        byte[] zip = download("/feedback/" + questionnaire.id() + "/exports/raw?format=CSV", advisor.signedIn());

        Map<String, List<CSVRecord>> files = unzip(zip);
        assertThat(files).containsOnlyKeys("antwoorden.csv", "codeboek.csv");
        List<CSVRecord> answers = files.get("antwoorden.csv");
        assertThat(answers.getFirst().toList()).containsExactly("response", "version", "date", "via", "service",
                "channel", "municipality", "location", "S1", "MARK", help + "_o1", help + "_o2", tip);
        assertThat(answers).hasSize(3);
        List<List<String>> rows = answers.subList(1, 3).stream().map(CSVRecord::toList).toList();
        assertThat(rows).anySatisfy(r -> assertThat(r.subList(1, 13)).containsExactly("1", "2025-11-03", "LINK", "",
                "DESK", "", "", "4", "8", "1", "1", "Eerder \"open\"; graag"));
        assertThat(rows).anySatisfy(r -> assertThat(r.subList(5, 13)).containsExactly("PHONE", "", "", "dk", "6", "0",
                "1", ""));
        List<CSVRecord> codebook = files.get("codeboek.csv");
        assertThat(codebook).anySatisfy(r -> {
            assertThat(r.get(0)).isEqualTo("S1");
            assertThat(r.get(2)).isEqualTo("Ik voelde me serieus genomen.");
            assertThat(r.get(4)).contains("1 = Helemaal mee oneens").contains("dk = Weet ik niet");
        });
        assertThat(codebook).anySatisfy(r -> assertThat(r.toList()).startsWith(help + "_o2", help, "Wat hielp u? - De balie"));
        assertThat(rawExportsLogged()).isEqualTo(1);
    }

    @Test
    void rawAnswersAsXlsxReadBackWithPoiWithTheCodebookAsSecondSheet() throws Exception {
        for (int i = 0; i < 3; i++) {
            respond("ONLINE", String.valueOf(i + 3), "7", List.of(), "Tekst " + i);
        }

        byte[] xlsx = download("/api/v1/feedback/questionnaires/" + questionnaire.id() + "/exports/raw?format=XLSX",
                advisor.basic());

        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(2);
            Sheet answers = book.getSheetAt(0);
            assertThat(answers.getSheetName()).isEqualTo("antwoorden");
            assertThat(answers.getLastRowNum()).isEqualTo(3);
            assertThat(answers.getRow(0).getCell(8).getStringCellValue()).isEqualTo("S1");
            assertThat(answers.getRow(1).getCell(8).getNumericCellValue()).isBetween(3.0, 5.0);
            assertThat(answers.getRow(1).getCell(12).getStringCellValue()).startsWith("Tekst ");
            Sheet codebook = book.getSheetAt(1);
            assertThat(codebook.getSheetName()).isEqualTo("codeboek");
            assertThat(codebook.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Kolom");
            assertThat(codebook.getLastRowNum()).isEqualTo(13);
        }
        assertThat(rawExportsLogged()).isEqualTo(1);
    }

    @Test
    void rawAnswersNeedTheResearchDataPermission() throws Exception {
        respond("DESK", "4", "8", List.of("o1"), "Persoonlijk verhaal");
        for (Role role : List.of(Role.VIEWER, Role.TEAM_MANAGER, Role.FRONT_OFFICE)) {
            User user = TestData.of(context).user(
                    context.getBean(nl.stadskompas.organisation.OrganisationRegistry.class).find(tenant.tenantId()).orElseThrow(),
                    role);
            mvc.perform(get("/feedback/" + questionnaire.id() + "/exports/raw?format=CSV").with(user.signedIn()))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/api/v1/feedback/questionnaires/" + questionnaire.id() + "/exports/raw").with(user.basic()))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/feedback/" + questionnaire.id() + "/exports").with(user.signedIn()))
                    .andExpect(status().isOk())
                    .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("exports/raw"))));
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM fb_data_access WHERE tenant_id = :t").param("t", tenant.tenantId())
                .query(Long.class).single()).isZero();
        // Another organisation's researcher does not find the questionnaire at all.
        User stranger = TestData.of(context).userInNewTenant(Role.ADVISOR);
        mvc.perform(get("/feedback/" + questionnaire.id() + "/exports/raw").with(stranger.signedIn()))
                .andExpect(status().isNotFound());
    }

    @Test
    void aggregateExportsSuppressSmallGroupsExactlyAsTheResultsPage() throws Exception {
        for (int i = 0; i < 6; i++) {
            respond("DESK", "5", "9", List.of("o1"), null);
        }
        for (int i = 0; i < 5; i++) {
            respond("ONLINE", "4", "7", List.of("o2"), null);
        }
        for (int i = 0; i < 2; i++) {
            respond("PHONE", "1", "2", List.of("o2"), null);
        }
        User viewer = TestData.of(context).user(
                context.getBean(nl.stadskompas.organisation.OrganisationRegistry.class).find(tenant.tenantId()).orElseThrow(),
                Role.VIEWER);

        byte[] xlsx = download("/feedback/" + questionnaire.id() + "/exports/results?format=XLSX&breakdown=channel",
                viewer.signedIn());

        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet groups = book.getSheet("uitsplitsing");
            Map<String, String> shown = new HashMap<>();
            for (int r = 1; r <= groups.getLastRowNum(); r++) {
                var row = groups.getRow(r);
                var n = row.getCell(1);
                shown.put(row.getCell(0).getStringCellValue(), n.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                        ? String.valueOf((long) n.getNumericCellValue()) : n.getStringCellValue());
            }
            // Telephone (2) is too small; the website (5), the smallest other group, is hidden with it
            // so that the total cannot give telephone away.
            assertThat(shown).containsEntry("Balie", "6")
                    .containsEntry("Telefoon", "Minder dan 5 reacties: niet getoond")
                    .containsEntry("Website", "Minder dan 5 reacties: niet getoond");
            Sheet questions = book.getSheet("vragen");
            assertThat(questions.getRow(1).getCell(0).getStringCellValue()).isEqualTo("S1");
            assertThat(questions.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(13.0);
        }

        Map<String, List<CSVRecord>> csv = unzip(download("/api/v1/feedback/questionnaires/" + questionnaire.id()
                + "/exports/results?format=CSV&breakdown=channel", viewer.basic()));
        assertThat(csv.get("uitsplitsing.csv")).extracting(r -> r.get(0) + "=" + r.get(1))
                .contains("Balie=6", "Telefoon=Minder dan 5 reacties: niet getoond");
        assertThat(csv.get("vragen.csv").stream().map(r -> r.get(0)).distinct().toList()).contains("S1", "MARK", help, tip);
    }

    @Test
    void aQuestionnaireWithTooFewResponsesExportsNoNumbers() throws Exception {
        for (int i = 0; i < 3; i++) {
            respond("DESK", "5", "9", List.of("o1"), null);
        }
        Map<String, List<CSVRecord>> csv = unzip(download("/feedback/" + questionnaire.id()
                + "/exports/results?format=CSV", advisor.signedIn()));
        assertThat(csv.get("vragen.csv")).hasSize(2);
        assertThat(csv.get("vragen.csv").get(1).get(1)).isEqualTo("Minder dan 5 reacties: niet getoond");
        assertThat(csv.get("weken.csv")).hasSize(1);
    }
}
