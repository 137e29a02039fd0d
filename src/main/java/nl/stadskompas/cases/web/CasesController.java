// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.cases.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import nl.stadskompas.accounts.AccountManagement;
import nl.stadskompas.accounts.AccountManagement.AccountSummary;
import nl.stadskompas.cases.CaseHandling;
import nl.stadskompas.cases.CaseHandling.CaseDetails;
import nl.stadskompas.cases.CaseHandling.RegisteredCase;
import nl.stadskompas.cases.CaseHandling.Registration;
import nl.stadskompas.cases.CaseTracking;
import nl.stadskompas.cases.CaseTypeManagement;
import nl.stadskompas.cases.DelayKind;
import nl.stadskompas.cases.DelayReason;
import nl.stadskompas.cases.IntakeChannel;
import nl.stadskompas.cases.ProgressPages;
import nl.stadskompas.organisation.OrganisationCatalogue;
import nl.stadskompas.platform.NotFoundException;
import nl.stadskompas.platform.TenantContext;
import nl.stadskompas.platform.ValidationProblem;
import nl.stadskompas.platform.web.FormErrors;
import nl.stadskompas.platform.web.Option;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Employees' pages for cases: a team's open cases against the norm, registering a case, a case with
 * its timeline, changing its status after seeing exactly what the resident will read, suspending or
 * extending it, and its progress link with a QR code.
 */
@Controller
@RequestMapping("/cases")
@PreAuthorize("hasAuthority('PERM_CASES_HANDLE')")
class CasesController {

    private final CaseHandling handling;
    private final CaseTypeManagement types;
    private final ProgressPages progress;
    private final OrganisationCatalogue organisation;
    private final AccountManagement accounts;
    private final MessageSource messages;

