// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.cases;

import nl.stadskompas.cases.WorkingDayCalendar.LiberationDay;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CasesConfiguration {

    @Bean
    WorkingDayCalendar workingDayCalendar(
            @Value("${stadskompas.cases.liberation-day:LUSTRUM_YEARS}") LiberationDay liberationDay) {
        return new WorkingDayCalendar(liberationDay);
    }
}
