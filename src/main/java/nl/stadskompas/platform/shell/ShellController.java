// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.platform.shell;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The home page and the language switch.
 */
@Controller
class ShellController {

    @GetMapping("/")
    String home() {
        return "platform/home";
    }

    /** Switches language (the locale interceptor already read {@code lang}) and goes back. */
    @GetMapping("/language")
    String language(@RequestParam(required = false) String back) {
        return "redirect:" + safeLocalPath(back);
    }

    /** Only paths on this site: never an open redirect to somewhere else. */
    static String safeLocalPath(String back) {
        if (back == null || !back.startsWith("/") || back.startsWith("//") || back.contains("\\")
                || back.contains("\r") || back.contains("\n")) {
            return "/";
        }
        return back;
    }
}