    CasesController(CaseHandling handling, CaseTypeManagement types, ProgressPages progress,
            OrganisationCatalogue organisation, AccountManagement accounts, MessageSource messages) {
        this.handling = handling;
        this.types = types;
        this.progress = progress;
        this.organisation = organisation;
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping
    String list(TenantContext tenant, @RequestParam(required = false) String team,
            @RequestParam(defaultValue = "age") String sort, Model model) {
        UUID teamId = parse(team);
        if (teamId != null && organisation.team(tenant.tenantId(), teamId).isEmpty()) {
            teamId = null;
        }
        String order = "expected".equals(sort) ? "expected" : "age";
        model.addAttribute("cases", handling.openCases(tenant.tenantId(), teamId, order));
        model.addAttribute("team", teamId == null ? "" : teamId.toString());
        model.addAttribute("sort", order);
        model.addAttribute("teamOptions", teamOptions(tenant, "cases.list.allTeams"));
        model.addAttribute("sortOptions", List.of(new Option("age", text("cases.list.sort.age")),
                new Option("expected", text("cases.list.sort.expected"))));
        return "cases/list";
    }

    @GetMapping("/new")
    String newCase(TenantContext tenant, Model model) {
        var municipalities = organisation.municipalities(tenant.tenantId());
        model.addAttribute("form", new RegisterForm(null, IntakeChannel.PHONE, null, "", "", "", "", "nl",
                municipalities.size() == 1 ? municipalities.get(0).id() : null));
        return registerForm(tenant, model);
    }

    @PostMapping("/new")
    String register(TenantContext tenant, @Valid @ModelAttribute("form") RegisterForm form, BindingResult result,
            Model model) {
        if (result.hasErrors()) {
            return registerForm(tenant, model);
        }
        try {
            RegisteredCase registered = handling.register(tenant.tenantId(), tenant.userId(), new Registration(
                    form.caseTypeId(), form.channel(), form.ownerTeamId(), form.subject(), form.requesterName(),
                    form.requesterEmail(), form.requesterPhone(), form.requesterLanguage(), form.municipalityId()));
            return linkPage(registered.caseId(), registered.reference(), registered.progressToken(), true, model);
        } catch (ValidationProblem problem) {
            FormErrors.reject(result, problem);
            return registerForm(tenant, model);
        }
    }

    @GetMapping("/{id}")
    String show(TenantContext tenant, @PathVariable UUID id, Model model) {
        CaseDetails details = handling.get(tenant.tenantId(), id);
        model.addAttribute("statusForm", new StatusChangeForm(null, ""));
        model.addAttribute("delayForm", new DelayForm(DelayKind.EXTENSION, DelayReason.COMPLEX, "", null));
        return casePage(tenant, details, model);
    }

    @PostMapping("/{id}/status/preview")
    String preview(TenantContext tenant, @PathVariable UUID id,
            @Valid @ModelAttribute("statusForm") StatusChangeForm form, BindingResult result, Model model) {
        CaseDetails details = handling.get(tenant.tenantId(), id);
        if (!result.hasErrors()) {
            try {
                model.addAttribute("previewNl", progress.preview(tenant.tenantId(), id, form.statusCode(), false));
                model.addAttribute("previewEn", progress.preview(tenant.tenantId(), id, form.statusCode(), true));
                model.addAttribute("details", details);
                model.addAttribute("chosen", details.statusChoices().stream()
                        .filter(s -> s.code().equals(form.statusCode())).findFirst().orElseThrow());
                return "cases/status-preview";
            } catch (ValidationProblem problem) {
                FormErrors.reject(result, problem);
            }
        }
        model.addAttribute("delayForm", new DelayForm(DelayKind.EXTENSION, DelayReason.COMPLEX, "", null));
        return casePage(tenant, details, model);
    }

    @PostMapping("/{id}/status")
    String changeStatus(TenantContext tenant, @PathVariable UUID id,
            @Valid @ModelAttribute("statusForm") StatusChangeForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        CaseDetails details = handling.get(tenant.tenantId(), id);
        if (!result.hasErrors()) {
            try {
                handling.changeStatus(tenant.tenantId(), id, tenant.userId(), form.statusCode(), form.note());
                redirect.addFlashAttribute("statusChanged", true);
                return "redirect:/cases/" + id;
            } catch (ValidationProblem problem) {
                FormErrors.reject(result, problem);
            } catch (OptimisticLockingFailureException meanwhile) {
                result.reject("cases.case.changedMeanwhile");
                details = handling.get(tenant.tenantId(), id);
            }
        }
        model.addAttribute("delayForm", new DelayForm(DelayKind.EXTENSION, DelayReason.COMPLEX, "", null));
        return casePage(tenant, details, model);
    }

    @PostMapping("/{id}/delay")
    String delay(TenantContext tenant, @PathVariable UUID id, @Valid @ModelAttribute("delayForm") DelayForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        CaseDetails details = handling.get(tenant.tenantId(), id);
        if (!result.hasErrors()) {
            try {
                handling.delay(tenant.tenantId(), id, tenant.userId(), form.kind(), form.reason(), form.explanation(),
                        form.newDate());
                redirect.addFlashAttribute("delayed", true);
                return "redirect:/cases/" + id;
            } catch (ValidationProblem problem) {
                FormErrors.reject(result, problem);
            } catch (OptimisticLockingFailureException meanwhile) {
                result.reject("cases.case.changedMeanwhile");
                details = handling.get(tenant.tenantId(), id);
            }
        }
        model.addAttribute("statusForm", new StatusChangeForm(null, ""));
        return casePage(tenant, details, model);
    }

    @PostMapping("/{id}/link")
    String replaceLink(TenantContext tenant, @PathVariable UUID id, Model model) {
        CaseDetails details = handling.get(tenant.tenantId(), id);
        String token = handling.replaceProgressLink(tenant.tenantId(), id);
        return linkPage(id, details.reference(), token, false, model);
    }

    @PostMapping("/{id}/link/qr.png")
    ResponseEntity<byte[]> qrPng(TenantContext tenant, @PathVariable UUID id, @RequestParam String token) {
        String reference = checkedLink(tenant, id, token);
        return download(QrCodes.png(progressUrl(token), 600), MediaType.IMAGE_PNG, reference + ".png");
    }

    @PostMapping("/{id}/link/qr.svg")
    ResponseEntity<byte[]> qrSvg(TenantContext tenant, @PathVariable UUID id, @RequestParam String token) {
        String reference = checkedLink(tenant, id, token);
        return download(QrCodes.svg(progressUrl(token)).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                MediaType.valueOf("image/svg+xml"), reference + ".svg");
    }

    private String checkedLink(TenantContext tenant, UUID id, String token) {
        CaseDetails details = handling.get(tenant.tenantId(), id);
        if (!handling.isProgressLinkOf(tenant.tenantId(), id, token)) {
            throw new NotFoundException("progress link");
        }
        return "voortgang-" + details.reference();
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String filename) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }

