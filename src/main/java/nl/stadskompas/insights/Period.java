// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.insights;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A month, quarter or year, starting on its first day.
 */
public record Period(Type type, LocalDate start) {

    /** The length of a period. */
    public enum Type {
        MONTH(1), QUARTER(3), YEAR(12);

        private final int months;

        Type(int months) {
            this.months = months;
        }

        public int months() {
            return months;
        }

        public String messageKey() {
            return "insights.period." + name();
        }
    }

    public Period {
        start = startOf(type, start);
    }

    /** The period of the given type that contains the day. */
    public static Period containing(Type type, LocalDate day) {
        return new Period(type, day);
    }

    private static LocalDate startOf(Type type, LocalDate day) {
        return switch (type) {
            case MONTH -> day.withDayOfMonth(1);
            case QUARTER -> LocalDate.of(day.getYear(), ((day.getMonthValue() - 1) / 3) * 3 + 1, 1);
            case YEAR -> LocalDate.of(day.getYear(), 1, 1);
        };
    }

    /**
     * Reads a period as written by {@link #code()}: {@code 2026}, {@code 2026-Q1} or {@code 2026-03}.
     *
     * @throws IllegalArgumentException when the text is none of these
     */
    public static Period parse(String code) {
        try {
            if (code.matches("\\d{4}")) {
                return new Period(Type.YEAR, LocalDate.of(Integer.parseInt(code), 1, 1));
            }
            if (code.matches("\\d{4}-Q[1-4]")) {
                int q = code.charAt(6) - '0';
                return new Period(Type.QUARTER, LocalDate.of(Integer.parseInt(code.substring(0, 4)), q * 3 - 2, 1));
            }
            if (code.matches("\\d{4}-\\d{2}")) {
                return new Period(Type.MONTH, YearMonth.parse(code).atDay(1));
            }
        } catch (DateTimeParseException e) {
            // falls through
        }
        throw new IllegalArgumentException(code);
    }

    public String code() {
        return switch (type) {
            case YEAR -> String.valueOf(start.getYear());
            case QUARTER -> start.getYear() + "-Q" + ((start.getMonthValue() + 2) / 3);
            case MONTH -> YearMonth.from(start).toString();
        };
    }

    public String label(Locale locale) {
        return switch (type) {
            case YEAR -> String.valueOf(start.getYear());
            case QUARTER -> ("en".equals(locale.getLanguage()) ? "Q" : "K") + ((start.getMonthValue() + 2) / 3) + " "
                    + start.getYear();
            case MONTH -> start.getMonth().getDisplayName(TextStyle.SHORT, locale) + " " + start.getYear();
        };
    }

    /** The last day of the period. */
    public LocalDate end() {
        return start.plusMonths(type.months()).minusDays(1);
    }

    public YearMonth firstMonth() {
        return YearMonth.from(start);
    }

    public YearMonth lastMonth() {
        return YearMonth.from(end());
    }

    public Period previous() {
        return new Period(type, start.minusMonths(type.months()));
    }

    public Period next() {
        return new Period(type, start.plusMonths(type.months()));
    }

    public boolean contains(YearMonth month) {
        return !month.isBefore(firstMonth()) && !month.isAfter(lastMonth());
    }

    /** This period and the {@code count - 1} before it, oldest first. */
    public List<Period> trend(int count) {
        List<Period> periods = new ArrayList<>();
        Period p = this;
        for (int i = 0; i < count; i++) {
            periods.add(0, p);
            p = p.previous();
        }
        return periods;
    }
}
