// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.SchedulerClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * On start, makes sure every queued message has its delivery job: messages that waited for an
 * SMTP server to be configured, or whose job was lost with a wiped job table, are sent after all.
 * Scheduling is idempotent, so on several nodes this is harmless.
 */
@Component
class QueuedMessages implements ApplicationRunner {

    private final JdbcClient jdbc;
    private final SchedulerClient scheduler;
    private final ObjectProvider<JavaMailSender> mail;
    private final ObjectProvider<MessageGateway> gateway;
    private final Clock clock;

    QueuedMessages(JdbcClient jdbc, SchedulerClient scheduler, ObjectProvider<JavaMailSender> mail,
            ObjectProvider<MessageGateway> gateway, Clock clock) {
        this.jdbc = jdbc;
        this.scheduler = scheduler;
        this.mail = mail;
        this.gateway = gateway;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean email = mail.getIfAvailable() != null;
        boolean other = gateway.getIfAvailable() != null;
        if (!email && !other) {
            return;
        }
        String channels = email && other ? "" : email ? " AND m.channel = 'EMAIL'" : " AND m.channel <> 'EMAIL'";
        Instant now = clock.instant();
        jdbc.sql("SELECT m.id, m.due_at FROM ntf_message m WHERE m.status = 'QUEUED'" + channels + " AND NOT EXISTS "
                        + "(SELECT 1 FROM scheduled_tasks t WHERE t.task_name = :task "
                        + "AND t.task_instance = CAST(m.id AS VARCHAR(200)))")
                .param("task", MessageDelivery.TASK.getTaskName())
                .query((rs, n) -> {
                    UUID id = rs.getObject(1, UUID.class);
                    Instant due = rs.getTimestamp(2).toInstant();
                    scheduler.scheduleIfNotExists(MessageDelivery.TASK.instance(id.toString())
                            .scheduledTo(due.isBefore(now) ? now : due));
                    return id;
                })
                .list();
    }
}
