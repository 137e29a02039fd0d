// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.stadskompas.feedback.ImportRules.Cell;
import nl.stadskompas.platform.ValidationProblem;

import org.junit.jupiter.api.Test;

/**
 * The rules for the cells and files of an imported survey: what is accepted per question type and
 * context field, and how a file is decoded and split.
 */
class ImportRulesTests {

    private static final UUID SERVICE = UUID.randomUUID();
    private static final UUID TOWN = UUID.randomUUID();
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 31);

    private final ImportRules rules = new ImportRules(List.of(
            Question.of("S1", QuestionSource.STATEMENT, QuestionType.AGREEMENT, 1, "Ik voelde me serieus genomen.",
                    null, null, null, List.of()),
            Question.of("MARK", QuestionSource.DEMOGRAPHIC, QuestionType.MARK, 1, "Rapportcijfer", null, null, null,
                    List.of()),
            Question.of("AGE", QuestionSource.DEMOGRAPHIC, QuestionType.SINGLE_CHOICE, 1, "Leeftijd", null, null, null,
                    List.of(new ChoiceOption("o1", "Jonger dan 25", "Under 25"), new ChoiceOption("o2", "25 of ouder", "25 or older"))),
            Question.of("HOW", QuestionSource.CUSTOM, QuestionType.MULTIPLE_CHOICE, 1, "Hoe", null, null, null,
                    List.of(new ChoiceOption("web", "Website", null), new ChoiceOption("tel", "Telefoon", null))),
            Question.of("TIP", QuestionSource.CUSTOM, QuestionType.SHORT_TEXT, 1, "Tip", null, null, null, List.of())),
            Map.of(SERVICE, "Paspoort aanvragen"), Map.of(TOWN, "Oeverdam"), Map.of("balie", "DESK", "desk", "DESK"),
            TODAY);

    private static String code(Cell cell) {
        return cell.problem() == null ? null : cell.problem().code();
    }

    @Test
    void agreementScaleTakesOneToFiveAndTheWaysPeopleWriteDontKnow() {
        assertThat(rules.answer("S1", " 4 ").values()).containsExactly("4");
        assertThat(rules.answer("S1", "Weet niet").values()).containsExactly("dk");
        assertThat(rules.answer("S1", "n.v.t.").values()).containsExactly("dk");
        assertThat(rules.answer("S1", "").values()).isEmpty();
        assertThat(code(rules.answer("S1", "6"))).isEqualTo("feedback.data.import.error.agreement");
        assertThat(code(rules.answer("S1", "0"))).isEqualTo("feedback.data.import.error.agreement");
        assertThat(code(rules.answer("S1", "3,5"))).isEqualTo("feedback.data.import.error.agreement");
        assertThat(rules.answer("S1", "zeer eens").problem().args()).containsExactly("zeer eens");
    }

    @Test
    void reportMarkTakesWholeNumbersOneToTen() {
        assertThat(rules.answer("MARK", "10").values()).containsExactly("10");
        assertThat(rules.answer("MARK", "07").values()).containsExactly("7");
        assertThat(code(rules.answer("MARK", "11"))).isEqualTo("feedback.data.import.error.mark");
        assertThat(code(rules.answer("MARK", "7.5"))).isEqualTo("feedback.data.import.error.mark");
        assertThat(code(rules.answer("MARK", "dk"))).isEqualTo("feedback.data.import.error.mark");
    }

    @Test
    void choicesAreFoundByCodeOrLabelInEitherLanguage() {
        assertThat(rules.answer("AGE", "o2").values()).containsExactly("o2");
        assertThat(rules.answer("AGE", "jonger dan 25").values()).containsExactly("o1");
        assertThat(rules.answer("AGE", "25 or older").values()).containsExactly("o2");
        Cell unknown = rules.answer("AGE", "65+");
        assertThat(code(unknown)).isEqualTo("feedback.data.import.error.option");
        assertThat(unknown.problem().args()[1].toString()).contains("Jonger dan 25 (o1)");
        assertThat(rules.answer("HOW", "Website | tel | website").values()).containsExactly("web", "tel");
        assertThat(code(rules.answer("HOW", "web|fax"))).isEqualTo("feedback.data.import.error.option");
    }

    @Test
    void textMayNotBeLongerThanTheQuestionAllows() {
        assertThat(rules.answer("TIP", "Meer personeel").values()).containsExactly("Meer personeel");
        assertThat(code(rules.answer("TIP", "x".repeat(QuestionType.SHORT_TEXT_MAX + 1))))
                .isEqualTo("feedback.data.import.error.tooLong");
    }

    @Test
    void datesAreReadAsDutchSpreadsheetsWriteThemAndMayNotLieInTheFuture() {
        assertThat(rules.context(ImportRules.DATE, "2025-11-03").value()).isEqualTo("2025-11-03");
        assertThat(rules.context(ImportRules.DATE, "3-11-2025").value()).isEqualTo("2025-11-03");
        assertThat(rules.context(ImportRules.DATE, "03/11/2025 14:05").value()).isEqualTo("2025-11-03");
        assertThat(rules.context(ImportRules.DATE, "3.11.2025").value()).isEqualTo("2025-11-03");
        assertThat(code(rules.context(ImportRules.DATE, "31-02-2025"))).isEqualTo("feedback.data.import.error.date");
        assertThat(code(rules.context(ImportRules.DATE, "gisteren"))).isEqualTo("feedback.data.import.error.date");
        assertThat(code(rules.context(ImportRules.DATE, "2026-04-01"))).isEqualTo("feedback.data.import.error.future");
    }

    @Test
    void contextIsFoundByNameOrIdOrIsAnUnknownCode() {
        assertThat(rules.context(ImportRules.SERVICE, "paspoort aanvragen").value()).isEqualTo(SERVICE.toString());
        assertThat(rules.context(ImportRules.SERVICE, SERVICE.toString()).value()).isEqualTo(SERVICE.toString());
        assertThat(code(rules.context(ImportRules.SERVICE, UUID.randomUUID().toString())))
                .isEqualTo("feedback.data.import.error.service");
        assertThat(rules.context(ImportRules.MUNICIPALITY, "OEVERDAM").value()).isEqualTo(TOWN.toString());
        assertThat(code(rules.context(ImportRules.MUNICIPALITY, "Amsterdam"))).isEqualTo("feedback.data.import.error.municipality");
        assertThat(rules.context(ImportRules.CHANNEL, "Balie").value()).isEqualTo("DESK");
        assertThat(code(rules.context(ImportRules.CHANNEL, "FAX"))).isEqualTo("feedback.data.import.error.channel");
        assertThat(rules.context(ImportRules.LOCATION, "Stadhuis Oeverdam").value()).isEqualTo("Stadhuis Oeverdam");
        assertThat(code(rules.context(ImportRules.LOCATION, "<script>"))).isEqualTo("feedback.data.import.error.location");
    }

    @Test
    void filesAreDecodedWithOrWithoutByteOrderMarkAndInTheWindowsEncoding() {
        byte[] bom = "\uFEFFLeeftijd;Oordeel\r\nJonger dan 25;4\r\n".getBytes(StandardCharsets.UTF_8);
        ImportFile utf8 = ImportFile.decode(bom);
        assertThat(utf8.encoding()).isEqualTo("UTF-8");
        assertThat(utf8.separator()).isEqualTo(';');
        assertThat(utf8.headers()).containsExactly("Leeftijd", "Oordeel");

        ImportFile windows = ImportFile.decode("Café,Oordeel\nGoed geholpen, dank,4\n".getBytes(ImportFile.WINDOWS));
        assertThat(windows.encoding()).isEqualTo("windows-1252");
        assertThat(windows.separator()).isEqualTo(',');
        assertThat(windows.headers()).containsExactly("Café", "Oordeel");

        ImportFile utf16 = ImportFile.decode("\uFEFFa\tb\n1\t2\n".getBytes(StandardCharsets.UTF_16LE));
        assertThat(utf16.separator()).isEqualTo('\t');
    }

    @Test
    void rowsAreNumberedAsInASpreadsheetAndQuotedSeparatorsStayInTheirCell() {
        ImportFile file = ImportFile.decode("Tip;Oordeel\n\"Sneller; graag\";4\n\n\"Twee\nregels\";5\n".getBytes(StandardCharsets.UTF_8));
        List<ImportFile.Row> rows = new ArrayList<>();
        file.rows(rows::add);
        assertThat(rows).extracting(ImportFile.Row::number).containsExactly(2, 3);
        assertThat(rows.getFirst().cells()).containsExactly("Sneller; graag", "4");
        assertThat(rows.get(1).cell(0)).isEqualTo("Twee\nregels");
        assertThat(rows.get(1).cell(5)).isEmpty();
    }

    @Test
    void emptyBinaryOrBrokenFilesAreRefusedInPlainWords() {
        assertThatThrownBy(() -> ImportFile.decode(new byte[0])).isInstanceOf(ValidationProblem.class)
                .extracting(e -> ((ValidationProblem) e).problems().getFirst().code())
                .isEqualTo("feedback.data.import.file.empty");
        assertThatThrownBy(() -> ImportFile.decode(new byte[] { 'P', 'K', 3, 4, 0, 0 }))
                .extracting(e -> ((ValidationProblem) e).problems().getFirst().code())
                .isEqualTo("feedback.data.import.file.notText");
        ImportFile broken = ImportFile.decode("a;b\n1;\"nooit gesloten\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> broken.rows(r -> { }))
                .extracting(e -> ((ValidationProblem) e).problems().getFirst().code())
                .isEqualTo("feedback.data.import.file.unreadable");
    }

    @Test
    void columnsAreNamedAsInASpreadsheet() {
        assertThat(ImportFile.columnName(0)).isEqualTo("A");
        assertThat(ImportFile.columnName(25)).isEqualTo("Z");
        assertThat(ImportFile.columnName(26)).isEqualTo("AA");
        assertThat(ImportFile.columnName(27)).isEqualTo("AB");
    }
}
