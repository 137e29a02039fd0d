// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.notifications;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import nl.stadskompas.cases.CaseClosed;
import nl.stadskompas.cases.CaseKind;
import nl.stadskompas.cases.CaseRegistered;
import nl.stadskompas.cases.CaseTracking;
import nl.stadskompas.cases.CaseTracking.CaseSnapshot;
import nl.stadskompas.cases.RequesterContact;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * An update every two weeks (configurable) on an open complaint, saying where it stands now. The
 * n-th update is a persistent job due n periods after registration; when it runs it reads the case,
 * queues the update (dedup key per case and number, so a job run twice sends it once) and plans the
 * next one. Closing the complaint removes the planned job, and a job that runs after all finds the
 * case closed and stops.
 */
@Configuration(proxyBeanMethods = false)
class ComplaintUpdates {

    static final TaskDescriptor<Void> TASK = TaskDescriptor.of("proactive-complaint-update");

    @Bean
    OneTimeTask<Void> complaintUpdateTask(@Lazy Updater updater) {
        return Tasks.oneTime(TASK).execute((instance, context) -> updater.run(instance.getId()));
    }

    @Bean
    Updater complaintUpdater(CaseTracking cases, Messaging messaging, ProactiveTexts texts, SchedulerClient scheduler,
            JdbcClient jdbc, @Value("${stadskompas.proactive.complaint-update-interval:P14D}") Duration interval) {
        return new Updater(cases, messaging, texts, scheduler, jdbc, interval);
    }

    /** Plans, sends and stops the updates. */
    static class Updater {

        private final CaseTracking cases;
        private final Messaging messaging;
        private final ProactiveTexts texts;
        private final SchedulerClient scheduler;
        private final JdbcClient jdbc;
        private final Duration interval;

        Updater(CaseTracking cases, Messaging messaging, ProactiveTexts texts, SchedulerClient scheduler,
                JdbcClient jdbc, Duration interval) {
            this.cases = cases;
            this.messaging = messaging;
            this.texts = texts;
            this.scheduler = scheduler;
            this.jdbc = jdbc;
            this.interval = interval;
        }

        @ApplicationModuleListener
        void registered(CaseRegistered event) {
            if (event.kind() == CaseKind.COMPLAINT) {
                plan(event.tenantId(), event.caseId(), 1, event.registeredAt());
            }
        }

        @ApplicationModuleListener
        void closed(CaseClosed event) {
            if (event.kind() != CaseKind.COMPLAINT) {
                return;
            }
            jdbc.sql("SELECT task_instance FROM scheduled_tasks WHERE task_name = :n AND task_instance LIKE :p")
                    .param("n", TASK.getTaskName()).param("p", event.tenantId() + "_" + event.caseId() + "_%")
                    .query(String.class).list()
                    .forEach(id -> {
                        try {
                            scheduler.cancel(TaskInstanceId.of(TASK.getTaskName(), id));
                        } catch (RuntimeException e) {
                            // running or gone already: the job itself finds the case closed
                        }
                    });
        }

        /** When the n-th update of a complaint registered at this moment is due. */
        Instant due(Instant registeredAt, int number) {
            return registeredAt.plus(interval.multipliedBy(number));
        }

        void run(String instanceId) {
            String[] parts = instanceId.split("_");
            UUID tenantId = UUID.fromString(parts[0]);
            UUID caseId = UUID.fromString(parts[1]);
            int number = Integer.parseInt(parts[2]);
            CaseSnapshot c = cases.find(tenantId, caseId).orElse(null);
            RequesterContact requester = cases.requester(tenantId, caseId).orElse(null);
            if (c == null || c.closed() || requester == null || requester.email() == null
                    || requester.email().isBlank()) {
                return; // closed, gone, or no e-mail address: no more updates
            }
            Locale locale = ProactiveTexts.locale(requester.language());
            boolean english = Locale.ENGLISH.equals(locale);
            String standing = english && c.residentTextEn() != null ? c.residentTextEn() : c.residentTextNl();
            String next = english && c.nextStepEn() != null ? c.nextStepEn() : c.nextStepNl();
            StringBuilder body = new StringBuilder(texts.text("proactive.complaint.body", locale, c.subject(),
                    standing == null ? "" : standing));
            if (next != null && !next.isBlank()) {
                body.append("\n\n").append(texts.text("proactive.complaint.next", locale, next));
            }
            LocalDate expected = c.expectedDate();
            if (expected != null) {
                body.append("\n\n").append(texts.text("proactive.complaint.expected", locale,
                        ProactiveTexts.date(expected, locale)));
            }
            String link = cases.issueProgressLink(tenantId, caseId).map(texts::url).orElse(null);
            if (link != null) {
                body.append("\n\n").append(texts.text("proactive.complaint.link", locale, link));
            }
            messaging.queue(new OutgoingMessage(tenantId, "cases.complaint-update", Channel.EMAIL, requester.email(),
                    locale, texts.text("proactive.complaint.subject", locale, c.reference()),
                    texts.letter(tenantId, locale, body.toString()), null,
                    "complaint-" + caseId + "-update-" + number,
                    MessageTemplates.values("reference", c.reference(), "subject", c.subject(), "status", standing,
                            "nextStep", next, "expectedDate", expected == null ? null
                                    : ProactiveTexts.date(expected, locale), "link", link,
                            "reachUs", texts.reachUs(tenantId, locale), "organisation", texts.organisation(tenantId))));
            plan(tenantId, caseId, number + 1, c.registeredAt());
        }

        private void plan(UUID tenantId, UUID caseId, int number, Instant registeredAt) {
            scheduler.scheduleIfNotExists(TASK.instance(tenantId + "_" + caseId + "_" + number)
                    .scheduledTo(due(registeredAt, number)));
        }
    }
}
