// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The results of a questionnaire, with every group below the minimum suppressed.
 *
 * @param total all responses in view (shown only when at least the minimum)
 * @param version the version the results are limited to, or null for all versions
 * @param versionRefused whether a version filter was asked for but refused because it or the
 *        other versions together are too small (it would let a small group be worked out)
 * @param weeks responses per week (Monday), oldest first
 * @param questions per question of the latest version: n, distribution, mean, share positive
 * @param breakdown the chosen breakdown, or null
 * @param minimumGroup the smallest group that is shown
 */
public record Results(long total, boolean totalSuppressed, UUID version, boolean versionRefused,
        List<WeekCount> weeks, List<QuestionStatistics> questions, Breakdown breakdown, int minimumGroup) {

    /**
     * @param count null when suppressed
     */
    public record WeekCount(LocalDate week, Long count) {
    }

    /**
     * One question's result per group of a context field or demographic question.
     *
     * @param field {@code service}, {@code channel}, {@code municipality}, {@code location} or a question key
     * @param questionKey the scale or mark question broken down
     */
    public record Breakdown(String field, String questionKey, List<Group> groups) {
    }

    /**
     * @param value the group's value (a service or municipality id, a channel or option code, a
     *        location), or null for "not known"
     * @param label the group's name as users read it
     * @param n respondents with a value; null when suppressed
     * @param mean null when suppressed
     * @param sharePositive null when suppressed
     */
    public record Group(String value, String label, Long n, Double mean, Double sharePositive) {

        public boolean suppressed() {
            return n == null;
        }
    }
}
