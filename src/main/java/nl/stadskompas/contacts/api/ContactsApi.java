// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.contacts.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import nl.stadskompas.contacts.Appointment;
import nl.stadskompas.contacts.Appointments;
import nl.stadskompas.contacts.Appointments.Booking;
import nl.stadskompas.contacts.Appointments.Preparation;
import nl.stadskompas.contacts.Appointments.Rescheduling;
import nl.stadskompas.contacts.ContactPreferences;
import nl.stadskompas.contacts.Preferences;
import nl.stadskompas.contacts.PreferencesChange;
import nl.stadskompas.platform.TenantContext;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Contact preferences, consents and appointments of the tenant named in {@code X-Tenant-Id}. A
 * person is named by their e-mail address or phone number; every look and change is logged.
 */
@RestController
@RequestMapping("/api/v1")
@PreAuthorize("hasAuthority('PERM_CASES_HANDLE')")
@Tag(name = "Contacts", description = "Contact preferences, consents per kind of proactive message, appointments")
class ContactsApi {

    private final ContactPreferences preferences;
    private final Appointments appointments;

    ContactsApi(ContactPreferences preferences, Appointments appointments) {
        this.preferences = preferences;
        this.appointments = appointments;
    }

    @GetMapping("/contacts/preferences")
    @Operation(summary = "A person's preferred channel, language, addresses and consents (logged)",
            responses = @ApiResponse(responseCode = "404", description = "Nobody with this address in this tenant"))
    Preferences preferences(TenantContext tenant,
            @Parameter(description = "E-mail address or phone number") @RequestParam String address) {
        return preferences.lookUp(tenant.tenantId(), tenant.userId(), address);
    }

    @PutMapping("/contacts/preferences")
    @Operation(summary = "Record a person's preferences and consents (a new person is created)",
            description = "Null fields stay as they were; consents not named stay as they were. Consent is "
                    + "given (true) or withdrawn (false) per kind: DOCUMENT_EXPIRY, LIFE_EVENT.",
            responses = @ApiResponse(responseCode = "400", description = "An address is unusable or the chosen "
                    + "channel lacks its address; nothing changed"))
    Preferences record(TenantContext tenant, @RequestParam String address, @RequestBody PreferencesChange change) {
        return preferences.record(tenant.tenantId(), tenant.userId(), address, change);
    }

    @GetMapping("/appointments")
    @Operation(summary = "Appointments from today on, earliest first (without addresses)")
    List<Appointment> upcoming(TenantContext tenant) {
        return appointments.upcoming(tenant.tenantId());
    }

    @PostMapping("/appointments")
    @Operation(summary = "Book an appointment", description = "The resident gets a confirmation with what to bring "
            + "and a link to change or cancel, and a reminder the day before.", responses = {
                    @ApiResponse(responseCode = "201", description = "Booked"),
                    @ApiResponse(responseCode = "400", description = "Invalid input; every problem is listed") })
    ResponseEntity<Appointment> book(TenantContext tenant, @RequestBody Booking booking) {
        Appointment booked = appointments.book(tenant.tenantId(), tenant.userId(), booking);
        return ResponseEntity.created(URI.create("/api/v1/appointments/" + booked.id())).body(booked);
    }

    @GetMapping("/appointments/{id}")
    @Operation(summary = "One appointment with the person's address (logged)",
            responses = @ApiResponse(responseCode = "404", description = "No such appointment in this tenant"))
    Appointment get(TenantContext tenant, @PathVariable UUID id) {
        return appointments.get(tenant.tenantId(), tenant.userId(), id);
    }

    @PutMapping("/appointments/{id}")
    @Operation(summary = "Move an appointment to another time (and place)", description = "The old reminder is "
            + "cancelled and one for the new time is queued.")
    Appointment change(TenantContext tenant, @PathVariable UUID id, @RequestBody Rescheduling change) {
        return appointments.change(tenant.tenantId(), tenant.userId(), id, change);
    }

    @DeleteMapping("/appointments/{id}")
    @Operation(summary = "Cancel an appointment", description = "The resident is told; the reminder is withdrawn.")
    Appointment cancel(TenantContext tenant, @PathVariable UUID id) {
        return appointments.cancel(tenant.tenantId(), tenant.userId(), id);
    }

    @PutMapping("/appointments/preparations/{serviceId}")
    @Operation(summary = "Set what to bring to an appointment for a service", description = "An empty Dutch text "
            + "removes it.")
    Preparation prepare(TenantContext tenant, @PathVariable UUID serviceId, @RequestBody PreparationText text) {
        Preparation preparation = new Preparation(serviceId, text.textNl(), text.textEn());
        appointments.prepare(tenant.tenantId(), preparation);
        return appointments.preparation(tenant.tenantId(), serviceId).orElse(new Preparation(serviceId, null, null));
    }

    record PreparationText(String textNl, String textEn) {
    }
}
