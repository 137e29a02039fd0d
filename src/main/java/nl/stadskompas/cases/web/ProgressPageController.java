// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.cases.web;

import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import nl.stadskompas.cases.ProgressPages;
import nl.stadskompas.cases.ProgressView;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The resident's progress page, reached without signing in by the secret link in a letter, message
 * or QR code. Whatever is wrong with a link (malformed, unknown, revoked, expired), the answer is the
 * same plain "not found" page with status 404, so a guesser learns nothing; too many failed tries
 * get a plain "wait a moment" page with 429. The page is never cached, indexed or passed on as a
 * referrer, and shows no employee navigation.
 */
@Controller
class ProgressPageController {

    private final ProgressPages pages;
    private final ProgressThrottle throttle;

    ProgressPageController(ProgressPages pages, ProgressThrottle throttle) {
        this.pages = pages;
        this.throttle = throttle;
    }

    @GetMapping("/volgen/{token}")
    String progress(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
        privateHeaders(response);
        String client = request.getRemoteAddr();
        if (!throttle.allows(client)) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader("Retry-After", "600");
            return "cases/progress-throttled";
        }
        Optional<ProgressView> view = pages.open(token, english());
        if (view.isEmpty()) {
            throttle.failed(client);
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "cases/progress-not-found";
        }
        model.addAttribute("progress", view.get());
        return "cases/progress";
    }

    /** Any other path under the progress prefix is simply a link that leads nowhere. */
    @GetMapping({ "/volgen", "/volgen/", "/volgen/**" })
    String nowhere(HttpServletRequest request, HttpServletResponse response) {
        return progress("", request, response, null);
    }

    static void privateHeaders(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Robots-Tag", "noindex, nofollow");
    }

    private static boolean english() {
        return Locale.ENGLISH.getLanguage().equals(LocaleContextHolder.getLocale().getLanguage());
    }
}
