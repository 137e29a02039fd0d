// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.insights;

import java.time.LocalTime;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Nightly jobs of the insights module (db-scheduler, one node at a time): refreshing the monthly
 * KPI roll-ups of every organisation that has KPIs, and the council report of the last quarter
 * for every organisation that has none yet ({@code stadskompas.insights.report.schedule}).
 */
@Configuration(proxyBeanMethods = false)
class InsightsJobs {

    private static final Logger LOG = LoggerFactory.getLogger(InsightsJobs.class);

    @Bean
    RecurringTask<Void> insightsKpiRefreshTask(Kpis kpis) {
        return Tasks.recurring("insights-kpi-refresh", Schedules.daily(LocalTime.of(2, 30)))
                .execute((instance, context) -> {
                    for (var tenant : kpis.tenantsWithKpis()) {
                        try {
                            kpis.refresh(tenant);
                        } catch (RuntimeException e) {
                            LOG.warn("Refreshing the KPI figures of organisation {} failed", tenant, e);
                        }
                    }
                });
    }

    @Bean
    RecurringTask<Void> insightsCouncilReportTask(Reports reports) {
        return Tasks.recurring("insights-council-report", Schedules.daily(LocalTime.of(4, 0)))
                .execute((instance, context) -> {
                    int made = reports.generateDue();
                    if (made > 0) {
                        LOG.info("Made {} quarterly council reports", made);
                    }
                });
    }
}
