// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.cases;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import nl.stadskompas.insights.spi.KpiSource;
import nl.stadskompas.organisation.OrganisationCatalogue;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hard KPIs of cases for the insights module, read from this module's own tables: lead time
 * and the share closed within the norm (per month of closing), and at the end of each month the
 * backlog, the open cases past their norm date and the mean age of open work. Service comes from the
 * case type, team is the owning team, municipality is the one recorded on the case. Cases without a
 * municipality (older ones, and those whose intake did not say) are delivered without one, so a
 * municipality filter leaves them out rather than guessing.
 */
@Component
class CaseKpis implements KpiSource {

    static final String LEAD_TIME = "CASES:LEAD_TIME";
    static final String WITHIN_NORM = "CASES:WITHIN_NORM";
    static final String BACKLOG = "CASES:BACKLOG";
    static final String OPEN_OVER_NORM = "CASES:OPEN_OVER_NORM";
    static final String OPEN_AGE = "CASES:OPEN_AGE";

    private static final List<Measure> MEASURES = List.of(
            new Measure(LEAD_TIME, Kind.HARD, Unit.DAYS, Aggregation.ADDITIVE, false,
                    "Doorlooptijd van afgeronde zaken (dagen)", "Lead time of closed cases (days)", null, null),
            new Measure(WITHIN_NORM, Kind.HARD, Unit.SHARE, Aggregation.ADDITIVE, true,
                    "Zaken afgerond binnen de norm", "Cases closed within the norm", null, null),
            new Measure(BACKLOG, Kind.HARD, Unit.COUNT, Aggregation.LAST, false,
                    "Openstaande zaken (werkvoorraad)", "Open cases (backlog)", null, null),
            new Measure(OPEN_OVER_NORM, Kind.HARD, Unit.COUNT, Aggregation.LAST, false,
                    "Openstaande zaken over de norm", "Open cases past the norm", null, null),
            new Measure(OPEN_AGE, Kind.HARD, Unit.DAYS, Aggregation.LAST, false,
                    "Gemiddelde leeftijd van open zaken (dagen)", "Mean age of open cases (days)", null, null));

    private final JdbcClient jdbc;
    private final OrganisationCatalogue catalogue;
    private final MessageSource messages;
    private final Clock clock;

    CaseKpis(JdbcClient jdbc, OrganisationCatalogue catalogue, MessageSource messages, Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.messages = messages;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    @Override
    public List<Measure> measures(UUID tenantId) {
        return MEASURES;
    }

    @Override
    public List<DimensionValue> dimensionValues(UUID tenantId) {
        List<DimensionValue> values = new ArrayList<>();
        catalogue.teams(tenantId).forEach(t -> values.add(new DimensionValue(Dimension.TEAM, t.id().toString(),
                t.name(), null)));
        catalogue.services(tenantId).forEach(s -> values.add(new DimensionValue(Dimension.SERVICE,
                s.id().toString(), s.name(), null)));
        catalogue.municipalities(tenantId).forEach(m -> values.add(new DimensionValue(Dimension.MUNICIPALITY,
                m.id().toString(), m.name(), null)));
        for (IntakeChannel c : IntakeChannel.values()) {
            values.add(new DimensionValue(Dimension.CHANNEL, c.name(),
                    messages.getMessage(c.messageKey(), null, c.name(), Locale.of("nl")),
                    messages.getMessage(c.messageKey(), null, c.name(), Locale.ENGLISH)));
        }
        return values;
    }

    /** The dimensions of a cell, and the month. */
    private record Key(YearMonth month, UUID municipalityId, UUID serviceId, String channel, UUID teamId) {
    }

    @Override
    @Transactional(readOnly = true)
    public void monthly(UUID tenantId, String measure, YearMonth from, YearMonth to, Consumer<Cell> cells) {
        if (MEASURES.stream().noneMatch(m -> m.code().equals(measure))) {
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE));
        Map<Key, double[]> sums = new HashMap<>();
        boolean flow = measure.equals(LEAD_TIME) || measure.equals(WITHIN_NORM);
        String sql = "SELECT cf.registered_on, cf.closed_at, cf.norm_date, ct.service_id, cf.channel, cf.owner_team_id, "
                + "cf.municipality_id "
                + "FROM case_file cf JOIN case_type ct ON ct.id = cf.case_type_id WHERE cf.tenant_id = :t AND "
                + (flow ? "cf.closed_at >= :a AND cf.closed_at < :b"
                        : "cf.registered_on <= :e AND (cf.closed_at IS NULL OR cf.closed_at >= :a)");
        Timestamp start = Timestamp.from(from.atDay(1).atStartOfDay(WorkingDayCalendar.ZONE).toInstant());
        Timestamp end = Timestamp.from(to.plusMonths(1).atDay(1).atStartOfDay(WorkingDayCalendar.ZONE).toInstant());
        var statement = jdbc.sql(sql).param("t", tenantId).param("a", start);
        statement = flow ? statement.param("b", end) : statement.param("e", to.atEndOfMonth());
        statement.query(rs -> {
            LocalDate registered = rs.getDate(1).toLocalDate();
            Timestamp closedAt = rs.getTimestamp(2);
            LocalDate closed = closedAt == null ? null
                    : closedAt.toInstant().atZone(WorkingDayCalendar.ZONE).toLocalDate();
            LocalDate norm = rs.getDate(3).toLocalDate();
            UUID service = rs.getObject(4, UUID.class);
            String channel = rs.getString(5);
            UUID team = rs.getObject(6, UUID.class);
            UUID municipality = rs.getObject(7, UUID.class);
            if (flow) {
                double x = measure.equals(LEAD_TIME) ? ChronoUnit.DAYS.between(registered, closed)
                        : !closed.isAfter(norm) ? 1 : 0;
                add(sums, new Key(YearMonth.from(closed), municipality, service, channel, team), x);
                return;
            }
            YearMonth first = YearMonth.from(registered).isAfter(from) ? YearMonth.from(registered) : from;
            for (YearMonth m = first; !m.isAfter(to); m = m.plusMonths(1)) {
                LocalDate monthEnd = m.atEndOfMonth().isAfter(today) ? today : m.atEndOfMonth();
                if (registered.isAfter(monthEnd)) {
                    continue;
                }
                if (closed != null && !closed.isAfter(monthEnd)) {
                    break;
                }
                Key key = new Key(m, municipality, service, channel, team);
                switch (measure) {
                    case BACKLOG -> add(sums, key, 1);
                    case OPEN_OVER_NORM -> {
                        if (norm.isBefore(monthEnd)) {
                            add(sums, key, 1);
                        }
                    }
                    default -> add(sums, key, ChronoUnit.DAYS.between(registered, monthEnd));
                }
            }
        });
        sums.forEach((k, s) -> cells.accept(new Cell(k.month(), k.municipalityId(), k.serviceId(), k.channel(), k.teamId(), null,
                (long) s[0], s[1], s[2])));
    }

    private static void add(Map<Key, double[]> sums, Key key, double x) {
        double[] s = sums.computeIfAbsent(Objects.requireNonNull(key), k -> new double[3]);
        s[0]++;
        s[1] += x;
        s[2] += x * x;
    }
}
