// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.accounts.web;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import nl.stadskompas.accounts.AccountManagement;
import nl.stadskompas.accounts.AccountManagement.AccountSummary;
import nl.stadskompas.accounts.AccountManagement.NewAccount;
import nl.stadskompas.platform.Role;
import nl.stadskompas.platform.TenantContext;
import nl.stadskompas.platform.ValidationProblem;
import nl.stadskompas.platform.web.FormErrors;
import nl.stadskompas.platform.web.Option;

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
 * User management for the administrators of a tenant.
 */
@Controller
@RequestMapping("/admin/users")
@PreAuthorize("hasAuthority('PERM_USERS_MANAGE')")
class UsersController {

    private final AccountManagement management;
    private final MessageSource messages;

    UsersController(AccountManagement management, MessageSource messages) {
        this.management = management;
        this.messages = messages;
    }

    @ModelAttribute("roles")
    List<Option> roles() {
        return Arrays.stream(Role.values())
                .map(r -> new Option(r.name(), messages.getMessage(r.messageKey(), null, LocaleContextHolder.getLocale())))
                .toList();
    }

    @GetMapping
    String list(TenantContext tenant, Model model) {
        model.addAttribute("users", management.inTenant(tenant.tenantId()));
        return "accounts/users";
    }

    @GetMapping("/new")
    String newUser(Model model) {
        model.addAttribute("form", new NewUserForm("", "", "", Role.VIEWER));
        return "accounts/user-new";
    }

    @PostMapping("/new")
    String create(TenantContext tenant, @Valid @ModelAttribute("form") NewUserForm form, BindingResult result,
            Model model) {
        if (result.hasErrors()) {
            return "accounts/user-new";
        }
        try {
            NewAccount created = management.create(tenant.tenantId(), form.username(), form.displayName(),
                    form.email(), form.role());
            model.addAttribute("created", created);
            return "accounts/user-created";
        } catch (ValidationProblem problem) {
            FormErrors.reject(result, problem);
            return "accounts/user-new";
        }
    }

    @GetMapping("/{id}")
    String edit(TenantContext tenant, @PathVariable UUID id, Model model) {
        AccountSummary user = management.get(tenant.tenantId(), id);
        model.addAttribute("user", user);
        model.addAttribute("form", new EditUserForm(user.displayName(), user.email(), user.role()));
        return "accounts/user-edit";
    }

    @PostMapping("/{id}")
    String update(TenantContext tenant, @PathVariable UUID id, @Valid @ModelAttribute("form") EditUserForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        AccountSummary user = management.get(tenant.tenantId(), id);
        model.addAttribute("user", user);
        if (result.hasErrors()) {
            return "accounts/user-edit";
        }
        try {
            management.changeRole(tenant.tenantId(), id, form.role(), tenant.userId());
            management.describe(tenant.tenantId(), id, form.displayName(), form.email());
        } catch (ValidationProblem problem) {
            FormErrors.reject(result, problem);
            return "accounts/user-edit";
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/admin/users";
    }

    @PostMapping("/{id}/password")
    String resetPassword(TenantContext tenant, @PathVariable UUID id, Model model) {
        AccountSummary user = management.get(tenant.tenantId(), id);
        String password = management.resetPassword(tenant.tenantId(), id);
        model.addAttribute("created", new NewAccount(user.id(), user.username(), password));
        model.addAttribute("reset", true);
        return "accounts/user-created";
    }

    @PostMapping("/{id}/remove")
    String remove(TenantContext tenant, @PathVariable UUID id, RedirectAttributes redirect) {
        try {
            management.removeFromTenant(tenant.tenantId(), id, tenant.userId());
            redirect.addFlashAttribute("removed", true);
        } catch (ValidationProblem problem) {
            redirect.addFlashAttribute("removeRefused", true);
        }
        return "redirect:/admin/users";
    }

    record NewUserForm(
            @Size(min = 3, max = 100) String username,
            @NotBlank @Size(max = 200) String displayName,
            @Email @Size(max = 254) String email,
            @NotNull Role role) {
    }

    record EditUserForm(
            @NotBlank @Size(max = 200) String displayName,
            @Email @Size(max = 254) String email,
            @NotNull Role role) {
    }
}
