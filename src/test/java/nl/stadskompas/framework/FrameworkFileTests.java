// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import nl.stadskompas.framework.FrameworkFile.Format;
import nl.stadskompas.framework.FrameworkFile.Reading;

import org.junit.jupiter.api.Test;

/**
 * Reading an exchange file: a valid file gives its content, and every problem in an invalid file is
 * reported with its path and line, all at once.
 */
class FrameworkFileTests {

    static final String VALID = """
            format: stadskompas-framework/1
            name: Dienstverleningskader Proefdorp
            description: Wat we beloven.
            coreValues:
              - code: K1
                name: Menselijk
                description: We zien de mens achter de vraag.
            promises:
              - code: P1
                title: We nemen u serieus
                needs:
                  - Luister naar mij
                  - Neem de tijd voor mij
                means:
                  - Je vraagt door tot je de vraag snapt.
                doesNotMean:
                  - Je belooft iets wat niet kan.
              - code: P2
                title: U weet waar u aan toe bent
                needs: [Vertel wat de volgende stap is]
            statements:
              - code: S1
                text: Ik voelde me serieus genomen.
                textEn: I felt taken seriously.
                promise: P1
            aspects:
              - code: A1
                name: De medewerker wist waar hij het over had
                nameEn: The employee knew what they were talking about
                category: TREATMENT
            norms:
              - code: N1
                name: Terugbellen
                measure: Tijd tussen terugbelverzoek en terugbellen
                threshold: 2
                unit: WORKING_DAYS
                targetPercent: 90
                scope: TEAM
                team: Klantcontactcentrum
              - code: N2
                name: Telefoon opnemen
                measure: Wachttijd aan de telefoon
                threshold: 30
                unit: SECONDS
                targetPercent: 80
                scope: ORGANISATION
            """;

    @Test
    void readsAValidYamlFile() {
        Reading reading = read(VALID);
        assertThat(reading.problems()).isEmpty();
        FrameworkContent content = reading.content();
        assertThat(content.name()).isEqualTo("Dienstverleningskader Proefdorp");
        assertThat(content.coreValues()).containsExactly(new CoreValue("K1", "Menselijk",
                "We zien de mens achter de vraag."));
        assertThat(content.promises()).extracting(Promise::code).containsExactly("P1", "P2");
        assertThat(content.promises().getFirst().needs()).containsExactly("Luister naar mij", "Neem de tijd voor mij");
        assertThat(content.promises().get(1).needs()).containsExactly("Vertel wat de volgende stap is");
        assertThat(content.statements()).containsExactly(new Statement("S1", "Ik voelde me serieus genomen.",
                "I felt taken seriously.", "P1"));
        assertThat(content.norms().getFirst()).isEqualTo(new Norm("N1", "Terugbellen",
                "Tijd tussen terugbelverzoek en terugbellen", new BigDecimal("2"), NormUnit.WORKING_DAYS,
                new BigDecimal("90"), NormScope.TEAM, null, "Klantcontactcentrum"));
        assertThat(reading.normLines()).containsExactly(32, 40);
    }

    @Test
    void writesAndReadsBackTheSameContentInYamlAndJson() {
        FrameworkContent content = read(VALID).content();
        for (Format format : Format.values()) {
            byte[] file = FrameworkFile.write(content, "1.0", format, Norm::scopeName);
            Reading again = FrameworkFile.read(file);
            assertThat(again.problems()).as(format.name()).isEmpty();
            assertThat(again.content()).as(format.name()).isEqualTo(content);
        }
    }

    @Test
    void writtenFileCarriesTheFormatMarkerAndTeamNames() {
        FrameworkContent content = new FrameworkContent("Kader", null, List.of(), List.of(), List.of(), List.of(),
                List.of(new Norm("N1", "Paspoort klaar", "Levertijd", new BigDecimal("5.00"), NormUnit.WORKING_DAYS,
                        null, NormScope.SERVICE, UUID.randomUUID(), "Paspoort aanvragen")));
        String yaml = new String(FrameworkFile.write(content, "1.0", Format.YAML, Norm::scopeName), StandardCharsets.UTF_8);
        assertThat(yaml).contains("format: stadskompas-framework/1").contains("service: Paspoort aanvragen")
                .contains("threshold: 5\n").contains("label: 1.0").doesNotContain("scopeId");
        String json = new String(FrameworkFile.write(content, "1.0", Format.JSON, Norm::scopeName), StandardCharsets.UTF_8);
        assertThat(json).contains("\"format\" : \"stadskompas-framework/1\"").contains("\"threshold\" : 5,");
    }

