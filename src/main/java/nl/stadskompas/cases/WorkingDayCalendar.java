// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.cases;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;

/**
 * Working days in the Netherlands: Monday to Friday, except the official public holidays as the
 * maintained jollyday library knows them (New Year, Easter Monday, King's Day, Ascension Day, Whit
 * Monday, Christmas and Boxing Day). Good Friday is not a day off for municipal offices (the library
 * marks it as an observance only). Liberation Day (5 May) follows {@link LiberationDay}: by default a
 * day off only in lustrum years (2025, 2030, ...), as the collective agreement of municipalities treats
 * it; see the decision record on the working-day calendar.
 */
public final class WorkingDayCalendar {

    /** The time zone in which dates of cases are counted. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    private static final String LIBERATION = "LIBERATION";

    /** How Liberation Day (5 May) counts. */
    public enum LiberationDay {
        /** A day off only every fifth year (2020, 2025, 2030, ...). */
        LUSTRUM_YEARS,
        /** A day off every year. */
        EVERY_YEAR,
        /** Always a working day. */
        NEVER
    }

    private final HolidayManager holidays;
    private final LiberationDay liberationDay;
    private final Map<Integer, Set<LocalDate>> daysOffByYear = new ConcurrentHashMap<>();

    public WorkingDayCalendar(LiberationDay liberationDay) {
        this.holidays = HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.NETHERLANDS));
        this.liberationDay = liberationDay;
    }

    /** Whether offices are open on this date. */
    public boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidaysIn(date.getYear()).contains(date);
    }

    /** The public holidays (days off) of a year that count here. */
    public Set<LocalDate> holidaysIn(int year) {
        return daysOffByYear.computeIfAbsent(year, this::load);
    }

    /**
     * The date that lies {@code days} working days after {@code start}: the start day itself does not
     * count, so a request made on a Friday with a norm of 1 working day is due on Monday.
     */
    public LocalDate plusWorkingDays(LocalDate start, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative");
        }
        LocalDate date = start;
        int left = days;
        while (left > 0) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                left--;
            }
        }
        return date;
    }

    /**
     * The number of working days after {@code from} up to and including {@code to}; negative when
     * {@code to} lies before {@code from}. The age of a case registered today is 0.
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }

    private Set<LocalDate> load(int year) {
        return holidays.getHolidays(Year.of(year), HolidayType.PUBLIC_HOLIDAY).stream()
                .filter(h -> !LIBERATION.equals(h.getPropertiesKey()) || liberationIsDayOff(year))
                .map(Holiday::getDate)
                .collect(Collectors.toUnmodifiableSet());
    }

    private boolean liberationIsDayOff(int year) {
        return switch (liberationDay) {
            case EVERY_YEAR -> true;
            case NEVER -> false;
            case LUSTRUM_YEARS -> year % 5 == 0;
        };
    }
}
