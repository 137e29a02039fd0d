// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.platform.config;

import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Caches in memory (Caffeine through Spring's cache abstraction, ADR 0409) for data that every
 * resident's request reads and that never or seldom changes. A module registers its own caches,
 * with their size and lifetime, through a {@code CacheManagerCustomizer}; any other cache gets the
 * bounded default of {@code spring.cache.caffeine.spec}.
 *
 * <p>The cache advice runs outside the transaction advice, so a hit needs no database connection.
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching(order = Ordered.LOWEST_PRECEDENCE - 1)
class CacheConfiguration {
}
