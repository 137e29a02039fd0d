// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.contacts.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import nl.stadskompas.contacts.Appointment;
import nl.stadskompas.contacts.Appointments;
import nl.stadskompas.platform.NotFoundException;
import nl.stadskompas.platform.ValidationProblem;
import nl.stadskompas.platform.web.FormErrors;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The resident's appointment page, reached from the link in the confirmation and the reminder:
 * shows when and where, what to bring, and lets them move it to another day or time or cancel it,
 * without signing in. A link that does not work (any more) gets the plain "not found" page.
 */
@Controller
class AppointmentPageController {

    private final Appointments appointments;
    private final ResidentPages pages;

    AppointmentPageController(Appointments appointments, ResidentPages pages) {
        this.appointments = appointments;
        this.pages = pages;
    }

    @GetMapping("/afspraak/{token}")
    String show(@PathVariable String token, HttpServletResponse response, Model model) {
        ResidentPages.privateHeaders(response);
        Optional<Appointment> found = appointments.open(token);
        if (found.isEmpty()) {
            return notFound(response);
        }
        if (found.get().cancelled()) {
            model.addAttribute("appointment", view(found.get()));
            pages.reachUs(found.get().tenantId(), model);
            return "contacts/appointment-cancelled";
        }
        model.addAttribute("form", new RescheduleForm(found.get().date().toString(),
                found.get().time().format(DateTimeFormatter.ofPattern("HH:mm"))));
        return page(token, found.get(), model);
    }

    @PostMapping("/afspraak/{token}")
    String reschedule(@PathVariable String token, @ModelAttribute("form") RescheduleForm form, BindingResult result,
            HttpServletResponse response, Model model) {
        ResidentPages.privateHeaders(response);
        Optional<Appointment> found = appointments.open(token);
        if (found.isEmpty()) {
            return notFound(response);
        }
        try {
            appointments.rescheduleFromLink(token, form.parsedDate(), form.parsedTime());
        } catch (ValidationProblem problem) {
            FormErrors.reject(result, problem);
            return page(token, found.get(), model);
        } catch (NotFoundException e) {
            return notFound(response);
        }
        return "redirect:/afspraak/" + token + "?verzet";
    }

    @PostMapping("/afspraak/{token}/afzeggen")
    String cancel(@PathVariable String token, HttpServletResponse response, Model model) {
        ResidentPages.privateHeaders(response);
        Optional<Appointment> found = appointments.open(token);
        if (found.isEmpty()) {
            return notFound(response);
        }
        Appointment cancelled = appointments.cancelFromLink(token);
        model.addAttribute("appointment", view(cancelled));
        pages.reachUs(cancelled.tenantId(), model);
        return "contacts/appointment-cancelled";
    }

    @GetMapping({ "/afspraak", "/afspraak/" })
    String nowhere(HttpServletResponse response) {
        ResidentPages.privateHeaders(response);
        return notFound(response);
    }

    private static String notFound(HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        return "contacts/not-found";
    }

    private String page(String token, Appointment appointment, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("appointment", view(appointment));
        pages.reachUs(appointment.tenantId(), model);
        return "contacts/appointment";
    }

    static AppointmentView view(Appointment a) {
        Locale locale = LocaleContextHolder.getLocale();
        boolean english = ResidentPages.english();
        return new AppointmentView(a.serviceName(), a.place(),
                a.date().format(DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", english ? Locale.ENGLISH : Locale.of("nl"))),
                a.time().format(DateTimeFormatter.ofPattern("HH:mm", locale)),
                a.whatToBring(english) == null ? java.util.List.of() : a.whatToBring(english).lines().filter(l -> !l.isBlank()).toList(),
                a.cancelled());
    }

    record AppointmentView(String service, String place, String date, String time, java.util.List<String> bring,
            boolean cancelled) {
    }

    /** A new day (yyyy-mm-dd, as a date field sends it) and time (hh:mm). */
    record RescheduleForm(String date, String time) {

        LocalDate parsedDate() {
            try {
                return date == null || date.isBlank() ? null : LocalDate.parse(date.strip());
            } catch (DateTimeParseException e) {
                throw ValidationProblem.of("date", "contacts.appointment.date.invalid");
            }
        }

        LocalTime parsedTime() {
            try {
                return time == null || time.isBlank() ? null : LocalTime.parse(time.strip());
            } catch (DateTimeParseException e) {
                throw ValidationProblem.of("time", "contacts.appointment.time.invalid");
            }
        }
    }
}
