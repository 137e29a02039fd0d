// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import nl.stadskompas.feedback.Answers;
import nl.stadskompas.feedback.ContactConsent;
import nl.stadskompas.feedback.Invitations;
import nl.stadskompas.feedback.PublicQuestionnaire;
import nl.stadskompas.feedback.QuestionnaireLayout;
import nl.stadskompas.feedback.ResponseCollection;
import nl.stadskompas.feedback.ResponseCollection.SubmitOutcome;
import nl.stadskompas.feedback.ResponseContext;
import nl.stadskompas.feedback.SavedProgress;
import nl.stadskompas.feedback.SubmissionRefused;
import nl.stadskompas.feedback.SubmissionThrottle;
import nl.stadskompas.feedback.Via;
import nl.stadskompas.organisation.OrganisationRegistry;
import nl.stadskompas.platform.ValidationProblem;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The public response pages: no sign-in, no session, no JavaScript. A questionnaire opens at
 * {@code /v/<public id>}, with optional context in the query ({@code service}, {@code channel},
 * {@code municipality}, {@code location}) and {@code lang=en} for English. Every page is a plain
 * form; answers of other pages travel along as hidden fields until the respondent sends them.
 * Nothing about the respondent (address, browser, account) is stored with the answers.
 */
@Controller
class ResponsePageController {

    static final String PATH = "/v/";

    private final ResponseCollection collection;
    private final ResponsePages pages;
    private final SubmissionThrottle throttle;
    private final OrganisationRegistry organisations;
    private final LocaleResolver locales;
    private final java.time.Clock clock;
    private final Invitations invitations;

    ResponsePageController(ResponseCollection collection, ResponsePages pages, SubmissionThrottle throttle,
            OrganisationRegistry organisations, LocaleResolver locales, java.time.Clock clock,
            Invitations invitations) {
        this.invitations = invitations;
        this.collection = collection;
        this.pages = pages;
        this.throttle = throttle;
        this.organisations = organisations;
        this.locales = locales;
        this.clock = clock;
    }

    /** Residents' pages are never kept in a cache, and never tell another site where they came from. */
    @ModelAttribute
    void headers(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Robots-Tag", "noindex, nofollow");
    }

    @GetMapping("/v/{publicId}")
    String start(@PathVariable String publicId, @RequestParam(required = false) String service,
            @RequestParam(required = false) String channel, @RequestParam(required = false) String municipality,
            @RequestParam(required = false) String location, Model model, HttpServletResponse response) {
        PublicQuestionnaire target = find(publicId);
        if (target == null) {
            return notFound(model, response);
        }
        if (!target.open()) {
            return closed(target, model);
        }
        ResponseContext context = collection.context(target.questionnaire(), service, channel, municipality, location);
        int first = target.layout().shownPages(Answers.none()).stream().findFirst().orElse(1);
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("languageLink", languageLink(publicId, context, locale));
        return render(target, first, Answers.none(), context, collection.newSubmissionToken(), null, Map.of(), model);
    }

    /** A personal link from an e-mail invitation: the same pages, with the link's token carried along. */
    @GetMapping("/v/{publicId}/u/{inviteToken}")
    String invited(@PathVariable String publicId, @PathVariable String inviteToken, Model model,
            HttpServletResponse response) {
        PublicQuestionnaire target = find(publicId);
        if (target == null) {
            return notFound(model, response);
        }
        if (!target.open()) {
            return closed(target, model);
        }
        Invitations.LinkState state = invitations.state(target.questionnaire(), inviteToken);
        if (state == Invitations.LinkState.UNKNOWN) {
            return notFound(model, response);
        }
        if (state == Invitations.LinkState.USED) {
            return used(target, model);
        }
        model.addAttribute("invite", inviteToken);
        model.addAttribute("languageLink", PATH + publicId + Invitations.PERSONAL_PATH + inviteToken + "?lang="
                + ("en".equals(LocaleContextHolder.getLocale().getLanguage()) ? "nl" : "en"));
        ResponseContext context = collection.context(target.questionnaire(), null, null, null, null);
        int first = target.layout().shownPages(Answers.none()).stream().findFirst().orElse(1);
        return render(target, first, Answers.none(), context, collection.newSubmissionToken(), null, Map.of(), model);
    }

