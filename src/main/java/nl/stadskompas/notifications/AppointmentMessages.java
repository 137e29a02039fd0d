// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.notifications;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import nl.stadskompas.contacts.Appointment;
import nl.stadskompas.contacts.AppointmentBooked;
import nl.stadskompas.contacts.AppointmentCancelled;
import nl.stadskompas.contacts.AppointmentChanged;
import nl.stadskompas.contacts.Appointments;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells a resident about their appointment: a confirmation when it is booked, changed or cancelled,
 * and one reminder the day before (at {@value #REMINDER_HOUR}:00) with what to bring and a link to
 * change or cancel it.
 *
 * <p>Reminders carry the appointment's version in their dedup key. Each listener locks the
 * appointment and brings the reminders in line with its latest state: earlier versions' reminders
 * are cancelled, the current one is queued (once). So however the events interleave or are replayed,
 * exactly one reminder is waiting, for the current time, and none once it is cancelled.
 */
@Component
class AppointmentMessages {

    static final int REMINDER_HOUR = 10;

    private final Appointments appointments;
    private final Messaging messaging;
    private final ProactiveTexts texts;
    private final Clock clock;

    AppointmentMessages(Appointments appointments, Messaging messaging, ProactiveTexts texts, Clock clock) {
        this.appointments = appointments;
        this.messaging = messaging;
        this.texts = texts;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void booked(AppointmentBooked event) {
        locked(event.tenantId(), event.appointmentId()).ifPresent(a -> {
            if (!a.cancelled()) { // handled late, after a cancellation: the cancellation message says it all
                confirm(a, "confirmation", "appointment-" + a.id() + "-booked");
            }
            reconcileReminders(a);
        });
    }

    @ApplicationModuleListener
    void changed(AppointmentChanged event) {
        locked(event.tenantId(), event.appointmentId()).ifPresent(a -> {
            if (!a.cancelled() && a.version() == event.version()) {
                confirm(a, "changed", "appointment-" + a.id() + "-changed-v" + event.version());
            }
            reconcileReminders(a);
        });
    }

    @ApplicationModuleListener
    void cancelled(AppointmentCancelled event) {
        locked(event.tenantId(), event.appointmentId()).ifPresent(a -> {
            confirm(a, "cancelled", "appointment-" + a.id() + "-cancelled");
            reconcileReminders(a);
        });
    }

    /** When the reminder of an appointment starting at this time is due. */
    static Instant reminderDue(Instant startsAt) {
        return startsAt.atZone(Appointment.ZONE).toLocalDate().minusDays(1).atTime(REMINDER_HOUR, 0)
                .atZone(Appointment.ZONE).toInstant();
    }

    static String reminderKey(UUID appointmentId, int version) {
        return "appointment-" + appointmentId + "-reminder-v" + version;
    }

    private Optional<Appointment> locked(UUID tenantId, UUID appointmentId) {
        return appointments.lockForMessages(tenantId, appointmentId).filter(a -> a.email() != null);
    }

    private void reconcileReminders(Appointment a) {
        for (int version = 1; version < a.version(); version++) {
            messaging.cancel(a.tenantId(), reminderKey(a.id(), version));
        }
        if (a.cancelled()) {
            messaging.cancel(a.tenantId(), reminderKey(a.id(), a.version()));
            return;
        }
        Instant due = reminderDue(a.startsAt());
        if (!due.isAfter(clock.instant())) {
            return; // booked for today or tomorrow morning: the confirmation is reminder enough
        }
        String key = reminderKey(a.id(), a.version());
        if (messaging.queued(a.tenantId(), key).isPresent()) {
            return; // queued by an earlier event: no new change link for a message that is not sent again
        }
        Locale locale = ProactiveTexts.locale(a.language());
        boolean english = Locale.ENGLISH.equals(locale);
        String changeLink = texts.url(appointments.changeLink(a.tenantId(), a.id()));
        String body = texts.text("proactive.appointment.reminder.body", locale, a.serviceName(),
                ProactiveTexts.date(a.date(), locale), ProactiveTexts.time(a.startsAt()), a.place())
                + bring(a, english, locale) + "\n\n" + changeLine(changeLink, locale);
        messaging.queue(new OutgoingMessage(a.tenantId(), "appointment.reminder", Channel.EMAIL, a.email(), locale,
                texts.text("proactive.appointment.reminder.subject", locale, ProactiveTexts.time(a.startsAt())),
                texts.letter(a.tenantId(), locale, body), due, key, values(a, locale, changeLink)));
    }

    private void confirm(Appointment a, String what, String key) {
        if (messaging.queued(a.tenantId(), key).isPresent()) {
            return; // the event was handled before
        }
        Locale locale = ProactiveTexts.locale(a.language());
        boolean english = Locale.ENGLISH.equals(locale);
        String when = ProactiveTexts.date(a.date(), locale);
        String body = texts.text("proactive.appointment." + what + ".body", locale, a.serviceName(), when,
                ProactiveTexts.time(a.startsAt()), a.place());
        // One change link per message, used in the text and in the template's {changeLink} alike.
        String changeLink = a.cancelled() ? null : texts.url(appointments.changeLink(a.tenantId(), a.id()));
        if (!"cancelled".equals(what)) {
            body += bring(a, english, locale) + "\n\n" + changeLine(changeLink, locale);
        }
        messaging.queue(new OutgoingMessage(a.tenantId(), "appointment." + what, Channel.EMAIL, a.email(), locale,
                texts.text("proactive.appointment." + what + ".subject", locale, when), texts.letter(a.tenantId(),
                        locale, body), null, key, values(a, locale, changeLink)));
    }

    /** The values of the appointment templates' placeholders. */
    private Map<String, String> values(Appointment a, Locale locale, String changeLink) {
        return MessageTemplates.values("service", a.serviceName(), "date", ProactiveTexts.date(a.date(), locale),
                "time", ProactiveTexts.time(a.startsAt()), "place", a.place(),
                "bring", a.whatToBring(Locale.ENGLISH.equals(locale)), "changeLink", changeLink,
                "reachUs", texts.reachUs(a.tenantId(), locale), "organisation", texts.organisation(a.tenantId()));
    }

    private String bring(Appointment a, boolean english, Locale locale) {
        String bring = a.whatToBring(english);
        return bring == null ? "" : "\n\n" + texts.text("proactive.appointment.bring", locale) + "\n" + bring;
    }

    private String changeLine(String changeLink, Locale locale) {
        return texts.text("proactive.appointment.change", locale, changeLink);
    }
}
