// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.insights.web;

import nl.stadskompas.platform.NavigationItem;
import nl.stadskompas.platform.Permission;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AnalysisNavigation {

    @Bean
    NavigationItem insightsAnalysisNavigationItem() {
        return new NavigationItem("insights-analysis.nav", "/insights/analysis", Permission.READ, 92);
    }
}