    private String linkPage(UUID id, String reference, String token, boolean registered, Model model) {
        String url = progressUrl(token);
        model.addAttribute("caseId", id);
        model.addAttribute("reference", reference);
        model.addAttribute("token", token);
        model.addAttribute("progressUrl", url);
        model.addAttribute("qr", QrCodes.pngDataUri(url, 240));
        model.addAttribute("registered", registered);
        return "cases/link";
    }

    private String casePage(TenantContext tenant, CaseDetails details, Model model) {
        Map<UUID, String> names = accounts.inTenant(tenant.tenantId()).stream()
                .collect(Collectors.toMap(AccountSummary::id, AccountSummary::displayName, (a, b) -> a));
        model.addAttribute("details", details);
        model.addAttribute("employees", names);
        model.addAttribute("statusOptions", details.statusChoices().stream()
                .map(s -> new Option(s.code(), s.name() + (s.finalStatus() ? " (" + text("cases.status.closes") + ")" : "")))
                .toList());
        model.addAttribute("delayKinds", Arrays.stream(DelayKind.values())
                .map(k -> new Option(k.name(), text(k.messageKey()))).toList());
        model.addAttribute("delayReasons", Arrays.stream(DelayReason.values())
                .map(r -> new Option(r.name(), text(r.messageKey()))).toList());
        return "cases/case";
    }

    private String registerForm(TenantContext tenant, Model model) {
        List<Option> typeOptions = new ArrayList<>();
        typeOptions.add(new Option("", text("cases.choose")));
        types.all(tenant.tenantId()).forEach(t -> typeOptions.add(new Option(t.id().toString(), t.name())));
        model.addAttribute("typeOptions", typeOptions);
        model.addAttribute("channelOptions", Arrays.stream(IntakeChannel.values())
                .map(c -> new Option(c.name(), text(c.messageKey()))).toList());
        model.addAttribute("teamOptions", teamOptions(tenant, "cases.case.team.fromType"));
        var municipalities = organisation.municipalities(tenant.tenantId());
        List<Option> municipalityOptions = new ArrayList<>();
        if (municipalities.size() > 1) {
            municipalityOptions.add(new Option("", text("cases.case.municipality.unknown.option")));
        }
        municipalities.forEach(m -> municipalityOptions.add(new Option(m.id().toString(), m.name())));
        model.addAttribute("municipalityOptions", municipalityOptions);
        model.addAttribute("languageOptions", List.of(new Option("nl", text("cases.language.nl")),
                new Option("en", text("cases.language.en"))));
        return "cases/new";
    }

    private List<Option> teamOptions(TenantContext tenant, String emptyKey) {
        List<Option> teams = new ArrayList<>();
        teams.add(new Option("", text(emptyKey)));
        organisation.teams(tenant.tenantId()).forEach(t -> teams.add(new Option(t.id().toString(), t.name())));
        return teams;
    }

    private static String progressUrl(String token) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path(CaseTracking.PROGRESS_PATH + token)
                .build().toUriString();
    }

    private String text(String key) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, null, key, locale);
    }

    private static UUID parse(String value) {
        try {
            return value == null || value.isBlank() ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    record RegisterForm(
            @NotNull UUID caseTypeId,
            @NotNull IntakeChannel channel,
            UUID ownerTeamId,
            @NotBlank @Size(max = 500) String subject,
            @NotBlank @Size(max = 200) String requesterName,
            @Email @Size(max = 254) String requesterEmail,
            @Size(max = 40) String requesterPhone,
            @NotBlank String requesterLanguage,
            UUID municipalityId) {
    }

    record StatusChangeForm(@NotBlank String statusCode, @Size(max = 2000) String note) {
    }

    record DelayForm(
            @NotNull DelayKind kind,
            @NotNull DelayReason reason,
            @Size(max = 1000) String explanation,
            @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate newDate) {
    }
}
