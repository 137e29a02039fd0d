// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import nl.stadskompas.cases.ContactDetails;
import nl.stadskompas.cases.ContactSettingsManagement;
import nl.stadskompas.feedback.Channels;
import nl.stadskompas.feedback.FeedbackCards;
import nl.stadskompas.feedback.FeedbackCards.CardInput;
import nl.stadskompas.feedback.SubmissionThrottle;
import nl.stadskompas.organisation.Organisation;
import nl.stadskompas.organisation.OrganisationRegistry;
import nl.stadskompas.platform.ValidationProblem;
import nl.stadskompas.platform.web.FormErrors;
import nl.stadskompas.platform.web.Option;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The public feedback card at {@code /kaart?org=<organisation>}: no sign-in, no session, no
 * JavaScript. A link may choose the service, channel, location and kind ({@code service},
 * {@code channel}, {@code location}, {@code kind}); {@code lang=en} gives English.
 */
@Controller
class CardPageController {

    private final FeedbackCards cards;
    private final OrganisationRegistry organisations;
    private final SubmissionThrottle throttle;
    private final AuthoringSupport support;
    private final ContactSettingsManagement contacts;

    CardPageController(FeedbackCards cards, OrganisationRegistry organisations, SubmissionThrottle throttle,
            AuthoringSupport support, ContactSettingsManagement contacts) {
        this.cards = cards;
        this.organisations = organisations;
        this.throttle = throttle;
        this.support = support;
        this.contacts = contacts;
    }

    /** The card pages share the respondents' page shell; only its footer says something else. */
    @ModelAttribute("footerKey")
    String footerKey() {
        return "feedback.card.footer";
    }

    /** The card as the resident fills it in. */
    public static class CardForm {
        private String org;
        private String kind;
        private String message;
        private String service;
        private String channel;
        private String location;
        private String email;
        private boolean consent;
        private String token;
        private String website;

        public String getOrg() {
            return org;
        }

        public void setOrg(String org) {
            this.org = org;
        }

        public String getKind() {
            return kind;
        }

        public void setKind(String kind) {
            this.kind = kind;
        }

        public String getMessage() {
            return message;
        }

        public void setMessage(String message) {
            this.message = message;
        }

        public String getService() {
            return service;
        }

        public void setService(String service) {
            this.service = service;
        }

        public String getChannel() {
            return channel;
        }

        public void setChannel(String channel) {
            this.channel = channel;
        }

        public String getLocation() {
            return location;
        }

        public void setLocation(String location) {
            this.location = location;
        }

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email;
        }

        public boolean isConsent() {
            return consent;
        }

        public void setConsent(boolean consent) {
            this.consent = consent;
        }

        public String getToken() {
            return token;
        }

        public void setToken(String token) {
            this.token = token;
        }

        public String getWebsite() {
            return website;
        }

