// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.platform.shell;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the person who started Stadskompas where to open it.
 */
@Component
class StartupNotice {

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null) {
            System.out.printf("%n  Stadskompas is running: open http://localhost:%d and sign in.%n"
                    + "  (First start? The administrator's user name and password are printed above.)%n%n",
                    web.getWebServer().getPort());
        }
    }
}
