// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.zgw.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The callback is called by the case system's Notificaties API, not by a signed-in user: it has a
 * filter chain of its own ahead of the API's, without sign-in, session or CSRF token. The callback
 * itself checks the agreed Authorization value of the tenant in its path.
 */
@Configuration(proxyBeanMethods = false)
class CallbackSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain zgwCallbacks(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/zgw/callbacks/**")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
        return http.build();
    }
}