    @PostMapping("/v/{publicId}")
    String answer(@PathVariable String publicId, @RequestParam MultiValueMap<String, String> form, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        PublicQuestionnaire target = find(publicId);
        if (target == null) {
            return notFound(model, response);
        }
        if (!target.open()) {
            return closed(target, model);
        }
        String nav = ResponsePages.one(form, "nav");
        String token = ResponsePages.one(form, "token");
        String resume = ResponsePages.one(form, "resume");
        String invite = ResponsePages.one(form, "invite");
        if (invite != null) {
            Invitations.LinkState state = invitations.state(target.questionnaire(), invite);
            if (state == Invitations.LinkState.UNKNOWN) {
                return notFound(model, response);
            }
            if (state == Invitations.LinkState.USED && !collection.received(token)) {
                return used(target, model);
            }
            model.addAttribute("invite", invite);
        }
        QuestionnaireLayout layout = target.layout();
        ResponseContext context = collection.context(target.questionnaire(), ResponsePages.one(form, "ctx.service"),
                ResponsePages.one(form, "ctx.channel"), ResponsePages.one(form, "ctx.municipality"),
                ResponsePages.one(form, "ctx.location"));
        try {
            if (ResponsePages.one(form, ResponsePages.HONEYPOT) != null) {
                throw new SubmissionRefused("feedback.refused.honeypot");
            }
            if (token == null || !token.matches("[0-9a-f]{32}")) {
                throw new SubmissionRefused("feedback.refused.token");
            }
            int page = page(form, layout);
            String switchTo = ResponsePages.one(form, "switchLang");
            Answers answers;
            try {
                answers = collection.read(layout, ResponsePages.rawAnswers(form));
            } catch (ValidationProblem problem) {
                Answers partial = Answers.of(ResponsePages.rawAnswers(form));
                return render(target, page, partial, context, token, resume, errors(problem), model);
            }
            if (switchTo != null) {
                Locale chosen = "en".equals(switchTo) ? Locale.ENGLISH : Locale.of("nl");
                locales.setLocale(request, response, chosen);
                LocaleContextHolder.setLocale(chosen);
                return render(target, page, answers, context, token, resume, Map.of(), model);
            }
            List<Integer> shown = layout.shownPages(answers);
            return switch (nav == null ? "" : nav) {
                case "back" -> render(target, previous(shown, page), answers, context, token, resume, Map.of(), model);
                case "next" -> {
                    var missing = collection.missing(layout, answers, List.of(page));
                    if (!missing.isEmpty()) {
                        yield render(target, page, answers, context, token, resume, errors(new ValidationProblem(missing)),
                                model);
                    }
                    yield render(target, next(shown, page), answers, context, token, resume, Map.of(), model);
                }
                case "save" -> save(target, answers, context, page, token, resume, model, request, response);
                case "send" -> send(target, answers, context, page, token, resume, invite, model, request, response);
                default -> throw new SubmissionRefused("feedback.refused.malformed");
            };
        } catch (SubmissionRefused refused) {
            return refused(target, refused, model, response);
        }
    }

    private String save(PublicQuestionnaire target, Answers answers, ResponseContext context, int page, String token,
            String resume, Model model, HttpServletRequest request, HttpServletResponse response) {
        if (!throttle.allow(request.getRemoteAddr())) {
            return throttled(target, model, response);
        }
        String newResume = collection.saveProgress(target, answers, context, page, resume);
        String link = UriComponentsBuilder.fromUriString(baseUrl(request))
                .path(PATH + target.questionnaire().publicId() + "/verder/" + newResume)
                // A personal invitation's token travels along, so that answering later still uses it up.
                .queryParamIfPresent("u", java.util.Optional.ofNullable((String) model.getAttribute("invite")))
                .build().toUriString();
        model.addAttribute("link", link);
        model.addAttribute("days", ResponseCollection.PROGRESS_DAYS);
        shell(target, model);
        return "feedback/public-saved";
    }

