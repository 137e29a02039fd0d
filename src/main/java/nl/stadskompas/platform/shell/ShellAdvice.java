// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.platform.shell;

import java.util.Comparator;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import nl.stadskompas.platform.Memberships.Membership;
import nl.stadskompas.platform.Memberships.Standing;
import nl.stadskompas.platform.NavigationItem;
import nl.stadskompas.platform.SignedInUser;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page the shell (user, tenants, navigation) and its own path, for the language switch.
 */
@ControllerAdvice
class ShellAdvice {

    private final List<NavigationItem> navigation;

    ShellAdvice(List<NavigationItem> navigation) {
        this.navigation = navigation.stream().sorted(Comparator.comparingInt(NavigationItem::order)).toList();
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.isEmpty() ? "/" : path;
    }

    @ModelAttribute("shell")
    Shell shell(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof SignedInUser user)) {
            return null;
        }
        Standing standing = (Standing) request.getAttribute(Standing.class.getName());
        if (standing == null) {
            return null;
        }
        Membership current = (Membership) request.getAttribute(Membership.class.getName());
        List<NavigationItem> allowed = current == null ? List.of()
                : navigation.stream().filter(item -> current.role().allows(item.permission())).toList();
        return new Shell(user.displayName(), standing.tenants(), current, allowed, standing.platformAdministrator());
    }
}
