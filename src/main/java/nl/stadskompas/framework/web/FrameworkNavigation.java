// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.framework.web;

import nl.stadskompas.platform.NavigationItem;
import nl.stadskompas.platform.Permission;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class FrameworkNavigation {

    @Bean
    NavigationItem frameworkNavigationItem() {
        return new NavigationItem("framework.nav", "/framework", Permission.READ, 20);
    }
}
