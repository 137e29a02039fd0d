// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.zgw.web;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import nl.stadskompas.cases.CaseTracking;
import nl.stadskompas.cases.CaseTypeView;
import nl.stadskompas.cases.IntakeChannel;
import nl.stadskompas.platform.NotFoundException;
import nl.stadskompas.platform.TenantContext;
import nl.stadskompas.platform.ValidationProblem;
import nl.stadskompas.platform.web.FormErrors;
import nl.stadskompas.platform.web.Option;
import nl.stadskompas.zgw.ZgwIntake;
import nl.stadskompas.zgw.ZgwSettings;
import nl.stadskompas.zgw.ZgwSettings.ConnectionSettings;
import nl.stadskompas.zgw.ZgwSettings.ConnectionView;
import nl.stadskompas.zgw.ZgwSettings.ZaaktypeMapping;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administrators' pages for the connection to the municipality's case system: the overview with
 * the abonnement, the connection settings (secrets are never shown again), zaaktype and statustype
 * mappings, and the intake log where waiting or failed notifications can be tried again.
 */
@Controller
@RequestMapping("/zgw")
@PreAuthorize("hasAuthority('PERM_INTEGRATIONS_MANAGE')")
class ZgwController {

    private final ZgwSettings settings;
    private final ZgwIntake intake;
    private final CaseTracking cases;
    private final MessageSource messages;

    ZgwController(ZgwSettings settings, ZgwIntake intake, CaseTracking cases, MessageSource messages) {
        this.settings = settings;
        this.intake = intake;
        this.cases = cases;
        this.messages = messages;
    }

    @GetMapping
    String overview(TenantContext tenant, Model model) {
        model.addAttribute("connection", settings.connection(tenant.tenantId()).orElse(null));
        model.addAttribute("zaaktypes", settings.zaaktypes(tenant.tenantId()));
        model.addAttribute("callbackUrl", settings.callbackUrl(tenant.tenantId()));
        if (model.getAttribute("connection") != null) {
            model.addAttribute("secrets", settings.secretsStatus(tenant.tenantId()));
        }
        return "zgw/overview";
    }

    /** Encrypts the organisation's secrets still encrypted with an earlier key again with the current one. */
    @PostMapping("/secrets")
    String reencryptSecrets(TenantContext tenant, RedirectAttributes redirect) {
        settings.reencryptSecrets(tenant.tenantId());
        redirect.addFlashAttribute("reencrypted", true);
        return "redirect:/zgw";
    }

    @PostMapping("/abonnement")
    String registerAbonnement(TenantContext tenant, Model model, RedirectAttributes redirect) {
        try {
            settings.registerAbonnement(tenant.tenantId());
            redirect.addFlashAttribute("abonnementRegistered", true);
            return "redirect:/zgw";
        } catch (ValidationProblem problem) {
            model.addAttribute("abonnementProblems", problem.problems().stream()
                    .map(p -> messages.getMessage(p.code(), p.args(), p.code(), LocaleContextHolder.getLocale()))
                    .toList());
            return overview(tenant, model);
        }
    }

    @GetMapping("/connection")
    String connectionForm(TenantContext tenant, Model model) {
        ConnectionView current = settings.connection(tenant.tenantId()).orElse(null);
        model.addAttribute("form", current == null ? new ConnectionForm("", "", "", "", "", "")
                : new ConnectionForm(current.zakenUrl(), current.catalogiUrl(), current.notificatiesUrl(),
                        current.clientId(), "", ""));
        model.addAttribute("connection", current);
        return "zgw/connection";
    }

    @PostMapping("/connection")
    String saveConnection(TenantContext tenant, @ModelAttribute("form") ConnectionForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        try {
            settings.saveConnection(tenant.tenantId(), new ConnectionSettings(form.zakenUrl(), form.catalogiUrl(),
                    form.notificatiesUrl(), form.clientId(), form.clientSecret(), form.callbackToken()));
            redirect.addFlashAttribute("saved", true);
            return "redirect:/zgw";
        } catch (ValidationProblem problem) {
            FormErrors.reject(result, problem);
            model.addAttribute("connection", settings.connection(tenant.tenantId()).orElse(null));
            return "zgw/connection";
        }
    }

    @GetMapping("/zaaktypes/new")
    String newZaaktype(TenantContext tenant, Model model) {
        model.addAttribute("form", new ZaaktypeForm("", null, IntakeChannel.ONLINE));
        return zaaktypeForm(tenant, model);
    }

