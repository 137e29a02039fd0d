// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import java.time.LocalTime;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Removes contact consents past their retention period every night, as a persistent recurring job
 * (db-scheduler) that runs on one node at a time.
 */
@Configuration(proxyBeanMethods = false)
class ConsentRetention {

    private static final Logger LOG = LoggerFactory.getLogger(ConsentRetention.class);

    @Bean
    RecurringTask<Void> feedbackConsentRetentionTask(ContactConsents consents) {
        return Tasks.recurring("feedback-consent-retention", Schedules.daily(LocalTime.of(3, 15)))
                .execute((instance, context) -> {
                    int removed = consents.removeExpired();
                    if (removed > 0) {
                        LOG.info("Removed {} contact consents past the retention period", removed);
                    }
                });
    }
}
