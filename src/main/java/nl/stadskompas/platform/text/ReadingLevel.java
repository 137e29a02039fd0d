// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.platform.text;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Estimates whether a text residents read is at language level B1 or easier.
 *
 * <p>For Dutch it uses the Flesch-Douma reading ease (Douma's adaptation of Flesch for Dutch:
 * {@code 206.84 - 0.93 * words per sentence - 77 * syllables per word}); for English the original
 * Flesch reading ease ({@code 206.835 - 1.015 * words per sentence - 84.6 * syllables per word}).
 * A score of 60 or more ("fairly easy" and easier) counts as B1. Syllables are counted as groups of
 * vowels, which is how readability tools count them for Dutch, where "ij", "ui", "oe" and the like
 * are one sound. A formula alone misses much, so the result also flags what writers of plain
 * Dutch are taught to avoid: sentences of more than {@value #LONG_SENTENCE_WORDS} words, very long
 * words, and officialese (ambtelijke woorden) with a plainer alternative.
 */
public final class ReadingLevel {

    /** Flesch(-Douma) score from which a text counts as B1 or easier. */
    public static final double B1_THRESHOLD = 60.0;
    /** Sentences longer than this are flagged; plain-language guides advise 15 words on average. */
    public static final int LONG_SENTENCE_WORDS = 20;
    /** Words with more syllables than this are flagged. */
    public static final int LONG_WORD_SYLLABLES = 5;

    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}'’-]*");
    private static final Pattern VOWEL_GROUP_NL = Pattern.compile("(ij|[aeiouyàáâäèéêëìíîïòóôöùúûü])+");
    private static final Pattern VOWEL_GROUP_EN = Pattern.compile("[aeiouy]+");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}|\\$\\{[^}]*}|\\[\\[[^]]*]]");

    private static final List<Officialese> OFFICIALESE_NL = List.of(
            new Officialese("middels", "met"), new Officialese("derhalve", "daarom"),
            new Officialese("inzake", "over"), new Officialese("ten behoeve van", "voor"),
            new Officialese("onverwijld", "meteen"), new Officialese("alsmede", "en"),
            new Officialese("dienaangaande", "daarover"), new Officialese("teneinde", "om"),
            new Officialese("indien", "als"), new Officialese("tevens", "ook"),
            new Officialese("woonachtig", "wonen"), new Officialese("verzoeken", "vragen"),
            new Officialese("aanvang", "begin"), new Officialese("retourneren", "terugsturen"),
            new Officialese("zorgdragen", "zorgen"), new Officialese("doch", "maar"),
            new Officialese("thans", "nu"), new Officialese("reeds", "al"),
            new Officialese("ingevolge", "volgens"), new Officialese("conform", "volgens"),
            new Officialese("desgewenst", "als u wilt"), new Officialese("hetgeen", "wat"),
            new Officialese("omtrent", "over"), new Officialese("vervolgens", "daarna"),
            new Officialese("mits", "als"), new Officialese("terzake", "hierover"),
            new Officialese("uiterlijk", "voor"), new Officialese("overeenkomstig", "volgens"));
    private static final List<Officialese> OFFICIALESE_EN = List.of(
            new Officialese("hereby", "(leave out)"), new Officialese("henceforth", "from now on"),
            new Officialese("in accordance with", "under"), new Officialese("commence", "start"),
            new Officialese("prior to", "before"), new Officialese("in order to", "to"),
            new Officialese("pursuant to", "under"), new Officialese("whereas", "but"),
            new Officialese("utilise", "use"), new Officialese("notwithstanding", "despite"));
    private static final Set<String> EN_SILENT_E_EXCEPTIONS = Set.of("the", "he", "she", "we", "me", "be");

    private ReadingLevel() {
    }

    /** Assesses a text in Dutch (or English when the locale's language is "en"). */
    public static Readability assess(String text, Locale locale) {
        boolean english = locale != null && "en".equals(locale.getLanguage());
        String plain = text == null ? "" : PLACEHOLDER.matcher(text).replaceAll("naam");
        List<Flag> flags = new ArrayList<>();
        int words = 0;
        int syllables = 0;
        int sentences = 0;
        BreakIterator breaks = BreakIterator.getSentenceInstance(english ? Locale.ENGLISH : Locale.of("nl"));
        breaks.setText(plain);
        int start = breaks.first();
        for (int end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
            String sentence = plain.substring(start, end).strip();
            List<String> sentenceWords = words(sentence);
            if (sentenceWords.isEmpty()) {
                continue;
            }
            sentences++;
            words += sentenceWords.size();
            if (sentenceWords.size() > LONG_SENTENCE_WORDS) {
                flags.add(new Flag(Flag.Kind.LONG_SENTENCE, abbreviate(sentence), null, sentenceWords.size()));
            }
            for (String word : sentenceWords) {
                int count = syllables(word, english);
                syllables += count;
                if (count > LONG_WORD_SYLLABLES) {
                    flags.add(new Flag(Flag.Kind.LONG_WORD, word, null, count));
                }
            }
        }
        String lower = " " + plain.toLowerCase(english ? Locale.ENGLISH : Locale.of("nl"))
                .replaceAll("[^\\p{L}\\s]", " ").replaceAll("\\s+", " ") + " ";
        for (Officialese o : english ? OFFICIALESE_EN : OFFICIALESE_NL) {
            if (lower.contains(" " + o.word() + " ")) {
                flags.add(new Flag(Flag.Kind.OFFICIALESE, o.word(), o.plainer(), 0));
            }
        }
        if (words == 0) {
            return new Readability(0, 0, 0, 0, 100, true, List.of());
        }
        double wordsPerSentence = (double) words / sentences;
        double syllablesPerWord = (double) syllables / words;
        double score = english ? 206.835 - 1.015 * wordsPerSentence - 84.6 * syllablesPerWord
                : 206.84 - 0.93 * wordsPerSentence - 77.0 * syllablesPerWord;
        boolean b1 = score >= B1_THRESHOLD
                && flags.stream().noneMatch(f -> f.kind() == Flag.Kind.LONG_SENTENCE);
        return new Readability(words, sentences, wordsPerSentence, syllablesPerWord, score, b1, List.copyOf(flags));
    }

    static List<String> words(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    static int syllables(String word, boolean english) {
        String w = word.toLowerCase(english ? Locale.ENGLISH : Locale.of("nl"));
        int count = 0;
        Matcher m = (english ? VOWEL_GROUP_EN : VOWEL_GROUP_NL).matcher(w);
        while (m.find()) {
            count++;
        }
        if (english && count > 1 && w.endsWith("e") && !w.endsWith("le") && !EN_SILENT_E_EXCEPTIONS.contains(w)) {
            count--;
        }
        if (!english) {
            // "ie", "eu", "oe", "ou", "au", "ei", "ui", "aa", "ee", "oo", "uu" are single sounds and
            // already one group; "ee" + "uw" etc. stay one group too. Only a diaeresis splits a group
            // (financiële, ideeën), which the vowel class sees as one group: count it apart.
            count += countDiaeresis(w);
        }
        return Math.max(1, count);
    }

    private static int countDiaeresis(String w) {
        int extra = 0;
        for (int i = 1; i < w.length(); i++) {
            char c = w.charAt(i);
            if ((c == 'ë' || c == 'ï' || c == 'ü' || c == 'ö' || c == 'ä') && isVowel(w.charAt(i - 1))) {
                extra++;
            }
        }
        return extra;
    }

    private static boolean isVowel(char c) {
        return "aeiouyàáâäèéêëìíîïòóôöùúûü".indexOf(c) >= 0;
    }

    private static String abbreviate(String sentence) {
        return sentence.length() <= 80 ? sentence : sentence.substring(0, 77) + "...";
    }

    private record Officialese(String word, String plainer) {
    }

    /**
     * The assessment of one text.
     *
     * @param words number of words
     * @param sentences number of sentences
     * @param wordsPerSentence average sentence length
     * @param syllablesPerWord average word length in syllables
     * @param score Flesch-Douma (Dutch) or Flesch (English) reading ease, higher is easier
     * @param b1 whether the text counts as level B1 or easier: a score of at least 60 and no long sentence
     * @param flags what to look at: long sentences, long words, officialese
     */
    public record Readability(int words, int sentences, double wordsPerSentence, double syllablesPerWord,
            double score, boolean b1, List<Flag> flags) {
    }

    /**
     * Something a writer of plain language would change.
     *
     * @param kind what kind of problem
     * @param text the sentence or word concerned
     * @param suggestion a plainer word, for officialese
     * @param count the words in the sentence, or the syllables in the word
     */
    public record Flag(Kind kind, String text, String suggestion, int count) {

        /** The kinds of problem. */
        public enum Kind {
            LONG_SENTENCE, LONG_WORD, OFFICIALESE
        }
    }
}
