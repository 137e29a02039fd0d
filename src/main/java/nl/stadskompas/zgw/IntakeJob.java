// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.zgw;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

import nl.stadskompas.cases.CaseHandling;
import nl.stadskompas.cases.CaseHandling.Registration;
import nl.stadskompas.cases.CaseTracking;
import nl.stadskompas.cases.CaseTracking.CaseSnapshot;
import nl.stadskompas.cases.CaseTypeView;
import nl.stadskompas.cases.StatusDefinition;
import nl.stadskompas.platform.ValidationProblem;
import nl.stadskompas.zgw.ZgwClient.Initiator;
import nl.stadskompas.zgw.ZgwClient.Status;
import nl.stadskompas.zgw.ZgwClient.StatusType;
import nl.stadskompas.zgw.ZgwClient.Zaak;
import nl.stadskompas.zgw.ZgwSettings.StatustypeMapping;
import nl.stadskompas.zgw.ZgwSettings.ZaaktypeMapping;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Processes a stored notification in a persistent job (db-scheduler): fetch the zaak, its status
 * and statustype, then register the case or change its status through the cases module, in one
 * transaction with the inbox update. What cannot be done yet (an unknown zaaktype or statustype, an
 * API that is away) is tried again with back-off, and shown on the intake log with the reason;
 * after the last attempt the notification is marked failed, still visible and retryable.
 */
@Configuration(proxyBeanMethods = false)
class IntakeJob {

    static final TaskDescriptor<Void> TASK = TaskDescriptor.of("zgw-intake");
    private static final Logger LOG = LoggerFactory.getLogger(IntakeJob.class);

