// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.framework.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.validation.Valid;

import nl.stadskompas.framework.AspectCategory;
import nl.stadskompas.framework.CoreValue;
import nl.stadskompas.framework.FrameworkEditing;
import nl.stadskompas.framework.FrameworkVersion;
import nl.stadskompas.framework.Norm;
import nl.stadskompas.framework.NormInput;
import nl.stadskompas.framework.NormScope;
import nl.stadskompas.framework.NormUnit;
import nl.stadskompas.framework.Promise;
import nl.stadskompas.framework.ServiceAspect;
import nl.stadskompas.framework.Statement;
import nl.stadskompas.framework.web.Forms.AspectForm;
import nl.stadskompas.framework.web.Forms.CoreValueForm;
import nl.stadskompas.framework.web.Forms.NormForm;
import nl.stadskompas.framework.web.Forms.PromiseForm;
import nl.stadskompas.framework.web.Forms.StatementForm;
import nl.stadskompas.organisation.OrganisationCatalogue;
import nl.stadskompas.platform.NotFoundException;
import nl.stadskompas.platform.TenantContext;
import nl.stadskompas.platform.ValidationProblem;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Adding, changing and deleting the items of the draft: core values, promises, statements, service
 * aspects and norms. A code is chosen when an item is added and stays the same afterwards.
 */
@Controller
@RequestMapping("/framework/draft")
@PreAuthorize("hasAuthority('PERM_FRAMEWORK_EDIT')")
class DraftItemsController {

    private static final String DONE = "redirect:/framework";

    private final FrameworkEditing editing;
    private final OrganisationCatalogue catalogue;
    private final PageSupport support;

    DraftItemsController(FrameworkEditing editing, OrganisationCatalogue catalogue, PageSupport support) {
        this.editing = editing;
        this.catalogue = catalogue;
        this.support = support;
    }

    @ModelAttribute("categories")
    List<Option> categories() {
        return Arrays.stream(AspectCategory.values())
                .map(c -> new Option(c.name(), support.text(c.messageKey()))).toList();
    }

    // --- core values ---------------------------------------------------------------------------

    @GetMapping("/core-values/new")
    String newCoreValue(TenantContext tenant, Model model) {
        FrameworkVersion draft = editing.draft(tenant.tenantId());
        model.addAttribute("form", new CoreValueForm(draft.nextCode("K"), "", ""));
        return page(model, "framework/core-value", null);
    }

    @PostMapping("/core-values/new")
    String addCoreValue(TenantContext tenant, @Valid @ModelAttribute("form") CoreValueForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        editing.draft(tenant.tenantId());
        return save(result, model, redirect, "framework/core-value", null, f -> f,
                () -> editing.addCoreValue(tenant, new CoreValue(form.code(), form.name(), form.description())));
    }

    @GetMapping("/core-values/{code}")
    String editCoreValue(TenantContext tenant, @PathVariable String code, Model model) {
        CoreValue value = editing.draft(tenant.tenantId()).coreValue(code).orElseThrow(() -> new NotFoundException("core value"));
        model.addAttribute("form", new CoreValueForm(value.code(), value.name(), value.description()));
        return page(model, "framework/core-value", value.code());
    }

    @PostMapping("/core-values/{code}")
    String changeCoreValue(TenantContext tenant, @PathVariable String code,
            @Valid @ModelAttribute("form") CoreValueForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        CoreValue value = editing.draft(tenant.tenantId()).coreValue(code).orElseThrow(() -> new NotFoundException("core value"));
        return save(result, model, redirect, "framework/core-value", value.code(), f -> f,
                () -> editing.changeCoreValue(tenant, code, new CoreValue(code, form.name(), form.description())));
    }

    @PostMapping("/core-values/{code}/delete")
    String deleteCoreValue(TenantContext tenant, @PathVariable String code, RedirectAttributes redirect) {
        return delete(redirect, "core-values", code, () -> editing.removeCoreValue(tenant, code));
    }

    // --- promises ------------------------------------------------------------------------------

