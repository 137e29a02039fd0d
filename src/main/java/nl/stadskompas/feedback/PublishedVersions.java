// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import java.util.Optional;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.boot.cache.autoconfigure.CacheManagerCustomizer;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * Published questionnaire versions as the response pages read them, kept in memory. A published
 * version never changes (every change goes to a new draft, which becomes a new version with its own
 * id), so an entry is never stale and needs no eviction; the cache is only bounded in size. What
 * is kept is a {@linkplain QuestionnaireVersion#frozenCopy() frozen copy}, shared by all requests.
 * Drafts are never kept.
 */
@Component
class PublishedVersions {

    static final String CACHE = "feedback.published-versions";
    /** Versions kept at most: far more than are open at once in any organisation. */
    static final int MAX_KEPT = 2_000;

    private final QuestionnaireVersions versions;

    PublishedVersions(QuestionnaireVersions versions) {
        this.versions = versions;
    }

    /**
     * The published version with this id, from memory after the first read. The key is the version id
     * alone (ids are unique across tenants); callers check that the version is of their questionnaire.
     */
    @Cacheable(cacheNames = CACHE, unless = "#result == null")
    public Optional<QuestionnaireVersion> find(UUID versionId) {
        return versions.findById(versionId).filter(v -> !v.isDraft()).map(QuestionnaireVersion::frozenCopy);
    }

    @Bean
    static CacheManagerCustomizer<CaffeineCacheManager> publishedVersionsCache() {
        return manager -> manager.registerCustomCache(CACHE,
                Caffeine.newBuilder().maximumSize(MAX_KEPT).recordStats().build());
    }
}
