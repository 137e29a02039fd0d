// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.contacts.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import nl.stadskompas.contacts.Appointment;
import nl.stadskompas.contacts.Appointments;
import nl.stadskompas.contacts.Appointments.Booking;
import nl.stadskompas.contacts.Appointments.Preparation;
import nl.stadskompas.contacts.Appointments.Rescheduling;
import nl.stadskompas.contacts.ContactPreferences;
import nl.stadskompas.contacts.Preferences;
import nl.stadskompas.organisation.OrganisationCatalogue;
import nl.stadskompas.platform.NotFoundException;
import nl.stadskompas.platform.TenantContext;
import nl.stadskompas.platform.ValidationProblem;
import nl.stadskompas.platform.web.FormErrors;
import nl.stadskompas.platform.web.Option;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Employees' pages: upcoming appointments, booking, changing and cancelling one, what to bring per
 * service, and looking up a person's contact preferences (logged).
 */
@Controller
@RequestMapping("/afspraken")
@PreAuthorize("hasAuthority('PERM_CASES_HANDLE')")
class AppointmentsController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Appointments appointments;
    private final ContactPreferences preferences;
    private final OrganisationCatalogue catalogue;

    AppointmentsController(Appointments appointments, ContactPreferences preferences, OrganisationCatalogue catalogue) {
        this.appointments = appointments;
        this.preferences = preferences;
        this.catalogue = catalogue;
    }

    @GetMapping
    String list(TenantContext tenant, Model model) {
        model.addAttribute("appointments", appointments.upcoming(tenant.tenantId()).stream().map(a -> new Row(a.id(),
                a.serviceName(), a.place(), a.date().toString(), a.time().format(TIME), a.status())).toList());
        return "contacts/appointments";
    }

    @GetMapping("/nieuw")
    String newAppointment(TenantContext tenant, Model model) {
        model.addAttribute("form", new BookingForm("", "nl", null, "", "", ""));
        return bookingPage(tenant, model);
    }

    @PostMapping("/nieuw")
    String book(TenantContext tenant, @ModelAttribute("form") BookingForm form, BindingResult result, Model model) {
        try {
            Appointment booked = appointments.book(tenant.tenantId(), tenant.userId(), new Booking(form.email(),
                    form.language(), form.serviceId(), form.place(), date(form.date()), time(form.time())));
            return "redirect:/afspraken/" + booked.id();
        } catch (ValidationProblem problem) {
            FormErrors.reject(result, problem);
            return bookingPage(tenant, model);
        }
    }

    @GetMapping("/{id}")
    String show(TenantContext tenant, @PathVariable UUID id, Model model) {
        Appointment a = appointments.get(tenant.tenantId(), tenant.userId(), id);
        model.addAttribute("form", new ChangeForm(a.place(), a.date().toString(), a.time().format(TIME)));
        return detail(a, model);
    }

    @PostMapping("/{id}")
    String change(TenantContext tenant, @PathVariable UUID id, @ModelAttribute("form") ChangeForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        try {
            appointments.change(tenant.tenantId(), tenant.userId(), id, new Rescheduling(form.place(), date(form.date()),
                    time(form.time())));
        } catch (ValidationProblem problem) {
            FormErrors.reject(result, problem);
            return detail(appointments.get(tenant.tenantId(), tenant.userId(), id), model);
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/afspraken/" + id;
    }

    @PostMapping("/{id}/afzeggen")
    String cancel(TenantContext tenant, @PathVariable UUID id, RedirectAttributes redirect) {
        appointments.cancel(tenant.tenantId(), tenant.userId(), id);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/afspraken/" + id;
    }

    @GetMapping("/meenemen")
    String preparation(TenantContext tenant, @RequestParam(required = false) UUID serviceId, Model model) {
        Preparation current = serviceId == null ? null
                : appointments.preparation(tenant.tenantId(), serviceId).orElse(null);
        model.addAttribute("form", new PreparationForm(serviceId, current == null ? "" : current.textNl(),
                current == null || current.textEn() == null ? "" : current.textEn()));
        return preparationPage(tenant, model);
    }

    @PostMapping("/meenemen")
    String savePreparation(TenantContext tenant, @ModelAttribute("form") PreparationForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        try {
            appointments.prepare(tenant.tenantId(), new Preparation(form.serviceId(), form.textNl(), form.textEn()));
        } catch (ValidationProblem problem) {
            FormErrors.reject(result, problem);
            return preparationPage(tenant, model);
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/afspraken/meenemen?serviceId=" + form.serviceId();
    }

    @GetMapping("/voorkeuren")
    String lookUp(TenantContext tenant, @RequestParam(required = false) String address, Model model) {
        model.addAttribute("address", address == null ? "" : address);
        if (address != null && !address.isBlank()) {
            try {
                Preferences found = preferences.lookUp(tenant.tenantId(), tenant.userId(), address);
                model.addAttribute("preferences", found);
            } catch (NotFoundException e) {
                model.addAttribute("unknown", true);
            }
        }
        return "contacts/lookup";
    }

    private String bookingPage(TenantContext tenant, Model model) {
        model.addAttribute("services", services(tenant));
        model.addAttribute("languages", List.of(new Option("nl", "Nederlands"), new Option("en", "English")));
        return "contacts/appointment-new";
    }

    private String preparationPage(TenantContext tenant, Model model) {
        model.addAttribute("services", services(tenant));
        return "contacts/preparation";
    }

    private List<Option> services(TenantContext tenant) {
        return catalogue.services(tenant.tenantId()).stream().map(s -> new Option(s.id().toString(), s.name())).toList();
    }

    private String detail(Appointment a, Model model) {
        model.addAttribute("appointment", a);
        model.addAttribute("when", a.date() + " " + a.time().format(TIME));
        return "contacts/appointment-staff";
    }

    private static LocalDate date(String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ValidationProblem.of("date", "contacts.appointment.date.invalid");
        }
    }

    private static LocalTime time(String value) {
        try {
            return value == null || value.isBlank() ? null : LocalTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ValidationProblem.of("time", "contacts.appointment.time.invalid");
        }
    }

    record Row(UUID id, String service, String place, String date, String time, String status) {
    }

    record BookingForm(String email, String language, UUID serviceId, String place, String date, String time) {
    }

    record ChangeForm(String place, String date, String time) {
    }

    record PreparationForm(UUID serviceId, String textNl, String textEn) {
    }
}