    @Bean
    OneTimeTask<Void> zgwIntakeTask(Processor processor,
            @Value("${stadskompas.zgw.retry-base:PT1M}") Duration retryBase) {
        return Tasks.oneTime(TASK)
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(retryBase, 2.0))
                .execute((instance, context) -> processor.process(UUID.fromString(instance.getId())));
    }

    @Bean
    Processor zgwIntakeProcessor(JdbcClient jdbc, ZgwSettings settings, ZgwClient client, CaseHandling handling,
            CaseTracking tracking, TransactionTemplate transactions, Clock clock,
            @Value("${stadskompas.zgw.max-attempts:10}") int maxAttempts) {
        return new Processor(jdbc, settings, client, handling, tracking, transactions, clock, maxAttempts);
    }

    /**
     * Once a day, forgets notifications that were processed or ignored longer ago than
     * {@code stadskompas.zgw.keep-log}: the case keeps its own history, the log only explains recent intake.
     * Waiting and failed notifications stay until they are processed.
     */
    @Bean
    RecurringTask<Void> zgwIntakeCleanupTask(Cleanup cleanup) {
        return Tasks.recurring("zgw-intake-cleanup", Schedules.daily(LocalTime.of(3, 30)))
                .execute((instance, context) -> cleanup.run());
    }

    @Bean
    Cleanup zgwIntakeCleanup(JdbcClient jdbc, Clock clock,
            @Value("${stadskompas.zgw.keep-log:P90D}") Duration keep) {
        return new Cleanup(jdbc, clock, keep);
    }

    /** Removes old processed and ignored notifications from the inbox. */
    record Cleanup(JdbcClient jdbc, Clock clock, Duration keep) {

        int run() {
            return jdbc.sql("DELETE FROM zgw_inbox WHERE state IN ('PROCESSED', 'IGNORED') AND received_at < :before")
                    .param("before", Timestamp.from(clock.instant().minus(keep)))
                    .update();
        }
    }

    /** On start, every notification still waiting gets its job back (for a wiped job table). */
    @Bean
    ApplicationRunner zgwIntakeResume(JdbcClient jdbc, SchedulerClient scheduler, Clock clock) {
        return (ApplicationArguments args) -> jdbc.sql("SELECT i.id FROM zgw_inbox i WHERE i.state IN "
                        + "('RECEIVED', 'RETRYING') AND NOT EXISTS (SELECT 1 FROM scheduled_tasks t "
                        + "WHERE t.task_name = :task AND t.task_instance = CAST(i.id AS VARCHAR(200)))")
                .param("task", TASK.getTaskName())
                .query(UUID.class).list()
                .forEach(id -> scheduler.scheduleIfNotExists(TASK.instance(id.toString()).scheduledTo(clock.instant())));
    }

    /** Does the work of one notification. */
    static final class Processor {

        private final JdbcClient jdbc;
        private final ZgwSettings settings;
        private final ZgwClient client;
        private final CaseHandling handling;
        private final CaseTracking tracking;
        private final TransactionTemplate transactions;
        private final Clock clock;
        private final int maxAttempts;

        Processor(JdbcClient jdbc, ZgwSettings settings, ZgwClient client, CaseHandling handling,
                CaseTracking tracking, TransactionTemplate transactions, Clock clock, int maxAttempts) {
            this.jdbc = jdbc;
            this.settings = settings;
            this.client = client;
            this.handling = handling;
            this.tracking = tracking;
            this.transactions = transactions;
            this.clock = clock;
            this.maxAttempts = maxAttempts;
        }

        void process(UUID id) {
            Optional<Entry> found = jdbc.sql("SELECT tenant_id, hoofd_object, state, attempts FROM zgw_inbox WHERE id = :id")
                    .param("id", id)
                    .query((rs, n) -> new Entry(id, rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            rs.getInt(4)))
                    .optional();
            if (found.isEmpty() || !(found.get().state().equals("RECEIVED") || found.get().state().equals("RETRYING"))) {
                return; // done already, or ignored: never twice
            }
            Entry entry = found.get();
            try {
                handle(entry);
            } catch (RuntimeException e) {
                String reason = reason(e);
                int attempts = entry.attempts() + 1;
                boolean last = attempts >= maxAttempts;
                jdbc.sql("UPDATE zgw_inbox SET state = :s, attempts = :a, last_error = :e WHERE id = :id")
                        .param("s", last ? "FAILED" : "RETRYING").param("a", attempts).param("e", reason)
                        .param("id", id).update();
                if (last) {
                    LOG.warn("ZGW notification {} failed after {} attempts: {}", id, attempts, reason);
                    return;
                }
                LOG.info("ZGW notification {} not processed yet (attempt {}): {}", id, attempts, reason);
                throw new TryAgain(reason);
            }
        }

        private void handle(Entry entry) {
            Connection connection = settings.find(entry.tenantId())
                    .orElseThrow(() -> new NotYet("The connection to the case system is not configured"));
            Zaak zaak = client.zaak(connection, entry.hoofdObject());
            ZaaktypeMapping mapping = settings.zaaktypes(entry.tenantId()).stream()
                    .filter(m -> m.zaaktypeUrl().equals(zaak.zaaktype())).findFirst()
                    .orElseThrow(() -> new NotYet("Unknown zaaktype " + zaak.zaaktype()
                            + ": map it to a case type on the ZGW page"));
            Optional<Known> known = known(entry.tenantId(), zaak.url());
            Initiator initiator = known.isPresent() ? null : client.initiator(connection, zaak.url())
                    .filter(i -> i.name() != null)
                    .orElseThrow(() -> new NotYet("The zaak has no initiator with a name and an e-mail address or "
                            + "phone number"));
            if (initiator != null) {
                // Personal data from the case system: say whose and why, never what.
                LOG.info("Read the initiator's contact details of zaak {} for tenant {} to register its case",
                        zaak.url(), entry.tenantId());
            }
            CaseTypeView type = tracking.caseTypes(entry.tenantId()).stream()
                    .filter(t -> t.id().equals(mapping.caseTypeId())).findFirst()
                    .orElseThrow(() -> new NotYet("The mapped case type no longer exists"));
            StatusType statustype = null;
            StatusDefinition target = null;
            String statusNote = null;
            boolean newStatus = zaak.status() != null
                    && (known.isEmpty() || !zaak.status().equals(known.get().lastStatusUrl()));
            if (newStatus) {
                Status status = client.status(connection, zaak.status());
                statustype = client.statustype(connection, status.statustype());
                target = resolve(mapping, type, statustype).orElseThrow(() -> new NotYet("Statustype "
                        + status.statustype() + " has no local status of case type " + type.name()));
                statusNote = note(statustype, status);
            }
            StatusType st = statustype;
            StatusDefinition to = target;
            String note = statusNote;
            transactions.executeWithoutResult(tx -> {
                UUID caseId;
                String outcome;
                if (known.isPresent()) {
                    caseId = known.get().caseId();
                    outcome = "zgw.outcome.unchanged";
                } else {
                    caseId = handling.register(entry.tenantId(), null, new Registration(type.id(), mapping.channel(),
                            null, subject(zaak), initiator.name(), lower(initiator.email()), initiator.phone(), "nl"))
                            .caseId();
                    jdbc.sql("INSERT INTO zgw_zaak (tenant_id, zaak_url, case_id) VALUES (:t, :u, :c)")
                            .param("t", entry.tenantId()).param("u", zaak.url()).param("c", caseId).update();
                    outcome = "zgw.outcome.registered";
                }
                if (to != null) {
                    CaseSnapshot snapshot = tracking.find(entry.tenantId(), caseId)
                            .orElseThrow(() -> new NotYet("The local case no longer exists"));
                    if (!snapshot.closed() && !to.code().equals(snapshot.statusCode())) {
                        handling.changeStatus(entry.tenantId(), caseId, null, to.code(), note);
                        outcome = known.isPresent() ? "zgw.outcome.statusChanged" : "zgw.outcome.registeredWithStatus";
                    }
                    jdbc.sql("UPDATE zgw_zaak SET last_status_url = :s WHERE tenant_id = :t AND zaak_url = :u")
                            .param("s", zaak.status()).param("t", entry.tenantId()).param("u", zaak.url()).update();
                }
                jdbc.sql("UPDATE zgw_inbox SET state = 'PROCESSED', attempts = attempts + 1, last_error = NULL, "
                                + "case_id = :c, outcome = :o, status_code = :sc, inform_differs = :d, processed_at = :now "
                                + "WHERE id = :id")
                        .param("c", caseId).param("o", outcome).param("sc", to == null ? null : to.code())
                        .param("d", to != null && st.informeren() != to.informResident())
                        .param("now", Timestamp.from(clock.instant())).param("id", entry.id())
                        .update();
            });
        }

        /**
         * The local status a statustype means: a mapping on its URL, then on its volgnummer, then on
         * its omschrijving; without a mapping, the status whose code or name is the omschrijving.
         */
        static Optional<StatusDefinition> resolve(ZaaktypeMapping mapping, CaseTypeView type, StatusType statustype) {
            Optional<String> code = mapping.statustypes().stream()
                    .filter(s -> s.matchOn().equals(statustype.url())).map(StatustypeMapping::statusCode).findFirst()
                    .or(() -> mapping.statustypes().stream()
                            .filter(s -> statustype.volgnummer() != null
                                    && s.matchOn().equals(String.valueOf(statustype.volgnummer())))
                            .map(StatustypeMapping::statusCode).findFirst())
                    .or(() -> mapping.statustypes().stream()
                            .filter(s -> statustype.omschrijving() != null
                                    && s.matchOn().equalsIgnoreCase(statustype.omschrijving().trim()))
                            .map(StatustypeMapping::statusCode).findFirst());
            if (code.isPresent()) {
                return type.statuses().stream().filter(s -> s.code().equals(code.get())).findFirst();
            }
            String omschrijving = statustype.omschrijving() == null ? "" : statustype.omschrijving().trim();
            return type.statuses().stream().filter(s -> s.code().equalsIgnoreCase(omschrijving)
                    || s.name().equalsIgnoreCase(omschrijving)).findFirst();
        }

        private Optional<Known> known(UUID tenantId, String zaakUrl) {
            return jdbc.sql("SELECT case_id, last_status_url FROM zgw_zaak WHERE tenant_id = :t AND zaak_url = :u")
                    .param("t", tenantId).param("u", zaakUrl)
                    .query((rs, n) -> new Known(rs.getObject(1, UUID.class), rs.getString(2)))
                    .optional();
        }

        private static String subject(Zaak zaak) {
            String text = zaak.omschrijving() != null && !zaak.omschrijving().isBlank() ? zaak.omschrijving().trim()
                    : "Zaak " + (zaak.identificatie() == null ? "" : zaak.identificatie());
            return text.length() > 500 ? text.substring(0, 500) : text;
        }

        private static String note(StatusType statustype, Status status) {
            String text = "Zaaksysteem: " + (statustype.omschrijving() == null ? "" : statustype.omschrijving())
                    + (status.toelichting() == null || status.toelichting().isBlank() ? "" : " - " + status.toelichting());
            return text.length() > 2000 ? text.substring(0, 2000) : text;
        }

        private static String lower(String email) {
            return email == null ? null : email.toLowerCase(Locale.ROOT);
        }

        private static String reason(RuntimeException e) {
            String text = e instanceof ValidationProblem problem
                    ? "The case was refused: " + problem.problems().stream()
                            .map(p -> p.field() + " " + p.code()).toList()
                    : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return text.length() > 1000 ? text.substring(0, 1000) : text;
        }

        private record Entry(UUID id, UUID tenantId, String hoofdObject, String state, int attempts) {
        }

        private record Known(UUID caseId, String lastStatusUrl) {
        }
    }

    /** Something the notification needs is not there (yet). */
    static final class NotYet extends RuntimeException {

        NotYet(String message) {
            super(message);
        }
    }

    /** Makes the job scheduler try again later, with back-off. */
    static final class TryAgain extends RuntimeException {

        TryAgain(String message) {
            super(message);
        }
    }
}
