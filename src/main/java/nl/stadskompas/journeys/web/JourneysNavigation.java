// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.journeys.web;

import nl.stadskompas.platform.NavigationItem;
import nl.stadskompas.platform.Permission;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class JourneysNavigation {

    @Bean
    NavigationItem journeysNavigationItem() {
        return new NavigationItem("journeys.nav", "/journeys", Permission.READ, 25);
    }
}