    @GetMapping("/promises/new")
    String newPromise(TenantContext tenant, Model model) {
        FrameworkVersion draft = editing.draft(tenant.tenantId());
        model.addAttribute("form", new PromiseForm(draft.nextCode("P"), "", "", "", "", ""));
        return page(model, "framework/promise", null);
    }

    @PostMapping("/promises/new")
    String addPromise(TenantContext tenant, @Valid @ModelAttribute("form") PromiseForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        editing.draft(tenant.tenantId());
        return save(result, model, redirect, "framework/promise", null, f -> f,
                () -> editing.addPromise(tenant, promise(form.code(), form)));
    }

    @GetMapping("/promises/{code}")
    String editPromise(TenantContext tenant, @PathVariable String code, Model model) {
        Promise p = editing.draft(tenant.tenantId()).promise(code).orElseThrow(() -> new NotFoundException("promise"));
        model.addAttribute("form", new PromiseForm(p.code(), p.title(), p.description(), Forms.text(p.needs()),
                Forms.text(p.means()), Forms.text(p.doesNotMean())));
        return page(model, "framework/promise", p.code());
    }

    @PostMapping("/promises/{code}")
    String changePromise(TenantContext tenant, @PathVariable String code, @Valid @ModelAttribute("form") PromiseForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        Promise p = editing.draft(tenant.tenantId()).promise(code).orElseThrow(() -> new NotFoundException("promise"));
        return save(result, model, redirect, "framework/promise", p.code(), f -> f,
                () -> editing.changePromise(tenant, code, promise(code, form)));
    }

    @PostMapping("/promises/{code}/delete")
    String deletePromise(TenantContext tenant, @PathVariable String code, RedirectAttributes redirect) {
        return delete(redirect, "promises", code, () -> editing.removePromise(tenant, code));
    }

    private static Promise promise(String code, PromiseForm form) {
        return Promise.of(code, form.title(), form.description(), Forms.lines(form.needs()), Forms.lines(form.means()),
                Forms.lines(form.doesNotMean()));
    }

    // --- statements ----------------------------------------------------------------------------

    @GetMapping("/statements/new")
    String newStatement(TenantContext tenant, Model model) {
        FrameworkVersion draft = editing.draft(tenant.tenantId());
        String firstPromise = draft.promises().isEmpty() ? "" : draft.promises().getFirst().code();
        model.addAttribute("form", new StatementForm(draft.nextCode("S"), "", "", firstPromise));
        promiseOptions(draft, model);
        return page(model, "framework/statement", null);
    }

    @PostMapping("/statements/new")
    String addStatement(TenantContext tenant, @Valid @ModelAttribute("form") StatementForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        promiseOptions(editing.draft(tenant.tenantId()), model);
        return save(result, model, redirect, "framework/statement", null, f -> f,
                () -> editing.addStatement(tenant, new Statement(form.code(), form.text(), form.textEn(), form.promise())));
    }

    @GetMapping("/statements/{code}")
    String editStatement(TenantContext tenant, @PathVariable String code, Model model) {
        FrameworkVersion draft = editing.draft(tenant.tenantId());
        Statement s = draft.statement(code).orElseThrow(() -> new NotFoundException("statement"));
        model.addAttribute("form", new StatementForm(s.code(), s.textNl(), s.textEn(), s.promiseCode()));
        promiseOptions(draft, model);
        return page(model, "framework/statement", s.code());
    }

    @PostMapping("/statements/{code}")
    String changeStatement(TenantContext tenant, @PathVariable String code,
            @Valid @ModelAttribute("form") StatementForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        FrameworkVersion draft = editing.draft(tenant.tenantId());
        Statement s = draft.statement(code).orElseThrow(() -> new NotFoundException("statement"));
        promiseOptions(draft, model);
        return save(result, model, redirect, "framework/statement", s.code(), f -> f,
                () -> editing.changeStatement(tenant, code, new Statement(code, form.text(), form.textEn(), form.promise())));
    }

    @PostMapping("/statements/{code}/delete")
    String deleteStatement(TenantContext tenant, @PathVariable String code, RedirectAttributes redirect) {
        return delete(redirect, "statements", code, () -> editing.removeStatement(tenant, code));
    }

