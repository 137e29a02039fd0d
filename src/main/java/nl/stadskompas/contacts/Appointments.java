// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.contacts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import nl.stadskompas.organisation.OrganisationCatalogue;
import nl.stadskompas.organisation.OrganisationCatalogue.ServiceReference;
import nl.stadskompas.platform.NotFoundException;
import nl.stadskompas.platform.ValidationProblem;
import nl.stadskompas.platform.ValidationProblem.FieldProblem;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appointments of a person with a service at a place and time: booked, changed and cancelled by
 * employees (pages and API) or by the resident through the secret link in their messages. Each
 * change raises an event after which the notifications module confirms it and keeps exactly one
 * reminder for the current time. What to bring is set per service.
 */
@Service
public class Appointments {

    /** The public path of the page where a resident changes or cancels, followed by the token. */
    public static final String PAGE_PATH = "/afspraak/";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ContactPreferences preferences;
    private final OrganisationCatalogue catalogue;
    private final ApplicationEventPublisher events;

    Appointments(JdbcClient jdbc, Clock clock, ContactPreferences preferences, OrganisationCatalogue catalogue,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.preferences = preferences;
        this.catalogue = catalogue;
        this.events = events;
    }

    /**
     * Books an appointment for the person with this e-mail address (known or new).
     *
     * @throws ValidationProblem when something is missing or wrong; nothing is stored
     */
    @Transactional
    public Appointment book(UUID tenantId, UUID userId, Booking booking) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!PersonKeys.isEmail(booking.email())) {
            problems.add(new FieldProblem("email", "contacts.email.invalid"));
        }
        if (booking.language() != null && !booking.language().isBlank() && !"nl".equals(booking.language())
                && !"en".equals(booking.language())) {
            problems.add(new FieldProblem("language", "contacts.language.invalid"));
        }
        if (booking.serviceId() == null || catalogue.service(tenantId, booking.serviceId()).isEmpty()) {
            problems.add(new FieldProblem("serviceId", "contacts.appointment.service.unknown"));
        }
        Instant startsAt = checkTimeAndPlace(booking.place(), booking.date(), booking.time(), problems);
        if (!problems.isEmpty()) {
            throw new ValidationProblem(problems);
        }
        UUID personId = preferences.person(tenantId, booking.email(), "en".equals(booking.language()) ? "en" : "nl");
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO ct_appointment (id, tenant_id, person_id, service_id, place, starts_at, status, version, "
                        + "created_at, changed_at) VALUES (:id, :t, :p, :s, :place, :at, 'BOOKED', 1, :now, :now)")
                .param("id", id).param("t", tenantId).param("p", personId).param("s", booking.serviceId())
                .param("place", booking.place().strip()).param("at", Timestamp.from(startsAt))
                .param("now", Timestamp.from(now))
                .update();
        preferences.log(tenantId, personId, userId, "APPOINTMENT");
        events.publishEvent(new AppointmentBooked(tenantId, id, 1, startsAt));
        return find(tenantId, id, false).orElseThrow();
    }

    /**
     * Moves an appointment to another time (and place, when given).
     *
     * @throws NotFoundException when there is no such appointment in the tenant
     * @throws ValidationProblem when the new time is not usable or the appointment was cancelled
     */
    @Transactional
    public Appointment change(UUID tenantId, UUID userId, UUID id, Rescheduling change) {
        Appointment current = find(tenantId, id, true).orElseThrow(() -> new NotFoundException("appointment"));
        return reschedule(current, userId, change);
    }

    /** Cancels an appointment; cancelling twice changes nothing. */
    @Transactional
    public Appointment cancel(UUID tenantId, UUID userId, UUID id) {
        Appointment current = find(tenantId, id, true).orElseThrow(() -> new NotFoundException("appointment"));
        return cancel(current, userId);
    }

    /** One appointment with the person's address, as an employee opens it: logged. */
    @Transactional
    public Appointment get(UUID tenantId, UUID userId, UUID id) {
        Appointment found = find(tenantId, id, false).orElseThrow(() -> new NotFoundException("appointment"));
        preferences.log(tenantId, personOf(found), userId, "VIEW");
        return found;
    }

    /** The tenant's appointments from today on, earliest first (without addresses). */
    @Transactional(readOnly = true)
    public List<Appointment> upcoming(UUID tenantId) {
        Instant from = LocalDate.now(clock.withZone(Appointment.ZONE)).atStartOfDay(Appointment.ZONE).toInstant();
        return jdbc.sql("SELECT id FROM ct_appointment WHERE tenant_id = :t AND starts_at >= :from ORDER BY starts_at")
                .param("t", tenantId).param("from", Timestamp.from(from))
                .query(UUID.class).list().stream()
                .map(id -> find(tenantId, id, false).orElseThrow())
                .map(a -> new Appointment(a.id(), a.tenantId(), a.serviceId(), a.serviceName(), a.place(), a.startsAt(),
                        a.status(), a.version(), null, a.language(), a.bringNl(), a.bringEn()))
                .toList();
    }

    /**
     * The appointment, locked until the caller's transaction ends, so that messages about it are
     * decided on its latest state while no change can slip in between (for the notifications module).
     */
    @Transactional
    public Optional<Appointment> lockForMessages(UUID tenantId, UUID id) {
        return find(tenantId, id, true);
    }

    /** A new link to the page where the resident changes or cancels: the path {@code /afspraak/<token>}. */
    @Transactional
    public String changeLink(UUID tenantId, UUID id) {
        find(tenantId, id, false).orElseThrow(() -> new NotFoundException("appointment"));
        String token = SecretTokens.generate();
        jdbc.sql("INSERT INTO ct_appointment_token (token_hash, tenant_id, appointment_id, created_at) "
                        + "VALUES (:h, :t, :a, :now)")
                .param("h", SecretTokens.sha256(token)).param("t", tenantId).param("a", id)
                .param("now", Timestamp.from(clock.instant())).update();
        return PAGE_PATH + token;
    }

    /** The appointment behind a link, while it has not passed. */
    @Transactional(readOnly = true)
    public Optional<Appointment> open(String token) {
        return byToken(token, false);
    }

    /**
     * The resident moves their appointment to another day or time.
     *
     * @throws NotFoundException when the link does not work (any more)
     */
    @Transactional
    public Appointment rescheduleFromLink(String token, LocalDate date, LocalTime time) {
        Appointment current = byToken(token, true).orElseThrow(() -> new NotFoundException("appointment"));
        return reschedule(current, null, new Rescheduling(null, date, time));
    }

    /** The resident cancels their appointment. */
    @Transactional
    public Appointment cancelFromLink(String token) {
        Appointment current = byToken(token, true).orElseThrow(() -> new NotFoundException("appointment"));
        return cancel(current, null);
    }

    /** What to bring to an appointment for the service, as staff wrote it. */
    @Transactional(readOnly = true)
    public Optional<Preparation> preparation(UUID tenantId, UUID serviceId) {
        return jdbc.sql("SELECT text_nl, text_en FROM ct_service_preparation WHERE tenant_id = :t AND service_id = :s")
                .param("t", tenantId).param("s", serviceId)
                .query((rs, n) -> new Preparation(serviceId, rs.getString(1), rs.getString(2))).optional();
    }

    /**
     * Sets what to bring for a service; an empty Dutch text removes it.
     *
     * @throws ValidationProblem when the service is unknown or a text is too long
     */
    @Transactional
    public void prepare(UUID tenantId, Preparation preparation) {
        List<FieldProblem> problems = new ArrayList<>();
        if (preparation.serviceId() == null || catalogue.service(tenantId, preparation.serviceId()).isEmpty()) {
            problems.add(new FieldProblem("serviceId", "contacts.appointment.service.unknown"));
        }
        if (preparation.textNl() != null && preparation.textNl().length() > 2000) {
            problems.add(new FieldProblem("textNl", "contacts.preparation.tooLong"));
        }
        if (preparation.textEn() != null && preparation.textEn().length() > 2000) {
            problems.add(new FieldProblem("textEn", "contacts.preparation.tooLong"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationProblem(problems);
        }
        jdbc.sql("DELETE FROM ct_service_preparation WHERE tenant_id = :t AND service_id = :s")
                .param("t", tenantId).param("s", preparation.serviceId()).update();
        if (preparation.textNl() != null && !preparation.textNl().isBlank()) {
            jdbc.sql("INSERT INTO ct_service_preparation (tenant_id, service_id, text_nl, text_en) VALUES (:t, :s, :nl, :en)")
                    .param("t", tenantId).param("s", preparation.serviceId()).param("nl", preparation.textNl().strip())
                    .param("en", preparation.textEn() == null || preparation.textEn().isBlank() ? null
                            : preparation.textEn().strip())
                    .update();
        }
    }

    private Appointment reschedule(Appointment current, UUID userId, Rescheduling change) {
        List<FieldProblem> problems = new ArrayList<>();
        if (current.cancelled()) {
            problems.add(new FieldProblem("date", "contacts.appointment.cancelled"));
        }
        String place = change.place() == null || change.place().isBlank() ? current.place() : change.place();
        Instant startsAt = checkTimeAndPlace(place, change.date(), change.time(), problems);
        if (!problems.isEmpty()) {
            throw new ValidationProblem(problems);
        }
        if (startsAt.equals(current.startsAt()) && place.strip().equals(current.place())) {
            return current; // nothing changes, so nobody is told
        }
        int version = current.version() + 1;
        jdbc.sql("UPDATE ct_appointment SET place = :place, starts_at = :at, version = :v, changed_at = :now "
                        + "WHERE tenant_id = :t AND id = :id")
                .param("place", place.strip()).param("at", Timestamp.from(startsAt)).param("v", version)
                .param("now", Timestamp.from(clock.instant())).param("t", current.tenantId()).param("id", current.id())
                .update();
        preferences.log(current.tenantId(), personOf(current), userId, "APPOINTMENT");
        events.publishEvent(new AppointmentChanged(current.tenantId(), current.id(), version, current.startsAt(),
                startsAt));
        return find(current.tenantId(), current.id(), false).orElseThrow();
    }

    private Appointment cancel(Appointment current, UUID userId) {
        if (current.cancelled()) {
            return current;
        }
        int version = current.version() + 1;
        jdbc.sql("UPDATE ct_appointment SET status = 'CANCELLED', version = :v, changed_at = :now "
                        + "WHERE tenant_id = :t AND id = :id")
                .param("v", version).param("now", Timestamp.from(clock.instant()))
                .param("t", current.tenantId()).param("id", current.id())
                .update();
        preferences.log(current.tenantId(), personOf(current), userId, "APPOINTMENT");
        events.publishEvent(new AppointmentCancelled(current.tenantId(), current.id(), version, current.startsAt()));
        return find(current.tenantId(), current.id(), false).orElseThrow();
    }

    private Instant checkTimeAndPlace(String place, LocalDate date, LocalTime time, List<FieldProblem> problems) {
        if (place == null || place.isBlank()) {
            problems.add(new FieldProblem("place", "contacts.appointment.place.required"));
        } else if (place.length() > 300) {
            problems.add(new FieldProblem("place", "contacts.appointment.place.tooLong"));
        }
        if (date == null) {
            problems.add(new FieldProblem("date", "contacts.appointment.date.required"));
        }
        if (time == null) {
            problems.add(new FieldProblem("time", "contacts.appointment.time.required"));
        }
        if (date == null || time == null) {
            return null;
        }
        Instant startsAt = date.atTime(time).atZone(Appointment.ZONE).toInstant();
        if (!startsAt.isAfter(clock.instant())) {
            problems.add(new FieldProblem("date", "contacts.appointment.date.past"));
        }
        return startsAt;
    }

    private Optional<Appointment> byToken(String token, boolean lock) {
        if (!SecretTokens.wellFormed(token)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT tenant_id, appointment_id FROM ct_appointment_token WHERE token_hash = :h")
                .param("h", SecretTokens.sha256(token))
                .query((rs, n) -> new UUID[] { rs.getObject(1, UUID.class), rs.getObject(2, UUID.class) })
                .optional()
                .flatMap(ids -> find(ids[0], ids[1], lock))
                .filter(a -> a.startsAt().isAfter(clock.instant()));
    }

    private UUID personOf(Appointment appointment) {
        return jdbc.sql("SELECT person_id FROM ct_appointment WHERE tenant_id = :t AND id = :id")
                .param("t", appointment.tenantId()).param("id", appointment.id()).query(UUID.class).single();
    }

    private Optional<Appointment> find(UUID tenantId, UUID id, boolean lock) {
        if (lock) {
            // Serialises changes and the messages about them (see lockForMessages).
            jdbc.sql("SELECT id FROM ct_appointment WHERE tenant_id = :t AND id = :id FOR UPDATE")
                    .param("t", tenantId).param("id", id).query(UUID.class).optional();
        }
        return jdbc.sql("""
                SELECT a.id, a.tenant_id, a.service_id, a.place, a.starts_at, a.status, a.version, p.email, p.language,
                       s.text_nl, s.text_en
                FROM ct_appointment a
                JOIN ct_person p ON p.id = a.person_id AND p.tenant_id = a.tenant_id
                LEFT JOIN ct_service_preparation s ON s.tenant_id = a.tenant_id AND s.service_id = a.service_id
                WHERE a.tenant_id = :t AND a.id = :id""")
                .param("t", tenantId).param("id", id)
                .query((rs, n) -> {
                    UUID serviceId = rs.getObject(3, UUID.class);
                    String serviceName = catalogue.service(tenantId, serviceId).map(ServiceReference::name).orElse("");
                    return new Appointment(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), serviceId,
                            serviceName, rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getInt(7),
                            rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11));
                })
                .optional();
    }

    /**
     * A new appointment.
     *
     * @param email the person's e-mail address (confirmations and the reminder go there)
     * @param language {@code nl} or {@code en} for a person not known yet (default {@code nl})
     * @param serviceId the service (from the organisation module)
     * @param place where, for example the desk's address
     * @param date the day, in Dutch time
     * @param time the time it starts, in Dutch time
     */
    public record Booking(String email, String language, UUID serviceId, String place, LocalDate date,
            LocalTime time) {
    }

    /**
     * A new time, and a new place when not null.
     */
    public record Rescheduling(String place, LocalDate date, LocalTime time) {
    }

    /**
     * What to bring to an appointment for a service.
     *
     * @param textNl in Dutch; empty removes the text
     * @param textEn in English, or null to use the Dutch
     */
    public record Preparation(UUID serviceId, String textNl, String textEn) {
    }
}
