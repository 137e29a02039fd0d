// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.accounts.web;

import nl.stadskompas.platform.NavigationItem;
import nl.stadskompas.platform.Permission;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AccountsNavigation {

    @Bean
    NavigationItem usersNavigation() {
        return new NavigationItem("accounts.nav", "/admin/users", Permission.USERS_MANAGE, 90);
    }
}
