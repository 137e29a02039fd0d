// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.platform.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Locale;

import nl.stadskompas.platform.text.ReadingLevel.Flag;
import nl.stadskompas.platform.text.ReadingLevel.Readability;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReadingLevelTests {

    private static final Locale DUTCH = Locale.of("nl");

    @ParameterizedTest
    @CsvSource({ "huis,1", "blijven,2", "aanvragen,3", "gemeente,3", "ideeën,3", "financiële,5", "uitkering,3",
            "paspoort,2", "U,1" })
    void countsDutchSyllablesAsVowelGroups(String word, int syllables) {
        assertThat(ReadingLevel.syllables(word, false)).isEqualTo(syllables);
    }

    @ParameterizedTest
    @CsvSource({ "cat,1", "letter,2", "make,1", "table,2", "the,1", "application,4" })
    void countsEnglishSyllables(String word, int syllables) {
        assertThat(ReadingLevel.syllables(word, true)).isEqualTo(syllables);
    }

    @Test
    void shortPlainDutchIsB1() {
        Readability r = ReadingLevel.assess("U krijgt binnen twee weken een brief. Daarin staat wat u moet doen.", DUTCH);
        assertThat(r.words()).isEqualTo(13);
        assertThat(r.sentences()).isEqualTo(2);
        // 206.84 - 0.93 * 6.5 - 77 * 16/13
        assertThat(r.score()).isCloseTo(206.84 - 0.93 * 6.5 - 77.0 * 16 / 13, within(0.01));
        assertThat(r.b1()).isTrue();
        assertThat(r.flags()).isEmpty();
    }

    @Test
    void officialDutchIsAboveB1AndItsOfficialeseIsFlaggedWithAPlainerWord() {
        Readability r = ReadingLevel.assess("Ingevolge de gemeentelijke verordening dient de aanvrager zorg te dragen "
                + "voor de tijdige indiening van de benodigde bewijsstukken.", DUTCH);
        assertThat(r.score()).isLessThan(ReadingLevel.B1_THRESHOLD);
        assertThat(r.b1()).isFalse();
        assertThat(r.flags()).contains(new Flag(Flag.Kind.OFFICIALESE, "ingevolge", "volgens", 0));
    }

    @Test
    void aLongSentenceIsFlaggedAndKeepsATextAboveB1() {
        String longSentence = "Als u uw aanvraag bij ons indient en alle papieren die wij nodig hebben meestuurt dan "
                + "kijken wij of alles klopt en sturen wij u een brief.";
        Readability r = ReadingLevel.assess(longSentence, DUTCH);
        assertThat(r.flags()).anySatisfy(f -> {
            assertThat(f.kind()).isEqualTo(Flag.Kind.LONG_SENTENCE);
            assertThat(f.count()).isEqualTo(27);
        });
        assertThat(r.b1()).isFalse();
    }

    @Test
    void veryLongWordsAreFlagged() {
        Readability r = ReadingLevel.assess("Lees de ontvankelijkheidsverklaring goed.", DUTCH);
        assertThat(r.flags()).anySatisfy(f -> {
            assertThat(f.kind()).isEqualTo(Flag.Kind.LONG_WORD);
            assertThat(f.text()).isEqualTo("ontvankelijkheidsverklaring");
        });
    }

    @Test
    void placeholdersCountAsOneShortWord() {
        Readability r = ReadingLevel.assess("Beste {{naam}}, uw aanvraag is binnen.", DUTCH);
        assertThat(r.words()).isEqualTo(6);
        assertThat(r.b1()).isTrue();
    }

    @Test
    void englishUsesFleschReadingEase() {
        Readability plain = ReadingLevel.assess("We got your request. You will hear from us within two weeks.",
                Locale.ENGLISH);
        assertThat(plain.b1()).isTrue();
        Readability official = ReadingLevel.assess("Pursuant to the applicable municipal regulations, applicants "
                + "are required to commence the submission of documentation prior to the deadline.", Locale.ENGLISH);
        assertThat(official.b1()).isFalse();
        assertThat(official.flags()).extracting(Flag::text).contains("pursuant to", "commence", "prior to");
    }

    @Test
    void anEmptyTextHasNothingToFlag() {
        Readability r = ReadingLevel.assess("  ", DUTCH);
        assertThat(r.words()).isZero();
        assertThat(r.b1()).isTrue();
    }
}
