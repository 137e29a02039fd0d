// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.accounts.web;

import jakarta.servlet.http.HttpServletRequest;

import nl.stadskompas.accounts.AccountManagement;
import nl.stadskompas.platform.Memberships.Standing;
import nl.stadskompas.platform.SignedInUser;
import nl.stadskompas.platform.ValidationProblem;
import nl.stadskompas.platform.web.FormErrors;

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
 * The signed-in user's own account: their roles per organisation and their password.
 */
@Controller
@RequestMapping("/account")
class MyAccountController {

    private final AccountManagement management;

    MyAccountController(AccountManagement management) {
        this.management = management;
    }

    @ModelAttribute("standing")
    Standing standing(HttpServletRequest request) {
        return (Standing) request.getAttribute(Standing.class.getName());
    }

    @GetMapping
    String show(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("username", user.getUsername());
        model.addAttribute("form", new PasswordForm("", "", ""));
        return "accounts/account";
    }

    @PostMapping("/password")
    String changePassword(@AuthenticationPrincipal SignedInUser user, @ModelAttribute("form") PasswordForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        model.addAttribute("username", user.getUsername());
        try {
            management.changeOwnPassword(user.id(), form.currentPassword(), form.newPassword(), form.repeatPassword());
        } catch (ValidationProblem problem) {
            FormErrors.reject(result, problem);
            return "accounts/account";
        }
        redirect.addFlashAttribute("passwordChanged", true);
        return "redirect:/account";
    }

    record PasswordForm(String currentPassword, String newPassword, String repeatPassword) {
    }
}
