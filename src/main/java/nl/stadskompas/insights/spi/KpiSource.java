// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.insights.spi;

import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A source of figures for the KPIs of the insights module. A module that holds operational data
 * (cases) or survey answers (feedback) contributes an implementation as a bean, reading its own
 * tables; insights keeps monthly roll-ups of what it delivers and never touches those tables.
 * <p>
 * Every method filters on the tenant. Figures come per calendar month as count, sum and sum of
 * squares per combination of the filter dimensions, so that insights can add months into quarters
 * and years and test a change between periods.
 */
public interface KpiSource {

    /** The measures this source offers in the tenant. Codes are unique across sources. */
    List<Measure> measures(UUID tenantId);

    /**
     * Delivers the monthly figures of a measure for the months {@code from} to {@code to}
     * (inclusive), one cell per month and combination of dimensions that has data. Does nothing for
     * a measure this source does not offer.
     */
    void monthly(UUID tenantId, String measure, YearMonth from, YearMonth to, Consumer<Cell> cells);

    /** Names of the dimension values this source knows (teams, services, municipalities...). */
    default List<DimensionValue> dimensionValues(UUID tenantId) {
        return List.of();
    }

    /** Soft: from what people say in surveys. Hard: from operational data. */
    enum Kind {
        SOFT, HARD
    }

    /** What the figure is. */
    enum Unit {
        /** A mean score on a scale (agreement 1-5, report mark 1-10). */
        SCORE,
        /** A share between 0 and 1 (the mean of yes = 1 / no = 0). */
        SHARE,
        /** A number of days. */
        DAYS,
        /** A number of things (cases); the count is the figure. */
        COUNT
    }

    /** How months make a quarter or a year. */
    enum Aggregation {
        /** Counts, sums and sums of squares add up (a flow: answers given, cases closed). */
        ADDITIVE,
        /** A stock at the end of the month: a period takes its last month. */
        LAST
    }

    /**
     * The dimensions figures can be filtered and broken down by. A segment is the option a respondent
     * chose in the organisation's segment question (such as "as a resident" or "as an entrepreneur");
     * only survey figures have one.
     */
    enum Dimension {
        MUNICIPALITY, SERVICE, CHANNEL, TEAM, SEGMENT
    }

    /** Who gave the answers of a soft figure. Hard figures have no group. */
    enum Group {
        RESIDENTS, EMPLOYEES
    }

    /**
     * A measure offered by a source.
     *
     * @param code unique code, such as {@code SURVEY:MEAN:S1} or {@code CASES:LEAD_TIME}
     * @param higherIsBetter whether a higher figure is better (a mean score) or worse (lead time)
     * @param scaleMin lowest value of a score, or null
     * @param scaleMax highest value of a score, or null
     */
    record Measure(String code, Kind kind, Unit unit, Aggregation aggregation, boolean higherIsBetter,
            String labelNl, String labelEn, Double scaleMin, Double scaleMax) {

        public String label(Locale locale) {
            return "en".equals(locale.getLanguage()) && labelEn != null && !labelEn.isBlank() ? labelEn : labelNl;
        }
    }

    /**
     * The figures of one month for one combination of dimensions. For a count, {@code n} is the
     * count and {@code sum} and {@code sumSquares} equal it.
     *
     * @param group residents or employees for a soft figure, null for a hard one
     * @param n the number of observations (answers, cases)
     * @param sum the sum of the observed values
     * @param sumSquares the sum of their squares
     * @param segment the code of the option chosen in the segment question, or null (always null for
     *        a hard figure: cases do not know who the requester is)
     */
    record Cell(YearMonth month, UUID municipalityId, UUID serviceId, String channel, UUID teamId, Group group,
            long n, double sum, double sumSquares, String segment) {

        /** A cell without a segment. */
        public Cell(YearMonth month, UUID municipalityId, UUID serviceId, String channel, UUID teamId, Group group,
                long n, double sum, double sumSquares) {
            this(month, municipalityId, serviceId, channel, teamId, group, n, sum, sumSquares, null);
        }
    }

    /** The name of a dimension value ({@code value} is the id, or the channel code). */
    record DimensionValue(Dimension dimension, String value, String labelNl, String labelEn) {

        public String label(Locale locale) {
            return "en".equals(locale.getLanguage()) && labelEn != null && !labelEn.isBlank() ? labelEn : labelNl;
        }
    }
}
