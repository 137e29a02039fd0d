// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.contacts.web;

import nl.stadskompas.platform.NavigationItem;
import nl.stadskompas.platform.Permission;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ContactsNavigation {

    @Bean
    NavigationItem appointmentsNavigationItem() {
        return new NavigationItem("contacts.nav", "/afspraken", Permission.CASES_HANDLE, 42);
    }
}