        public void setWebsite(String website) {
            this.website = website;
        }
    }

    @ModelAttribute
    void headers(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
    }

    @GetMapping("/kaart")
    String card(@RequestParam(required = false) String org, @RequestParam(required = false) String service,
            @RequestParam(required = false) String channel, @RequestParam(required = false) String location,
            @RequestParam(required = false) String kind, Model model, HttpServletResponse response) {
        Organisation organisation = organisation(org);
        if (organisation == null) {
            return choose(org, model, response);
        }
        CardForm form = new CardForm();
        form.setOrg(organisation.slug());
        form.setService(cards.service(organisation.id(), service).map(UUID::toString).orElse(""));
        String code = channel == null ? null : channel.strip().toUpperCase(Locale.ROOT);
        form.setChannel(Channels.known(code) ? code : null);
        form.setLocation(location == null || location.length() > 100 ? null : location.strip());
        form.setKind(kind == null ? null : kind.strip().toUpperCase(Locale.ROOT));
        form.setToken(cards.newToken());
        model.addAttribute("form", form);
        return page(organisation, form, model);
    }

    @PostMapping("/kaart")
    String send(@ModelAttribute("form") CardForm form, BindingResult result, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        Organisation organisation = organisation(form.getOrg());
        if (organisation == null) {
            return choose(form.getOrg(), model, response);
        }
        if (form.getWebsite() != null && !form.getWebsite().isBlank()) {
            return refused(organisation, "feedback.refused.honeypot", model, response, HttpStatus.BAD_REQUEST);
        }
        if (!throttle.allow(request.getRemoteAddr())) {
            response.setHeader("Retry-After", "600");
            return refused(organisation, "feedback.refused.tooMany", model, response, HttpStatus.TOO_MANY_REQUESTS);
        }
        try {
            cards.submit(organisation.id(), new CardInput(form.getKind(), form.getMessage(), form.getService(),
                    form.getChannel(), form.getLocation(), form.getEmail(), form.isConsent(), form.getToken()),
                    LocaleContextHolder.getLocale());
        } catch (ValidationProblem problem) {
            FormErrors.reject(result, problem);
            if (result.hasFieldErrors("token")) {
                form.setToken(cards.newToken());
            }
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("hasErrors", true);
            return page(organisation, form, model);
        }
        String lang = "en".equals(LocaleContextHolder.getLocale().getLanguage()) ? "en" : "nl";
        return "redirect:/kaart/bedankt?org=" + organisation.slug() + "&lang=" + lang;
    }

    @GetMapping("/kaart/bedankt")
    String thanks(@RequestParam(required = false) String org, Model model, HttpServletResponse response) {
        Organisation organisation = organisation(org);
        if (organisation == null) {
            return choose(org, model, response);
        }
        shell(organisation, model, "/kaart/bedankt?org=" + organisation.slug());
        return "feedback/card-thanks";
    }

    private String page(Organisation organisation, CardForm form, Model model) {
        shell(organisation, model, UriComponentsBuilder.fromPath("/kaart").queryParam("org", organisation.slug())
                .queryParamIfPresent("service", java.util.Optional.ofNullable(blank(form.getService())))
                .queryParamIfPresent("channel", java.util.Optional.ofNullable(blank(form.getChannel())))
                .queryParamIfPresent("location", java.util.Optional.ofNullable(blank(form.getLocation())))
                .encode().build().toUriString());
        List<Option> kinds = new ArrayList<>();
        for (FeedbackCards.Kind k : FeedbackCards.Kind.values()) {
            kinds.add(new Option(k.name(), support.text("feedback.card.kind." + k.name())));
        }
        model.addAttribute("kinds", kinds);
        List<Option> services = new ArrayList<>();
        services.add(new Option("", support.text("feedback.card.service.none")));
        services.addAll(support.services(organisation.id(), false));
        model.addAttribute("services", services);
        model.addAttribute("max", FeedbackCards.MESSAGE_MAX);
        return "feedback/card";
    }

    private void shell(Organisation organisation, Model model, String here) {
        model.addAttribute("organisation", organisation.name());
        model.addAttribute("slug", organisation.slug());
        boolean english = "en".equals(LocaleContextHolder.getLocale().getLanguage());
        model.addAttribute("languageLink", here + (here.contains("?") ? "&" : "?") + "lang=" + (english ? "nl" : "en"));
        ContactDetails details = contacts.of(organisation.id()).orElse(null);
        model.addAttribute("phone", details == null ? null : details.phone());
        model.addAttribute("phoneHours", details == null ? null : details.phoneHours(english));
    }

    private String refused(Organisation organisation, String code, Model model, HttpServletResponse response,
            HttpStatus status) {
        shell(organisation, model, "/kaart?org=" + organisation.slug());
        response.setStatus(status.value());
        model.addAttribute("reason", support.text(code));
        model.addAttribute("title", support.text("feedback.card.title"));
        model.addAttribute("publicId", null);
        return "feedback/card-refused";
    }

    private String choose(String org, Model model, HttpServletResponse response) {
        if (org != null) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
        }
        model.addAttribute("organisations", organisations.all());
        model.addAttribute("unknown", org != null);
        return "feedback/card-choose";
    }

    private Organisation organisation(String slug) {
        if (slug == null || slug.isBlank()) {
            List<Organisation> all = organisations.all();
            return all.size() == 1 ? all.getFirst() : null;
        }
        return organisations.findBySlug(slug.strip()).orElse(null);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
