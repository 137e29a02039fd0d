// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.organisation;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.boot.cache.autoconfigure.CacheManagerCustomizer;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The lookups that every resident's request may make (an organisation's name, a service of a link,
 * its municipalities) kept in memory for a short while (ADR 0409). A change through this module
 * empties them at once on this node; another node sees it within {@link #LIFETIME}.
 */
@Configuration(proxyBeanMethods = false)
class OrganisationCaches {

    static final String NAMES = "organisation.names";
    static final String SERVICES = "organisation.services";
    static final String MUNICIPALITIES = "organisation.municipalities";
    static final Duration LIFETIME = Duration.ofSeconds(60);
    static final int MAX_KEPT = 10_000;

    @Bean
    static CacheManagerCustomizer<CaffeineCacheManager> organisationCacheSettings() {
        return manager -> {
            for (String name : new String[] { NAMES, SERVICES, MUNICIPALITIES }) {
                manager.registerCustomCache(name,
                        Caffeine.newBuilder().maximumSize(MAX_KEPT).expireAfterWrite(LIFETIME).recordStats().build());
            }
        };
    }
}