    @PostMapping("/zaaktypes/new")
    String addZaaktype(TenantContext tenant, @ModelAttribute("form") ZaaktypeForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return zaaktypeForm(tenant, model);
        }
        try {
            UUID id = settings.addZaaktype(tenant.tenantId(), form.zaaktypeUrl(), form.caseTypeId(), form.channel());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/zgw/zaaktypes/" + id;
        } catch (ValidationProblem problem) {
            FormErrors.reject(result, problem);
            return zaaktypeForm(tenant, model);
        }
    }

    @GetMapping("/zaaktypes/{id}")
    String zaaktype(TenantContext tenant, @PathVariable UUID id, Model model) {
        model.addAttribute("form", new StatustypeForm("", null));
        return zaaktypePage(tenant, id, model);
    }

    @PostMapping("/zaaktypes/{id}/statustypes")
    String addStatustype(TenantContext tenant, @PathVariable UUID id, @ModelAttribute("form") StatustypeForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        try {
            settings.addStatustype(tenant.tenantId(), id, form.matchOn(), form.statusCode());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/zgw/zaaktypes/" + id;
        } catch (ValidationProblem problem) {
            FormErrors.reject(result, problem);
            return zaaktypePage(tenant, id, model);
        }
    }

    @PostMapping("/zaaktypes/{id}/statustypes/{statustypeId}/delete")
    String removeStatustype(TenantContext tenant, @PathVariable UUID id, @PathVariable UUID statustypeId,
            RedirectAttributes redirect) {
        settings.removeStatustype(tenant.tenantId(), statustypeId);
        redirect.addFlashAttribute("removed", true);
        return "redirect:/zgw/zaaktypes/" + id;
    }

    @PostMapping("/zaaktypes/{id}/delete")
    String removeZaaktype(TenantContext tenant, @PathVariable UUID id, RedirectAttributes redirect) {
        settings.removeZaaktype(tenant.tenantId(), id);
        redirect.addFlashAttribute("removed", true);
        return "redirect:/zgw";
    }

    @GetMapping("/intake")
    String intakeLog(TenantContext tenant, Model model) {
        model.addAttribute("entries", intake.log(tenant.tenantId(), 200));
        return "zgw/intake";
    }

    @PostMapping("/intake/{id}/retry")
    String retry(TenantContext tenant, @PathVariable UUID id, RedirectAttributes redirect) {
        try {
            intake.retry(tenant.tenantId(), id);
            redirect.addFlashAttribute("retried", true);
        } catch (ValidationProblem done) {
            redirect.addFlashAttribute("retryDone", true);
        }
        return "redirect:/zgw/intake";
    }

    private String zaaktypeForm(TenantContext tenant, Model model) {
        model.addAttribute("caseTypeOptions", cases.caseTypes(tenant.tenantId()).stream()
                .map(t -> new Option(t.id().toString(), t.name())).toList());
        model.addAttribute("channelOptions", Arrays.stream(IntakeChannel.values())
                .map(c -> new Option(c.name(), text(c.messageKey()))).toList());
        return "zgw/zaaktype-new";
    }

    private String zaaktypePage(TenantContext tenant, UUID id, Model model) {
        ZaaktypeMapping mapping = settings.zaaktypes(tenant.tenantId()).stream().filter(m -> m.id().equals(id))
                .findFirst().orElseThrow(() -> new NotFoundException("zaaktype"));
        List<Option> statuses = cases.caseTypes(tenant.tenantId()).stream()
                .filter(t -> t.id().equals(mapping.caseTypeId())).findFirst().map(CaseTypeView::statuses)
                .orElse(List.of()).stream().map(s -> new Option(s.code(), s.name())).toList();
        model.addAttribute("mapping", mapping);
        model.addAttribute("statusOptions", statuses);
        return "zgw/zaaktype";
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }

    /** The connection form; blank secret fields keep what was saved. */
    record ConnectionForm(String zakenUrl, String catalogiUrl, String notificatiesUrl, String clientId,
            String clientSecret, String callbackToken) {
    }

    record ZaaktypeForm(String zaaktypeUrl, UUID caseTypeId, IntakeChannel channel) {
    }

    record StatustypeForm(String matchOn, String statusCode) {
    }
}
