// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.cases.web;

import nl.stadskompas.platform.NavigationItem;
import nl.stadskompas.platform.Permission;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CasesNavigation {

    @Bean
    NavigationItem casesNavigationItem() {
        return new NavigationItem("cases.nav", "/cases", Permission.CASES_HANDLE, 40);
    }

    @Bean
    NavigationItem caseTypesNavigationItem() {
        return new NavigationItem("cases.types.nav", "/case-types", Permission.ORGANISATION_EDIT, 45);
    }
}
