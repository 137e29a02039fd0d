// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.platform.security;

import nl.stadskompas.platform.Memberships;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Who may reach what. Two chains: the REST API (stateless, HTTP Basic for built-in accounts, no
 * cookies and therefore no CSRF token) and the pages (session, form or OpenID Connect sign-in, CSRF
 * protection, a strict content security policy). Within a tenant, controllers check permissions.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /** No inline script or style anywhere: every page must work with this policy. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    /** The bundled API explorer needs inline styles; it shows no data of its own. */
    static final String API_DOCS_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * Sign-ins stay observed (metrics and traces); the per-filter and per-authorization observations
     * of every request are not: they cost more CPU than a resident's whole submission does in our own
     * code, and the request itself is measured once already ({@code http.server.requests}).
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.withDefaults().shouldObserveRequests(false)
                .shouldObserveAuthorizations(false).build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, Memberships memberships) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a.anyRequest().hasRole("USER"))
                .httpBasic(b -> b.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'")))
                .addFilterBefore(new TenantFilter(memberships), ExceptionTranslationFilter.class);
        return http.build();
    }

    /** Health is open for load balancers; metrics need a platform administrator (HTTP Basic for scrapers). */
    @Bean
    @Order(2)
    SecurityFilterChain operations(HttpSecurity http, Memberships memberships) throws Exception {
        http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().hasAuthority(TenantFilter.PLATFORM_ADMIN))
                .httpBasic(b -> b.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .addFilterBefore(new TenantFilter(memberships), ExceptionTranslationFilter.class);
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain apiDocs(HttpSecurity http) throws Exception {
        http.securityMatcher("/swagger-ui/**", "/swagger-ui.html", "/v3/api-docs/**")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(API_DOCS_POLICY)));
        return http.build();
    }

    @Bean
    @Order(4)
    SecurityFilterChain pages(HttpSecurity http, Memberships memberships,
            ObjectProvider<ClientRegistrationRepository> oidcClients,
            ObjectProvider<OAuth2UserService<OidcUserRequest, OidcUser>> oidcUsers) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/css/**", "/vendor/**", "/img/**", "/favicon.ico", "/login", "/error",
                                "/language")
                        .permitAll()
                        // Public pages for residents, reached by a secret link without signing in.
                        .requestMatchers("/volgen", "/volgen/**")
                        .permitAll()
                        // Response pages of questionnaires: anyone may answer, without signing in.
                        .requestMatchers("/v/**")
                        .permitAll()
                        // feedback reach: the public feedback card, open to anyone without signing in.
                        .requestMatchers("/kaart", "/kaart/**")
                        .permitAll()
                        // contacts: the resident's preferences and appointment pages, behind a secret link
                        // (forms, so CSRF protection stays on).
                        .requestMatchers("/voorkeuren", "/voorkeuren/**", "/afspraak", "/afspraak/**")
                        .permitAll()
                        .anyRequest().hasRole("USER"))
                // Anonymous answers have no signed-in state to protect, and a CSRF token would need
                // a session (and a cookie) for every respondent.
                .csrf(c -> c.ignoringRequestMatchers("/v/**", "/kaart", "/kaart/**"))
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).failureUrl("/login?error"))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=()")))
                .addFilterBefore(new TenantFilter(memberships), ExceptionTranslationFilter.class);
        if (oidcClients.getIfAvailable() != null) {
            http.oauth2Login(o -> {
                o.loginPage("/login").defaultSuccessUrl("/", false).failureUrl("/login?oidcError");
                OAuth2UserService<OidcUserRequest, OidcUser> users = oidcUsers.getIfAvailable();
                if (users != null) {
                    o.userInfoEndpoint(u -> u.oidcUserService(users));
                }
            });
        }
        return http.build();
    }
}
