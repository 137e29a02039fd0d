// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.platform.shell;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import nl.stadskompas.platform.TenantContext;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Languages (Dutch unless the user chose English) and the {@link TenantContext} parameter that
 * controllers declare.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final Locale DUTCH = Locale.of("nl");
    static final List<Locale> SUPPORTED = List.of(DUTCH, Locale.ENGLISH);

    /** At most this many requests at once; the rest wait briefly and then get 503 (see {@link LoadLimit}). */
    @Bean
    FilterRegistrationBean<LoadLimit> loadLimit(
            @Value("${stadskompas.http.max-concurrent-requests:200}") int maxConcurrent,
            @Value("${stadskompas.http.queue-wait:2s}") Duration wait) {
        FilterRegistrationBean<LoadLimit> registration = new FilterRegistrationBean<>(new LoadLimit(maxConcurrent, wait));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("taal");
        resolver.setDefaultLocale(DUTCH);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieSameSite("Lax");
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new TenantContextResolver());
    }

    /** Supplies the tenant context the security filter established; refuses when there is none. */
    static final class TenantContextResolver implements HandlerMethodArgumentResolver {

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType().equals(TenantContext.class);
        }

        @Override
        public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
            Object context = webRequest.getAttribute(TenantContext.class.getName(), RequestAttributes.SCOPE_REQUEST);
            if (context == null) {
                throw new AccessDeniedException("No tenant for this user");
            }
            return context;
        }
    }
}
