// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.insights;

import java.text.NumberFormat;
import java.util.Locale;

import nl.stadskompas.insights.Kpis.Figure;
import nl.stadskompas.insights.Kpis.Kpi;
import nl.stadskompas.insights.spi.KpiSource.Unit;

import org.springframework.context.MessageSource;

/**
 * KPI figures as people read them, in their language: scores and days with one decimal, shares in
 * percent, counts whole; "too few" for a suppressed figure. Pages, the PDF and the spreadsheet use it.
 */
public final class KpiFormat {

    private final MessageSource messages;
    private final Locale locale;
    private final int minimum;

    public KpiFormat(MessageSource messages, Locale locale, int minimum) {
        this.messages = messages;
        this.locale = locale;
        this.minimum = minimum;
    }

    public String number(Kpi kpi, Double value) {
        if (value == null) {
            return text("insights.figure.none");
        }
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setGroupingUsed(true);
        f.setRoundingMode(java.math.RoundingMode.HALF_UP);
        return switch (kpi.unit()) {
            case COUNT -> {
                f.setMaximumFractionDigits(0);
                yield f.format(value);
            }
            case SHARE -> {
                f.setMaximumFractionDigits(0);
                yield f.format(value * 100) + "%";
            }
            default -> {
                f.setMinimumFractionDigits(1);
                f.setMaximumFractionDigits(1);
                yield f.format(value);
            }
        };
    }

    /** A target or reference value, entered as people read it (shares in percent). */
    public String entered(Kpi kpi, double value) {
        return number(kpi, kpi.unit() == Unit.SHARE ? value / 100 : value);
    }

    public String figure(Kpi kpi, Figure figure) {
        if (figure == null) {
            return text("insights.figure.none");
        }
        if (figure.suppressed()) {
            return messages.getMessage("insights.figure.suppressed", new Object[] { minimum }, locale);
        }
        return number(kpi, figure.value());
    }

    /** The margin of error as "± 0,3", or empty. */
    public String margin(Kpi kpi, Figure figure) {
        if (figure == null || figure.marginOfError() == null || figure.marginOfError().isNaN() || !figure.shown()) {
            return "";
        }
        return "± " + number(kpi, figure.marginOfError());
    }

    public String change(Kpi kpi, Double change) {
        if (change == null) {
            return text("insights.figure.none");
        }
        String s = number(kpi, Math.abs(change));
        return (change > 0 ? "+" : change < 0 ? "−" : "") + s;
    }

    public String p(Double p) {
        if (p == null) {
            return "";
        }
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMaximumFractionDigits(3);
        f.setMinimumFractionDigits(3);
        return p < 0.001 ? "< " + f.format(0.001) : f.format(p);
    }

    public String text(String key) {
        return messages.getMessage(key, null, key, locale);
    }
}