    @Test
    void readsJsonAndReportsLinesOfJson() {
        String json = """
                {
                  "format": "stadskompas-framework/1",
                  "name": "Kader",
                  "promises": [
                    {
                      "code": "P1",
                      "title": "",
                      "needs": ["Luister naar mij"]
                    }
                  ]
                }
                """;
        assertThat(read(json).problems()).containsExactly(
                new ImportProblem("promises[0].title", 7, "framework.field.required"));
    }

    @Test
    void reportsEveryProblemWithItsPathAndLine() {
        String yaml = """
                format: stadskompas-framework/1
                name: Kader
                promises:
                  - code: P1
                    needs:
                      - Luister naar mij
                      - ""
                  - code: P1
                    title: Dubbel
                    needs: Luister
                statements:
                  - code: S1
                    text: Ik werd gehoord.
                    promise: P9
                aspects:
                  - code: A1
                    name: Bereikbaar
                    category: SNELHEID
                norms:
                  - code: N1
                    name: Terugbellen
                    measure: Tijd tot terugbellen
                    threshold: twee
                    unit: WORKDAYS
                    scope: TEAM
                  - code: N2
                    name: Mailen
                    measure: Tijd tot antwoord
                    threshold: -5
                    unit: WORKING_DAYS
                    targetPercent: 120
                    scope: ORGANISATION
                    colour: blue
                """;
        List<ImportProblem> problems = read(yaml).problems();
        assertThat(problems).extracting(ImportProblem::path, ImportProblem::line, ImportProblem::code)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("promises[0].title", 4, "framework.field.required"),
                        org.assertj.core.groups.Tuple.tuple("promises[0].needs[1]", 7, "framework.field.required"),
                        org.assertj.core.groups.Tuple.tuple("promises[1].code", 8, "framework.import.duplicateCode"),
                        org.assertj.core.groups.Tuple.tuple("promises[1].needs", 10, "framework.import.expectedList"),
                        org.assertj.core.groups.Tuple.tuple("statements[0].promise", 14, "framework.statement.unknownPromise"),
                        org.assertj.core.groups.Tuple.tuple("aspects[0].category", 18, "framework.import.unknownValue"),
                        org.assertj.core.groups.Tuple.tuple("norms[0].team", 20, "framework.norm.teamRequired"),
                        org.assertj.core.groups.Tuple.tuple("norms[0].threshold", 23, "framework.import.expectedNumber"),
                        org.assertj.core.groups.Tuple.tuple("norms[0].unit", 24, "framework.import.unknownValue"),
                        org.assertj.core.groups.Tuple.tuple("norms[1].threshold", 29, "framework.norm.thresholdPositive"),
                        org.assertj.core.groups.Tuple.tuple("norms[1].targetPercent", 31, "framework.norm.targetRange"),
                        org.assertj.core.groups.Tuple.tuple("norms[1].colour", 33, "framework.import.unknownField"));
        assertThat(problems.get(2).args()).containsExactly("P1", 4);
        assertThat(problems.get(5).args()[0]).isEqualTo("SNELHEID");
        assertThat(read(yaml).content()).isNull();
    }

    @Test
    void reportsWrongTypesForObjectsListsAndTexts() {
        String yaml = """
                format: stadskompas-framework/1
                name:
                  nl: Kader
                coreValues: Menselijk
                promises:
                  - Luister naar mij
                statements:
                  - code: [S1]
                    text: Tekst
                    promise: P1
                """;
        assertThat(read(yaml).problems()).extracting(ImportProblem::path, ImportProblem::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple("name", "framework.import.expectedText"),
                org.assertj.core.groups.Tuple.tuple("coreValues", "framework.import.expectedList"),
                org.assertj.core.groups.Tuple.tuple("promises[0]", "framework.import.expectedObject"),
                org.assertj.core.groups.Tuple.tuple("statements[0].code", "framework.import.expectedText"),
                org.assertj.core.groups.Tuple.tuple("statements[0].promise", "framework.statement.unknownPromise"));
    }

    @Test
    void reportsTooLongTextAndInvalidCodes() {
        String yaml = "format: stadskompas-framework/1\nname: Kader\ncoreValues:\n  - code: K 1\n    name: "
                + "x".repeat(201) + "\n";
        assertThat(read(yaml).problems()).extracting(ImportProblem::path, ImportProblem::line, ImportProblem::code)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("coreValues[0].code", 4, "framework.code.invalid"),
                        org.assertj.core.groups.Tuple.tuple("coreValues[0].name", 5, "framework.field.tooLong"));
    }

    @Test
    void reportsAMissingOrUnknownFormat() {
        assertThat(read("name: Kader\n").problems()).extracting(ImportProblem::code)
                .containsExactly("framework.import.formatMissing");
        List<ImportProblem> unknown = read("format: stadskompas-framework/9\nname: Kader\npromises: 5\n").problems();
        assertThat(unknown).extracting(ImportProblem::path, ImportProblem::line, ImportProblem::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("format", 1, "framework.import.formatUnknown"));
    }

    @Test
    void reportsAPropertyThatAppearsTwice() {
        List<ImportProblem> problems = read("format: stadskompas-framework/1\nname: Kader\nname: Ander kader\n").problems();
        assertThat(problems).extracting(ImportProblem::path, ImportProblem::line, ImportProblem::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("name", 3, "framework.import.duplicateField"));
    }

    @Test
    void reportsAScopeFieldThatDoesNotFitTheScope() {
        String yaml = """
                format: stadskompas-framework/1
                name: Kader
                norms:
                  - code: N1
                    name: Mail
                    measure: Antwoordtijd
                    threshold: 5
                    unit: WORKING_DAYS
                    scope: ORGANISATION
                    team: Burgerzaken
                """;
        assertThat(read(yaml).problems()).extracting(ImportProblem::path, ImportProblem::line, ImportProblem::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("norms[0].team", 10, "framework.import.scopeMismatch"));
    }

    @Test
    void refusesFilesThatAreNotAFramework() {
        assertThat(codes(new byte[0])).containsExactly("framework.import.empty");
        assertThat(codes("  \n# alleen commentaar\n".getBytes(StandardCharsets.UTF_8))).containsExactly("framework.import.empty");
        assertThat(codes("Dit is gewoon een brief.".getBytes(StandardCharsets.UTF_8)))
                .containsExactly("framework.import.notFramework");
        assertThat(codes("- een\n- lijst\n".getBytes(StandardCharsets.UTF_8)))
                .containsExactly("framework.import.notFramework");
        assertThat(codes(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, (byte) 0xff, (byte) 0xfe }))
                .containsExactly("framework.import.unreadableYaml");
        assertThat(codes(new byte[FrameworkFile.MAX_BYTES + 1])).containsExactly("framework.import.tooLarge");
    }

    @Test
    void reportsTheLineWhereYamlOrJsonBreaks() {
        Reading yaml = read("format: stadskompas-framework/1\nname: Kader\npromises:\n  - code: P1\n   title: \"open\n");
        assertThat(yaml.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("framework.import.unreadableYaml");
            assertThat(p.line()).isBetween(4, 6);
        });
        Reading json = read("{\n  \"format\": \"stadskompas-framework/1\",\n  \"name\": \"Kader\"\n  \"promises\": []\n}\n");
        assertThat(json.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("framework.import.unreadableJson");
            assertThat(p.line()).isEqualTo(4);
        });
    }

    private static Reading read(String text) {
        return FrameworkFile.read(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> codes(byte[] file) {
        return FrameworkFile.read(file).problems().stream().map(ImportProblem::code).toList();
    }
}
