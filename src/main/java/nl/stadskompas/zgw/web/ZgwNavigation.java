// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.zgw.web;

import nl.stadskompas.platform.NavigationItem;
import nl.stadskompas.platform.Permission;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ZgwNavigation {

    @Bean
    NavigationItem zgwNavigationItem() {
        return new NavigationItem("zgw.nav", "/zgw", Permission.INTEGRATIONS_MANAGE, 90);
    }
}
