// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.platform.security;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import nl.stadskompas.platform.Memberships.Standing;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Lets a user who works for several organisations choose the one they work in now. Only a tenant
 * the user is a member of can be chosen.
 */
@Controller
class TenantSwitchController {

    @PostMapping("/tenant")
    String switchTenant(@RequestParam(required = false) UUID tenantId, HttpServletRequest request, HttpSession session) {
        Standing standing = (Standing) request.getAttribute(Standing.class.getName());
        if (tenantId != null && standing != null && standing.in(tenantId).isPresent()) {
            session.setAttribute(TenantFilter.SESSION_TENANT, tenantId);
        }
        return "redirect:/";
    }
}
