// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import nl.stadskompas.feedback.ResidentStories;
import nl.stadskompas.feedback.ResidentStories.ConsentHow;
import nl.stadskompas.feedback.ResidentStories.Story;
import nl.stadskompas.feedback.ResidentStories.StoryInput;
import nl.stadskompas.platform.TenantContext;
import nl.stadskompas.platform.ValidationProblem;
import nl.stadskompas.platform.web.FormErrors;
import nl.stadskompas.platform.web.Option;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
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
 * Residents' stories for employees: the list (per service), recording a story with the resident's
 * consent, reading one, and deleting it.
 */
@Controller
@RequestMapping("/feedback/stories")
@PreAuthorize("hasAuthority('PERM_SURVEYS_EDIT')")
class StoriesController {

    private final ResidentStories stories;
    private final AuthoringSupport support;

    StoriesController(ResidentStories stories, AuthoringSupport support) {
        this.stories = stories;
        this.support = support;
    }

    /** The story form. */
    public static class StoryForm {
        private String serviceId = "";
        private String title;
        private String story;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate toldOn;
        private boolean consent;
        private String consentHow;
        private String consentNote;

        public String getServiceId() {
            return serviceId;
        }

        public void setServiceId(String serviceId) {
            this.serviceId = serviceId;
        }

        public String getTitle() {
            return title;
        }

        public void setTitle(String title) {
            this.title = title;
        }

        public String getStory() {
            return story;
        }

        public void setStory(String story) {
            this.story = story;
        }

        public LocalDate getToldOn() {
            return toldOn;
        }

        public void setToldOn(LocalDate toldOn) {
            this.toldOn = toldOn;
        }

        public boolean isConsent() {
            return consent;
        }

        public void setConsent(boolean consent) {
            this.consent = consent;
        }

        public String getConsentHow() {
            return consentHow;
        }

        public void setConsentHow(String consentHow) {
            this.consentHow = consentHow;
        }

        public String getConsentNote() {
            return consentNote;
        }

        public void setConsentNote(String consentNote) {
            this.consentNote = consentNote;
        }
    }

    /** A story as the pages show it. */
    record StoryView(Story s, String service, String told, String consentHow) {
    }

    @GetMapping
    String list(TenantContext tenant, @RequestParam(required = false) String service, Model model) {
        UUID serviceId = uuid(service);
        model.addAttribute("stories", stories.list(tenant, serviceId).stream().map(s -> view(tenant, s)).toList());
        model.addAttribute("services", support.services(tenant.tenantId(), true));
        model.addAttribute("service", serviceId == null ? "" : serviceId.toString());
        return "feedback/stories";
    }

    @GetMapping("/new")
    String form(TenantContext tenant, Model model) {
        StoryForm form = new StoryForm();
        form.setToldOn(LocalDate.now());
        model.addAttribute("form", form);
        return formPage(tenant, model);
    }

    @PostMapping("/new")
    String record(TenantContext tenant, @ModelAttribute("form") StoryForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                UUID serviceId = form.getServiceId() == null || form.getServiceId().isBlank() ? null
                        : uuidOrRandom(form.getServiceId());
                ConsentHow how = null;
                for (ConsentHow h : ConsentHow.values()) {
                    if (h.name().equals(form.getConsentHow())) {
                        how = h;
                    }
                }
                UUID id = stories.record(tenant, new StoryInput(serviceId, form.getTitle(), form.getStory(),
                        form.getToldOn(), form.isConsent(), how, form.getConsentNote()));
                redirect.addFlashAttribute("message", "feedback.story.recorded");
                return "redirect:/feedback/stories/" + id;
            } catch (ValidationProblem problem) {
                FormErrors.reject(result, problem);
            }
        }
        return formPage(tenant, model);
    }

    @GetMapping("/{id}")
    String story(TenantContext tenant, @PathVariable UUID id, Model model) {
        model.addAttribute("v", view(tenant, stories.story(tenant, id)));
        return "feedback/story";
    }

    @PostMapping("/{id}/delete")
    String delete(TenantContext tenant, @PathVariable UUID id, RedirectAttributes redirect) {
        stories.delete(tenant, id);
        redirect.addFlashAttribute("message", "feedback.story.deleted");
        return "redirect:/feedback/stories";
    }

    private String formPage(TenantContext tenant, Model model) {
        model.addAttribute("services", support.services(tenant.tenantId(), true));
        List<Option> how = new ArrayList<>();
        for (ConsentHow h : ConsentHow.values()) {
            how.add(new Option(h.name(), support.text("feedback.story.consentHow." + h.name())));
        }
        model.addAttribute("consentHows", how);
        return "feedback/story-new";
    }

    private StoryView view(TenantContext tenant, Story s) {
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(LocaleContextHolder.getLocale());
        return new StoryView(s, s.serviceId() == null ? null : support.serviceName(tenant.tenantId(), s.serviceId()),
                format.format(s.toldOn()), support.text("feedback.story.consentHow." + s.consentHow().name()));
    }

    private static UUID uuid(String value) {
        try {
            return value == null || value.isBlank() ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A malformed id is an unknown service: the service check refuses it with a clear message. */
    private static UUID uuidOrRandom(String value) {
        UUID id = uuid(value);
        return id == null ? UUID.randomUUID() : id;
    }
}
