// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The result of one question: how many answered, the distribution over the answers, the mean of a
 * scale or mark, and the share positive (4 or 5 on the agreement scale, 7 or higher as a mark,
 * counted over those who gave a value, so without "don't know"). When fewer than the minimum gave a
 * value, nothing but that fact is shown.
 *
 * @param n respondents who gave a value ("don't know" not included)
 * @param dontKnow respondents who answered "don't know / not applicable"
 * @param suppressed whether the group is too small to show
 * @param distribution one share per possible answer, in the order of the scale or the options
 * @param mean the mean value of a scale or mark, or null
 * @param sharePositive the percentage positive for a scale or mark, or null
 */
public record QuestionStatistics(Question question, long n, long dontKnow, boolean suppressed,
        List<Share> distribution, Double mean, Double sharePositive) {

    /**
     * One possible answer and how often it was given.
     *
     * @param value the scale value or option code
     * @param percent share of n, 0 to 100
     */
    public record Share(String value, long count, double percent) {
    }

    /**
     * Computes the result from counts per raw value.
     *
     * @param counts how often each value was given ({@code dk} for "don't know"); for a multiple
     *        choice question one count per chosen option
     * @param respondents how many respondents answered the question (for multiple choice, the
     *        percentages are of them)
     */
    public static QuestionStatistics of(Question question, Map<String, Long> counts, long respondents, int minimum) {
        QuestionType type = question.type();
        long dontKnow = counts.getOrDefault(QuestionType.DONT_KNOW, 0L);
        long n = type == QuestionType.MULTIPLE_CHOICE || type.isText() ? respondents
                : counts.entrySet().stream().filter(e -> !QuestionType.DONT_KNOW.equals(e.getKey()))
                        .mapToLong(Map.Entry::getValue).sum();
        if (n < minimum) {
            return new QuestionStatistics(question, n, dontKnow, true, List.of(), null, null);
        }
        List<Share> shares = new ArrayList<>();
        Double mean = null;
        Double positive = null;
        if (type.isScale()) {
            long sum = 0;
            long good = 0;
            for (int v = type.min(); v <= type.max(); v++) {
                long c = counts.getOrDefault(String.valueOf(v), 0L);
                shares.add(new Share(String.valueOf(v), c, percent(c, n)));
                sum += c * v;
                good += type.positive(v) ? c : 0;
            }
            mean = (double) sum / n;
            positive = percent(good, n);
        } else if (type.hasOptions()) {
            for (ChoiceOption o : question.options()) {
                long c = counts.getOrDefault(o.code(), 0L);
                shares.add(new Share(o.code(), c, percent(c, n)));
            }
        }
        return new QuestionStatistics(question, n, dontKnow, false, List.copyOf(shares), mean, positive);
    }

    static double percent(long part, long whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }
}
