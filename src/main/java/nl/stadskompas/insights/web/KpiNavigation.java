// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.insights.web;

import nl.stadskompas.platform.NavigationItem;
import nl.stadskompas.platform.Permission;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class KpiNavigation {

    @Bean
    NavigationItem insightsDashboardNavigationItem() {
        return new NavigationItem("insights.nav", "/insights", Permission.READ, 90);
    }

    @Bean
    NavigationItem insightsKpisNavigationItem() {
        return new NavigationItem("insights.kpis.nav", "/insights/kpis", Permission.READ, 91);
    }
}