    private static void promiseOptions(FrameworkVersion draft, Model model) {
        model.addAttribute("promises", draft.promises().stream()
                .map(p -> new Option(p.code(), p.code() + " " + p.title())).toList());
    }

    // --- service aspects -----------------------------------------------------------------------

    @GetMapping("/aspects/new")
    String newAspect(TenantContext tenant, Model model) {
        FrameworkVersion draft = editing.draft(tenant.tenantId());
        model.addAttribute("form", new AspectForm(draft.nextCode("A"), "", "", null));
        return page(model, "framework/aspect", null);
    }

    @PostMapping("/aspects/new")
    String addAspect(TenantContext tenant, @Valid @ModelAttribute("form") AspectForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        editing.draft(tenant.tenantId());
        return save(result, model, redirect, "framework/aspect", null, f -> f,
                () -> editing.addAspect(tenant, new ServiceAspect(form.code(), form.name(), form.nameEn(), form.category())));
    }

    @GetMapping("/aspects/{code}")
    String editAspect(TenantContext tenant, @PathVariable String code, Model model) {
        ServiceAspect a = editing.draft(tenant.tenantId()).aspect(code).orElseThrow(() -> new NotFoundException("aspect"));
        model.addAttribute("form", new AspectForm(a.code(), a.nameNl(), a.nameEn(), a.category()));
        return page(model, "framework/aspect", a.code());
    }

    @PostMapping("/aspects/{code}")
    String changeAspect(TenantContext tenant, @PathVariable String code, @Valid @ModelAttribute("form") AspectForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        ServiceAspect a = editing.draft(tenant.tenantId()).aspect(code).orElseThrow(() -> new NotFoundException("aspect"));
        return save(result, model, redirect, "framework/aspect", a.code(), f -> f,
                () -> editing.changeAspect(tenant, code, new ServiceAspect(code, form.name(), form.nameEn(), form.category())));
    }

    @PostMapping("/aspects/{code}/delete")
    String deleteAspect(TenantContext tenant, @PathVariable String code, RedirectAttributes redirect) {
        return delete(redirect, "aspects", code, () -> editing.removeAspect(tenant, code));
    }

    // --- norms ---------------------------------------------------------------------------------

    @GetMapping("/norms/new")
    String newNorm(TenantContext tenant, Model model) {
        FrameworkVersion draft = editing.draft(tenant.tenantId());
        model.addAttribute("form", new NormForm(draft.nextCode("N"), "", "", "", NormUnit.WORKING_DAYS, "",
                NormScope.ORGANISATION, null, null));
        normOptions(tenant, model);
        return page(model, "framework/norm", null);
    }

    @PostMapping("/norms/new")
    String addNorm(TenantContext tenant, @Valid @ModelAttribute("form") NormForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        editing.draft(tenant.tenantId());
        normOptions(tenant, model);
        numbers(form, result);
        return save(result, model, redirect, "framework/norm", null, scopeField(form),
                () -> editing.addNorm(tenant, input(form.code(), form)));
    }

    @GetMapping("/norms/{code}")
    String editNorm(TenantContext tenant, @PathVariable String code, Model model) {
        Norm n = editing.draft(tenant.tenantId()).norm(code).orElseThrow(() -> new NotFoundException("norm"));
        model.addAttribute("form", new NormForm(n.code(), n.name(), n.measure(), n.threshold().toPlainString(), n.unit(),
                n.targetPercent() == null ? "" : n.targetPercent().toPlainString(), n.scope(),
                n.scope() == NormScope.TEAM ? n.scopeId() : null, n.scope() == NormScope.SERVICE ? n.scopeId() : null));
        model.addAttribute("norm", n);
        normOptions(tenant, model);
        return page(model, "framework/norm", n.code());
    }

    @PostMapping("/norms/{code}")
    String changeNorm(TenantContext tenant, @PathVariable String code, @Valid @ModelAttribute("form") NormForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        Norm n = editing.draft(tenant.tenantId()).norm(code).orElseThrow(() -> new NotFoundException("norm"));
        model.addAttribute("norm", n);
        normOptions(tenant, model);
        numbers(form, result);
        return save(result, model, redirect, "framework/norm", n.code(), scopeField(form),
                () -> editing.changeNorm(tenant, code, input(code, form)));
    }

