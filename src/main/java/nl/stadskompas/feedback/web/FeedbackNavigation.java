// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback.web;

import nl.stadskompas.platform.NavigationItem;
import nl.stadskompas.platform.Permission;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class FeedbackNavigation {

    @Bean
    NavigationItem feedbackNavigationItem() {
        return new NavigationItem("feedback.nav", "/feedback", Permission.READ, 40);
    }
}
