// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.organisation.web;

import nl.stadskompas.platform.NavigationItem;
import nl.stadskompas.platform.Permission;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The organisation overview and the "who does what" directory in the menu, for everyone who may read.
 */
@Configuration(proxyBeanMethods = false)
class OrganisationNavigation {

    @Bean
    NavigationItem organisationOverviewNavigation() {
        return new NavigationItem("organisation.nav", OverviewController.PATH, Permission.READ, 10);
    }

    @Bean
    NavigationItem organisationDirectoryNavigation() {
        return new NavigationItem("organisation.directory.nav", DirectoryController.PATH, Permission.READ, 12);
    }
}