    @PostMapping("/norms/{code}/delete")
    String deleteNorm(TenantContext tenant, @PathVariable String code, RedirectAttributes redirect) {
        return delete(redirect, "norms", code, () -> editing.removeNorm(tenant, code));
    }

    private void normOptions(TenantContext tenant, Model model) {
        model.addAttribute("units", Arrays.stream(NormUnit.values())
                .map(u -> new Option(u.name(), support.text(u.messageKey()))).toList());
        model.addAttribute("scopes", Arrays.stream(NormScope.values())
                .map(s -> new Option(s.name(), support.text(s.messageKey()))).toList());
        List<Option> teams = new ArrayList<>();
        teams.add(new Option("", support.text("framework.norm.noTeam")));
        catalogue.teams(tenant.tenantId()).forEach(t -> teams.add(new Option(t.id().toString(), t.name())));
        List<Option> services = new ArrayList<>();
        services.add(new Option("", support.text("framework.norm.noService")));
        catalogue.services(tenant.tenantId()).forEach(s -> services.add(new Option(s.id().toString(), s.name())));
        model.addAttribute("teams", teams);
        model.addAttribute("services", services);
    }

    /** Numbers that are filled in but cannot be read get a message of their own. */
    private static void numbers(NormForm form, BindingResult result) {
        if (form.threshold() != null && !form.threshold().isBlank() && Forms.number(form.threshold()) == null
                && !result.hasFieldErrors("threshold")) {
            result.rejectValue("threshold", "framework.norm.notANumber");
        }
        if (form.targetPercent() != null && !form.targetPercent().isBlank() && Forms.number(form.targetPercent()) == null
                && !result.hasFieldErrors("targetPercent")) {
            result.rejectValue("targetPercent", "framework.norm.notANumber");
        }
        // Said here too, so that a form with other mistakes shows this one at the same time.
        if (result.hasErrors() && form.scope() == NormScope.TEAM && form.teamId() == null) {
            result.rejectValue("teamId", "framework.norm.teamRequired");
        }
        if (result.hasErrors() && form.scope() == NormScope.SERVICE && form.serviceId() == null) {
            result.rejectValue("serviceId", "framework.norm.serviceRequired");
        }
    }

    private static NormInput input(String code, NormForm form) {
        BigDecimal threshold = Forms.number(form.threshold());
        java.util.UUID scopeId = form.scope() == NormScope.TEAM ? form.teamId()
                : form.scope() == NormScope.SERVICE ? form.serviceId() : null;
        return new NormInput(code, form.name(), form.measure(), threshold, form.unit(), Forms.number(form.targetPercent()),
                form.scope(), scopeId);
    }

    /** The module speaks of "scopeId"; the form has a team list and a service list. */
    private static java.util.function.UnaryOperator<String> scopeField(NormForm form) {
        return f -> "scopeId".equals(f) ? (form.scope() == NormScope.SERVICE ? "serviceId" : "teamId") : f;
    }

    // --- shared --------------------------------------------------------------------------------

    private static String page(Model model, String template, String code) {
        model.addAttribute("code", code);
        return template;
    }

    private String save(BindingResult result, Model model, RedirectAttributes redirect, String template, String code,
            java.util.function.UnaryOperator<String> field, Runnable action) {
        model.addAttribute("code", code);
        if (result.hasErrors()) {
            return template;
        }
        try {
            action.run();
        } catch (ValidationProblem problem) {
            PageSupport.reject(result, problem, field);
            return template;
        }
        redirect.addFlashAttribute("message", "form.saved");
        return DONE;
    }

    private String delete(RedirectAttributes redirect, String kind, String code, Runnable action) {
        try {
            action.run();
        } catch (ValidationProblem problem) {
            redirect.addFlashAttribute("refused", support.text(problem.problems().getFirst().code(),
                    problem.problems().getFirst().args()));
            return "redirect:/framework/draft/" + kind + "/" + code;
        }
        redirect.addFlashAttribute("message", "framework.deleted");
        return DONE;
    }
}
