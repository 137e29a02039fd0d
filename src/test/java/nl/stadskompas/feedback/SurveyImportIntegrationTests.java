// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

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
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Import of an earlier survey from CSV: a good file ends up in the results, marked as imported;
 * every kind of bad file is reported with row and column and stores nothing; pages and API.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SurveyImportIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SurveyImports imports;

    @Autowired
    FeedbackResults results;

    User advisor;
    TenantContext tenant;
    Questionnaire questionnaire;
    UUID service;

    @BeforeEach
    void setUp() {
        advisor = TestData.of(context).userInNewTenant(Role.ADVISOR);
        tenant = FeedbackFixtures.as(advisor, Role.ADVISOR);
        questionnaire = new FeedbackFixtures(context).publishedQuestionnaire(tenant);
        service = FeedbackFixtures.service(jdbc, tenant.tenantId(), "Paspoort aanvragen");
    }

    private long responses() {
        return jdbc.sql("SELECT COUNT(*) FROM fb_response WHERE questionnaire_id = :q").param("q", questionnaire.id())
                .query(Long.class).single();
    }

    private static final String GOOD = """
            Datum;Dienst;Kanaal;Ik voelde me serieus genomen.;S2;Cijfer;Leeftijd;Opmerking
            3-11-2025;Paspoort aanvragen;Balie;4;weet niet;8;Jonger dan 25 jaar;"Fijn; snel"
            4-11-2025;paspoort aanvragen;PHONE;5;4;9;25-39;
            5-11-2025;;;2;2;5;u25;
            6-11-2025;Paspoort aanvragen;Telefoon;4;5;7;;
            7-11-2025;Paspoort aanvragen;Website;5;n.v.t.;10;25 tot 40 jaar;
            """;

    private SurveyImport upload(String csv) {
        return imports.upload(tenant, questionnaire.id(), "oud.csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    private SurveyImport mapGood(SurveyImport uploaded) {
        return imports.map(tenant, questionnaire.id(), uploaded.id(),
                Map.of(0, "@date", 1, "@service", 2, "@channel", 3, "S1", 4, "S2", 5, "MARK", 6, "AGE"), null);
    }

    @Test
    void aGoodFileIsImportedWholeMarkedAsImportedAndCountsInTheResults() {
        SurveyImport uploaded = upload(GOOD);
        assertThat(uploaded.rows()).isEqualTo(5);
        assertThat(uploaded.separator()).isEqualTo(';');
        // The first mapping is guessed from the column names: the date, the service, the channel
        // and a question by its Dutch text and by its key.
        assertThat(uploaded.columns()).extracting(ImportColumn::target)
                .containsExactly("@date", "@service", "@channel", "S1", "S2", null, null, null);
        mapGood(uploaded);
        assertThat(imports.check(tenant.tenantId(), questionnaire.id(), uploaded.id()).ready()).isTrue();

        SurveyImport done = imports.commit(tenant, questionnaire.id(), uploaded.id());

        assertThat(done.importedCount()).isEqualTo(5);
        assertThat(done.importedBy()).isEqualTo(advisor.username());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM fb_response WHERE questionnaire_id = :q AND via = 'IMPORT' "
                + "AND import_id = :i AND service_id = :s").param("q", questionnaire.id()).param("i", uploaded.id())
                .param("s", service).query(Long.class).single()).isEqualTo(4);
        assertThat(jdbc.sql("SELECT content FROM fb_import WHERE id = :i").param("i", uploaded.id())
                .query(String.class).optional()).isEmpty();
        Results r = results.results(tenant.tenantId(), questionnaire.id(), null, null, null, Locale.of("nl"));
        assertThat(r.total()).isEqualTo(5);
        QuestionStatistics s1 = r.questions().stream().filter(q -> q.question().key().equals("S1")).findFirst().orElseThrow();
        assertThat(s1.n()).isEqualTo(5);
        assertThat(s1.mean()).isEqualTo(4.0);
        QuestionStatistics s2 = r.questions().stream().filter(q -> q.question().key().equals("S2")).findFirst().orElseThrow();
        assertThat(s2.dontKnow()).isEqualTo(2);
        assertThat(r.weeks()).isNotEmpty();
        // A second import of the same upload is refused.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> imports.commit(tenant, questionnaire.id(), uploaded.id()))
                .isInstanceOf(ValidationProblem.class);
        assertThat(responses()).isEqualTo(5);
    }

    @Test
    void everyWrongCellIsReportedWithRowAndColumnAndNothingIsStored() {
        String bad = """
                Datum;Dienst;Kanaal;S1;S2;Cijfer;Leeftijd
                3-11-2025;Paspoort aanvragen;Balie;4;4;8;u25
                31-02-2025;Rijbewijs;Fax;6;4;11;65 plus
                2099-01-01;;;4;;8;
                4-11-2025;;;;;;
                5-11-2025;;;4;4;8;u25;extra
                """;
        SurveyImport uploaded = upload(bad);
        mapGood(uploaded);

        ImportCheck check = imports.check(tenant.tenantId(), questionnaire.id(), uploaded.id());

        assertThat(check.ready()).isFalse();
        assertThat(check.rows()).isEqualTo(5);
        assertThat(check.problems()).extracting(p -> p.row() + p.column() + " " + p.code()).containsExactly(
                "3A feedback.data.import.error.date",
                "3B feedback.data.import.error.service",
                "3C feedback.data.import.error.channel",
                "3D feedback.data.import.error.agreement",
                "3F feedback.data.import.error.mark",
                "3G feedback.data.import.error.option",
                "4A feedback.data.import.error.future",
                "5null feedback.data.import.error.noAnswers",
                "6H feedback.data.import.error.extraCell");
        assertThat(check.problems().get(3).header()).isEqualTo("S1");

        ImportRefused refused = org.assertj.core.api.Assertions.catchThrowableOfType(ImportRefused.class,
                () -> imports.commit(tenant, questionnaire.id(), uploaded.id()));
        assertThat(refused.check().problemCount()).isEqualTo(9);
        assertThat(responses()).isZero();
        // The upload is still there to be mapped again or discarded.
        assertThat(imports.find(tenant.tenantId(), questionnaire.id(), uploaded.id()).imported()).isFalse();
    }

    @Test
    void aWrongRowAfterManyGoodOnesStillStoresNothing() {
        StringBuilder csv = new StringBuilder("Datum,S1\n");
        for (int i = 0; i < 2500; i++) {
            csv.append("2025-10-01,").append(1 + i % 5).append('\n');
        }
        csv.append("2025-10-01,zes\n");
        SurveyImport uploaded = upload(csv.toString());
        imports.map(tenant, questionnaire.id(), uploaded.id(), Map.of(0, "@date", 1, "S1"), null);

        ImportRefused refused = org.assertj.core.api.Assertions.catchThrowableOfType(ImportRefused.class,
                () -> imports.commit(tenant, questionnaire.id(), uploaded.id()));

        assertThat(refused.check().problems()).singleElement().extracting(ImportProblem::row).isEqualTo(2502);
        assertThat(responses()).isZero();
    }

    @Test
    void badFilesAndBadMappingsAreRefusedBeforeAnythingIsKept() {
        long before = jdbc.sql("SELECT COUNT(*) FROM fb_import WHERE tenant_id = :t").param("t", tenant.tenantId())
                .query(Long.class).single();
        for (String file : new String[] { "", "Datum;S1\n", "a;b\n1;\"open\n" }) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> upload(file)).isInstanceOf(ValidationProblem.class);
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> imports.upload(tenant, questionnaire.id(), "x.csv",
                new byte[(int) imports.maxBytes() + 1])).isInstanceOf(ValidationProblem.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM fb_import WHERE tenant_id = :t").param("t", tenant.tenantId())
                .query(Long.class).single()).isEqualTo(before);

        SurveyImport uploaded = upload(GOOD);
        ValidationProblem problem = org.assertj.core.api.Assertions.catchThrowableOfType(ValidationProblem.class,
                () -> imports.map(tenant, questionnaire.id(), uploaded.id(), Map.of(3, "S1", 4, "S1", 5, "NOPE"), null));
        assertThat(problem.problems()).extracting(ValidationProblem.FieldProblem::code).containsExactlyInAnyOrder(
                "feedback.data.import.mapping.twice", "feedback.data.import.mapping.unknown",
                "feedback.data.import.mapping.noDate");
        // The guessed mapping is unchanged.
        assertThat(imports.find(tenant.tenantId(), questionnaire.id(), uploaded.id()).columns().get(3).target())
                .isEqualTo("S1");
        assertThat(imports.find(tenant.tenantId(), questionnaire.id(), uploaded.id()).columns().get(5).target()).isNull();
    }

    @Test
    void windowsEncodedCommaSeparatedFilesWithADefaultDateAreRead() {
        byte[] csv = "Opmerking,S1\r\nCafé was dicht,3\r\n\"Prima, dank\",4\r\n".getBytes(ImportFile.WINDOWS);
        SurveyImport uploaded = imports.upload(tenant, questionnaire.id(), "C:\\oud\\enquête.csv", csv);
        assertThat(uploaded.encoding()).isEqualTo("windows-1252");
        assertThat(uploaded.fileName()).isEqualTo("enquête.csv");
        assertThat(uploaded.columns().getFirst().header()).isEqualTo("Opmerking");
        imports.map(tenant, questionnaire.id(), uploaded.id(), Map.of(1, "S1"), java.time.LocalDate.of(2024, 5, 1));
        imports.commit(tenant, questionnaire.id(), uploaded.id());
        assertThat(jdbc.sql("SELECT DISTINCT submitted_on FROM fb_response WHERE questionnaire_id = :q")
                .param("q", questionnaire.id()).query(java.sql.Date.class).single().toLocalDate())
                .isEqualTo(java.time.LocalDate.of(2024, 5, 1));
    }

    @Test
    void importsOfAnotherOrganisationAreNotFound() {
        SurveyImport uploaded = upload(GOOD);
        User other = TestData.of(context).userInNewTenant(Role.ADVISOR);
        TenantContext otherTenant = FeedbackFixtures.as(other, Role.ADVISOR);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> imports.commit(otherTenant, questionnaire.id(), uploaded.id()))
                .isInstanceOf(nl.stadskompas.platform.NotFoundException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> imports.find(other.tenantId(), questionnaire.id(), uploaded.id()))
                .isInstanceOf(nl.stadskompas.platform.NotFoundException.class);
    }

    @Test
    void thePagesLeadFromUploadThroughMappingAndCheckToImport() throws Exception {
        String base = "/feedback/" + questionnaire.id() + "/imports";
        mvc.perform(get(base).with(advisor.signedIn()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Eerdere antwoorden importeren")));
        String location = mvc.perform(multipart(base).file(new MockMultipartFile("file", "oud.csv", "text/csv",
                        GOOD.getBytes(StandardCharsets.UTF_8))).with(advisor.signedIn()).with(
                        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(location).with(advisor.signedIn()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Kolommen koppelen")));
        mvc.perform(post(location).with(advisor.signedIn()).with(
                        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("targets", "@date", "@service", "@channel", "S1", "S2", "MARK", "AGE", "")
                        .param("defaultDate", ""))
                .andExpect(redirectedUrlPattern("/feedback/*/imports/*/check"));
        mvc.perform(get(location + "/check").with(advisor.signedIn()))
                .andExpect(content().string(containsString("Het bestand is in orde")))
                .andExpect(content().string(containsString("5 reacties importeren")));
        mvc.perform(post(location + "/import").with(advisor.signedIn()).with(
                        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(responses()).isEqualTo(5);
    }

    @Test
    void theApiUploadsMapsChecksAndImportsAndListsEveryProblem() throws Exception {
        String base = "/api/v1/feedback/questionnaires/" + questionnaire.id() + "/imports";
        String body = mvc.perform(post(base).with(advisor.basic()).contentType("text/csv").param("fileName", "oud.csv")
                        .content("Datum;S1;Cijfer\n2025-01-06;4;8\n2025-01-07;9;8\n"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.rows").value(2))
                .andExpect(jsonPath("$.columns[0].target").value("@date"))
                .andReturn().getResponse().getContentAsString();
        String id = body.replaceAll("^\\{\"id\":\"([^\"]+)\".*", "$1");
        mvc.perform(put(base + "/" + id + "/mapping").with(advisor.basic()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"columns\":{\"A\":\"@date\",\"B\":\"S1\",\"C\":\"MARK\"}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.columns[2].target").value("MARK"));
        mvc.perform(get(base + "/" + id + "/check").with(advisor.basic()))
                .andExpect(jsonPath("$.ready").value(false))
                .andExpect(jsonPath("$.problems[0].row").value(3))
                .andExpect(jsonPath("$.problems[0].column").value("B"))
                .andExpect(jsonPath("$.problems[0].message", containsString("Vul 1 tot en met 5 in")));
        mvc.perform(post(base + "/" + id + "/commit").with(advisor.basic()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("row 3, column B"));
        assertThat(responses()).isZero();
        mvc.perform(get(base).with(TestData.of(context).userInNewTenant(Role.VIEWER).basic()))
                .andExpect(status().isForbidden());
    }
}
