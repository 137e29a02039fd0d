// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.notifications.web;

import nl.stadskompas.platform.NavigationItem;
import nl.stadskompas.platform.Permission;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class NotificationsNavigation {

    @Bean
    NavigationItem messagesNavigationItem() {
        return new NavigationItem("notifications-templates.nav", "/berichten", Permission.READ,
                44);
    }
}
