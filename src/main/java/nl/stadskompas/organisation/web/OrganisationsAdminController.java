// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.organisation.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.List;

import nl.stadskompas.organisation.Organisation;
import nl.stadskompas.organisation.OrganisationRegistry;
import nl.stadskompas.platform.SignedInUser;
import nl.stadskompas.platform.ValidationProblem;
import nl.stadskompas.platform.web.FormErrors;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * For platform administrators: the organisations that use this installation, and registering a new
 * one with the municipalities it serves. Whoever registers an organisation becomes its administrator.
 * This is an installation-wide task, so it depends on the platform role, not on a tenant role.
 */
@Controller
@RequestMapping(OrganisationsAdminController.PATH)
@PreAuthorize("hasAuthority('PLATFORM_ADMIN')")
class OrganisationsAdminController {

    static final String PATH = "/admin/organisations";
    private static final String VIEW = "organisation/admin-organisations";

    /** Dates are shown as people in the Netherlands read them. */
    private static final ZoneId DUTCH_TIME = ZoneId.of("Europe/Amsterdam");

    private final OrganisationRegistry registry;

    OrganisationsAdminController(OrganisationRegistry registry) {
        this.registry = registry;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("form", new RegisterForm("", "", ""));
        return show(model);
    }

    @PostMapping
    String register(@AuthenticationPrincipal SignedInUser user, @ModelAttribute("form") RegisterForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return show(model);
        }
        Organisation registered;
        try {
            registered = registry.register(form.slug(), form.name(), user.id(), form.municipalityNames());
        } catch (ValidationProblem problem) {
            FormErrors.reject(result, problem);
            return show(model);
        }
        redirect.addFlashAttribute("registered", registered.name());
        return "redirect:" + PATH;
    }

    private String show(Model model) {
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(LocaleContextHolder.getLocale()).withZone(DUTCH_TIME);
        model.addAttribute("organisations", registry.all().stream()
                .map(o -> new Row(o.name(), o.slug(), dates.format(o.createdAt()))).toList());
        return VIEW;
    }

    record Row(String name, String slug, String registeredOn) {
    }

    /** Municipalities are one text, one name per line. */
    record RegisterForm(String name, String slug, String municipalities) {

        List<String> municipalityNames() {
            return municipalities == null ? List.of() : Arrays.asList(municipalities.split("\\R"));
        }
    }
}