    private String send(PublicQuestionnaire target, Answers answers, ResponseContext context, int page, String token,
            String resume, String invite, Model model, HttpServletRequest request, HttpServletResponse response) {
        try {
            // The same form sent again goes to the thank-you page, also from an address at its limit.
            SubmitOutcome outcome = collection.submit(target, token, answers, context,
                    invite == null ? Via.LINK : Via.INVITATION, () -> throttle.allow(request.getRemoteAddr()));
            if (outcome == SubmitOutcome.NOT_ADMITTED) {
                return throttled(target, model, response);
            }
            if (outcome == SubmitOutcome.STORED) {
                if (resume != null) {
                    collection.forgetProgress(resume);
                }
                if (invite != null) {
                    invitations.redeem(target.questionnaire(), invite);
                }
            }
            return thanksRedirect(target);
        } catch (ValidationProblem problem) {
            String firstKey = problem.problems().getFirst().field();
            int at = target.layout().question(firstKey).map(q -> q.page()).orElse(page);
            return render(target, at, answers, context, token, resume, errors(problem), model);
        }
    }

    @GetMapping("/v/{publicId}/verder/{resumeToken}")
    String resume(@PathVariable String publicId, @PathVariable String resumeToken,
            @RequestParam(name = "u", required = false) String invite, Model model, HttpServletResponse response) {
        PublicQuestionnaire target = find(publicId);
        if (target == null) {
            return notFound(model, response);
        }
        if (!target.open()) {
            return closed(target, model);
        }
        if (invite != null) {
            Invitations.LinkState state = invitations.state(target.questionnaire(), invite);
            if (state == Invitations.LinkState.USED) {
                return used(target, model);
            }
            if (state == Invitations.LinkState.VALID) {
                model.addAttribute("invite", invite);
            }
        }
        SavedProgress saved = collection.resume(target, resumeToken).orElse(null);
        if (saved == null) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            shell(target, model);
            return "feedback/public-resume-gone";
        }
        List<Integer> shown = target.layout().shownPages(saved.answers());
        int page = shown.contains(saved.page()) ? saved.page() : shown.stream().findFirst().orElse(1);
        model.addAttribute("resumed", true);
        return render(target, page, saved.answers(), saved.context(), collection.newSubmissionToken(), resumeToken,
                Map.of(), model);
    }

    @GetMapping("/v/{publicId}/bedankt")
    String thanks(@PathVariable String publicId, Model model, HttpServletResponse response) {
        PublicQuestionnaire target = find(publicId);
        if (target == null || target.version() == null) {
            return notFound(model, response);
        }
        shell(target, model);
        model.addAttribute("thanks", target.version().thanks(LocaleContextHolder.getLocale()));
        model.addAttribute("contact", new ContactForm(null, null, null, Set.of(), collection.newSubmissionToken()));
        return "feedback/public-thanks";
    }

    @PostMapping("/v/{publicId}/contact")
    String contact(@PathVariable String publicId, @RequestParam MultiValueMap<String, String> form, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        PublicQuestionnaire target = find(publicId);
        if (target == null || target.version() == null) {
            return notFound(model, response);
        }
        shell(target, model);
        ContactForm contact = new ContactForm(ResponsePages.one(form, "name"), ResponsePages.one(form, "email"),
                ResponsePages.one(form, "phone"), new TreeSet<>(form.getOrDefault("purposes", List.of())),
                ResponsePages.one(form, "token"));
        try {
            if (ResponsePages.one(form, ResponsePages.HONEYPOT) != null) {
                throw new SubmissionRefused("feedback.refused.honeypot");
            }
            if (contact.token() == null || !contact.token().matches("[0-9a-f]{32}")) {
                throw new SubmissionRefused("feedback.refused.token");
            }
            if (collection.received(contact.token())) {
                return "feedback/public-contact-thanks";
            }
            if (!throttle.allow(request.getRemoteAddr())) {
                return throttled(target, model, response);
            }
            collection.recordConsent(target.questionnaire(), new ContactConsent(contact.name(), contact.email(),
                    contact.phone(), contact.purposes()), LocaleContextHolder.getLocale(), contact.token());
            return "feedback/public-contact-thanks";
        } catch (ValidationProblem problem) {
            model.addAttribute("thanks", target.version().thanks(LocaleContextHolder.getLocale()));
            model.addAttribute("contact", contact);
            model.addAttribute("contactErrors", errors(problem));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "feedback/public-thanks";
        } catch (SubmissionRefused refused) {
            return refused(target, refused, model, response);
        }
    }

    /** The contact form as it was filled in. */
    record ContactForm(String name, String email, String phone, Set<String> purposes, String token) {
    }

    // --- helpers -------------------------------------------------------------------------------

    private PublicQuestionnaire find(String publicId) {
        return collection.open(publicId).orElse(null);
    }

    private String render(PublicQuestionnaire target, int page, Answers answers, ResponseContext context, String token,
            String resume, Map<String, String> errors, Model model) {
        Locale locale = LocaleContextHolder.getLocale();
        String publicId = target.questionnaire().publicId();
        boolean first = target.layout().shownPages(answers).stream().findFirst().orElse(1) == page;
        RespondView view = pages.view(PATH + publicId, organisation(target), target.version().title(locale),
                first ? target.version().intro(locale) : null, target.layout(), page, answers, context, token, resume,
                errors, locale, false);
        model.addAttribute("view", view);
        model.addAttribute("organisation", view.organisation());
        return "feedback/respond";
    }

    private String organisation(PublicQuestionnaire target) {
        return organisations.nameOf(target.questionnaire().tenantId());
    }

    private void shell(PublicQuestionnaire target, Model model) {
        model.addAttribute("organisation", organisation(target));
        model.addAttribute("publicId", target.questionnaire().publicId());
        model.addAttribute("title", target.version() == null ? null
                : target.version().title(LocaleContextHolder.getLocale()));
    }

    private String closed(PublicQuestionnaire target, Model model) {
        shell(target, model);
        model.addAttribute("notYet", target.version() == null || (target.questionnaire().openFrom() != null
                && java.time.LocalDate.now(clock).isBefore(target.questionnaire().openFrom())));
        return "feedback/public-closed";
    }

    private String used(PublicQuestionnaire target, Model model) {
        shell(target, model);
        model.addAttribute("cardLink", organisations.find(target.questionnaire().tenantId())
                .map(o -> "/kaart?org=" + o.slug()).orElse("/kaart"));
        return "feedback/public-invitation-used";
    }

    private String notFound(Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        return "feedback/public-not-found";
    }

    private String refused(PublicQuestionnaire target, SubmissionRefused refused, Model model,
            HttpServletResponse response) {
        shell(target, model);
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("reason", pages.text(refused.messageCode(), LocaleContextHolder.getLocale(), refused.args()));
        return "feedback/public-refused";
    }

    private String throttled(PublicQuestionnaire target, Model model, HttpServletResponse response) {
        shell(target, model);
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", "600");
        model.addAttribute("reason", pages.text("feedback.refused.tooMany", LocaleContextHolder.getLocale()));
        return "feedback/public-refused";
    }

    private String thanksRedirect(PublicQuestionnaire target) {
        String lang = LocaleContextHolder.getLocale().getLanguage().equals("en") ? "en" : "nl";
        return "redirect:" + PATH + target.questionnaire().publicId() + "/bedankt?lang=" + lang;
    }

    private static int page(MultiValueMap<String, String> form, QuestionnaireLayout layout) {
        String value = ResponsePages.one(form, "page");
        try {
            int page = Integer.parseInt(value == null ? "" : value);
            if (!layout.pageNumbers().contains(page)) {
                throw new SubmissionRefused("feedback.refused.malformed");
            }
            return page;
        } catch (NumberFormatException e) {
            throw new SubmissionRefused("feedback.refused.malformed");
        }
    }

    private static int previous(List<Integer> shown, int page) {
        return shown.stream().filter(p -> p < page).reduce((a, b) -> b).orElse(shown.isEmpty() ? page : shown.getFirst());
    }

    private static int next(List<Integer> shown, int page) {
        return shown.stream().filter(p -> p > page).findFirst().orElse(page);
    }

    private Map<String, String> errors(ValidationProblem problem) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> errors = new LinkedHashMap<>();
        problem.problems().forEach(p -> errors.putIfAbsent(p.field(), pages.text(p.code(), locale, p.args())));
        return errors;
    }

    private static String languageLink(String publicId, ResponseContext context, Locale locale) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath(PATH + publicId);
        if (context.serviceId() != null) {
            link.queryParam("service", context.serviceId());
        }
        if (context.channel() != null) {
            link.queryParam("channel", context.channel());
        }
        if (context.municipalityId() != null) {
            link.queryParam("municipality", context.municipalityId());
        }
        if (context.location() != null) {
            link.queryParam("location", context.location());
        }
        link.queryParam("lang", "en".equals(locale.getLanguage()) ? "nl" : "en");
        return link.encode().build().toUriString();
    }

    static String baseUrl(HttpServletRequest request) {
        return org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromContextPath(request).build()
                .toUriString();
    }
}
