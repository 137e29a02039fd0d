// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import nl.stadskompas.cases.CaseTracking;
import nl.stadskompas.feedback.Channels;
import nl.stadskompas.feedback.FeedbackCards;
import nl.stadskompas.feedback.FeedbackCards.Card;
import nl.stadskompas.feedback.FeedbackCards.Status;
import nl.stadskompas.organisation.OrganisationCatalogue;
import nl.stadskompas.platform.TenantContext;
import nl.stadskompas.platform.ValidationProblem;
import nl.stadskompas.platform.web.Option;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The inbox of feedback cards for employees: per team (or the general inbox for cards without a
 * service), by status, with a page per card to change its status, to answer the resident and to
 * turn it into a case.
 */
@Controller
@RequestMapping(CardInboxController.PATH)
@PreAuthorize("hasAuthority('PERM_CASES_HANDLE')")
class CardInboxController {

    static final String PATH = "/feedback/cards";

    private final FeedbackCards cards;
    private final OrganisationCatalogue catalogue;
    private final AuthoringSupport support;
    private final CaseTracking cases;

    CardInboxController(FeedbackCards cards, OrganisationCatalogue catalogue, AuthoringSupport support,
            CaseTracking cases) {
        this.cards = cards;
        this.catalogue = catalogue;
        this.support = support;
        this.cases = cases;
    }

    /** A card as a row or page shows it. */
    record CardView(Card card, String kind, String status, String received, String team, String service,
            String channel) {
    }

    @GetMapping
    String inbox(TenantContext tenant, @RequestParam(required = false) String team,
            @RequestParam(required = false) String status, Model model) {
        UUID teamId = uuid(team);
        Status chosen = status(status);
        model.addAttribute("cards", cards.inbox(tenant, teamId, chosen).stream().map(c -> view(tenant, c)).toList());
        List<Option> teams = new ArrayList<>();
        teams.add(new Option("", support.text("feedback.cards.team.all")));
        teams.add(new Option(FeedbackCards.GENERAL.toString(), support.text("feedback.cards.team.general")));
        catalogue.teams(tenant.tenantId()).forEach(t -> teams.add(new Option(t.id().toString(), t.name())));
        List<Option> statuses = new ArrayList<>();
        statuses.add(new Option("", support.text("feedback.cards.status.all")));
        for (Status s : Status.values()) {
            statuses.add(new Option(s.name(), support.text("feedback.card.status." + s.name())));
        }
        model.addAttribute("teams", teams);
        model.addAttribute("statuses", statuses);
        model.addAttribute("team", teamId == null ? "" : teamId.toString());
        model.addAttribute("status", chosen == null ? "" : chosen.name());
        return "feedback/cards";
    }

    @GetMapping("/{id}")
    String card(TenantContext tenant, @PathVariable UUID id, Model model) {
        model.addAttribute("c", view(tenant, cards.card(tenant, id)));
        List<Option> statuses = new ArrayList<>();
        for (Status s : Status.values()) {
            statuses.add(new Option(s.name(), support.text("feedback.card.status." + s.name())));
        }
        model.addAttribute("statuses", statuses);
        List<Option> caseTypes = new ArrayList<>();
        caseTypes.add(new Option("", support.text("feedback.card.case.type.choose")));
        cases.caseTypes(tenant.tenantId()).forEach(t -> caseTypes.add(new Option(t.id().toString(), t.name())));
        model.addAttribute("caseTypes", caseTypes);
        return "feedback/card-handle";
    }

    @PostMapping("/{id}/case")
    String openCase(TenantContext tenant, @PathVariable UUID id, @RequestParam(required = false) String caseTypeId,
            @RequestParam(required = false) String subject, RedirectAttributes redirect) {
        try {
            FeedbackCards.OpenedCase opened = cards.openCase(tenant, id, uuid(caseTypeId), subject);
            redirect.addFlashAttribute("message", "feedback.card.case.opened");
            redirect.addFlashAttribute("messageArg", opened.reference());
        } catch (ValidationProblem problem) {
            redirect.addFlashAttribute("refused", String.join(" ", problem.problems().stream()
                    .map(p -> support.text(p.code(), p.args())).toList()));
            redirect.addFlashAttribute("subjectDraft", subject);
            redirect.addFlashAttribute("caseTypeDraft", caseTypeId);
        }
        return "redirect:" + PATH + "/" + id;
    }

    @PostMapping("/{id}/status")
    String status(TenantContext tenant, @PathVariable UUID id, @RequestParam String status,
            RedirectAttributes redirect) {
        Status chosen = status(status);
        if (chosen == null) {
            throw ValidationProblem.of("status", "feedback.card.status.unknown");
        }
        try {
            cards.changeStatus(tenant, id, chosen);
            redirect.addFlashAttribute("message", "feedback.card.status.changed");
        } catch (ValidationProblem problem) {
            redirect.addFlashAttribute("refused", support.text(problem.problems().getFirst().code()));
        }
        return "redirect:" + PATH + "/" + id;
    }

    @PostMapping("/{id}/answer")
    String answer(TenantContext tenant, @PathVariable UUID id, @RequestParam(required = false) String answer,
            RedirectAttributes redirect) {
        try {
            cards.answer(tenant, id, answer);
            redirect.addFlashAttribute("message", "feedback.card.answer.sent");
        } catch (ValidationProblem problem) {
            var p = problem.problems().getFirst();
            redirect.addFlashAttribute("refused", support.text(p.code(), p.args()));
            redirect.addFlashAttribute("draft", answer);
        }
        return "redirect:" + PATH + "/" + id;
    }

    private CardView view(TenantContext tenant, Card c) {
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(LocaleContextHolder.getLocale()).withZone(ZoneId.of("Europe/Amsterdam"));
        String team = c.teamId() == null ? support.text("feedback.cards.team.general")
                : catalogue.team(tenant.tenantId(), c.teamId()).map(OrganisationCatalogue.TeamReference::name).orElse("-");
        String service = c.serviceId() == null ? null : support.serviceName(tenant.tenantId(), c.serviceId());
        String channel = c.channel() == null ? null : support.text(Channels.messageKey(c.channel()));
        return new CardView(c, support.text("feedback.card.kind." + c.kind().name()),
                support.text("feedback.card.status." + c.status().name()), format.format(c.receivedAt()), team, service,
                channel);
    }

    private static UUID uuid(String value) {
        try {
            return value == null || value.isBlank() ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Status status(String value) {
        try {
            return value == null || value.isBlank() ? null : Status.valueOf(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
