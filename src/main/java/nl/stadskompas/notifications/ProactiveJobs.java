// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.notifications;

import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The persistent job that queues a document expiry notice at its notice time (db-scheduler: runs on
 * one node, survives restarts; queueing is idempotent by the notice's dedup key).
 */
@Configuration(proxyBeanMethods = false)
class ProactiveJobs {

    @Bean
    OneTimeTask<Void> documentExpiryTask(@Lazy ProactiveNotices notices) {
        return Tasks.oneTime(ProactiveNotices.EXPIRY_TASK)
                .execute((instance, context) -> notices.sendExpiryNotice(UUID.fromString(instance.getId())));
    }
}
