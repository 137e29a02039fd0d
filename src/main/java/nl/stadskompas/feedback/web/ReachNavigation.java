// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback.web;

import nl.stadskompas.platform.NavigationItem;
import nl.stadskompas.platform.Permission;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The inbox of feedback cards and the residents' stories in the menu. */
@Configuration(proxyBeanMethods = false)
class ReachNavigation {

    @Bean
    NavigationItem feedbackCardsNavigationItem() {
        return new NavigationItem("feedback-reach.nav", CardInboxController.PATH, Permission.CASES_HANDLE, 41);
    }

    @Bean
    NavigationItem feedbackStoriesNavigationItem() {
        return new NavigationItem("feedback-reach.stories.nav", "/feedback/stories", Permission.SURVEYS_EDIT, 43);
    }
}
