// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.organisation;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import nl.stadskompas.platform.ValidationProblem;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers organisations (tenants) and tells other modules their names.
 */
@Service
public class OrganisationRegistry {

    /** The short name of the fictional demo organisation loaded on first start. */
    public static final String DEMO_SLUG = "twee-oevers";

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{1,58}[a-z0-9]");

    private final Organisations organisations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OrganisationRegistry(Organisations organisations, ApplicationEventPublisher events, Clock clock) {
        this.organisations = organisations;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Registers a new organisation.
     *
     * @param slug short URL-safe name, unique across the installation
     * @param name the name users see
     * @param registeredBy the user who registers it (they become its administrator), or null
     * @throws ValidationProblem when the slug is malformed or taken, or the name is empty
     */
    @Transactional
    public Organisation register(String slug, String name, UUID registeredBy) {
        String cleanSlug = slug == null ? "" : slug.trim().toLowerCase(java.util.Locale.ROOT);
        if (!SLUG.matcher(cleanSlug).matches()) {
            throw ValidationProblem.of("slug", "organisation.slug.invalid");
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            throw ValidationProblem.of("name", "organisation.name.invalid");
        }
        if (organisations.findBySlug(cleanSlug).isPresent()) {
            throw ValidationProblem.of("slug", "organisation.slug.taken");
        }
        Organisation organisation = organisations.save(Organisation.register(cleanSlug, name.trim(), clock.instant()));
        events.publishEvent(new OrganisationRegistered(organisation.id(), registeredBy));
        return organisation;
    }

    public Optional<Organisation> find(UUID id) {
        return organisations.findById(id);
    }

    public Optional<Organisation> findBySlug(String slug) {
        return organisations.findBySlug(slug);
    }

    public List<Organisation> all() {
        return organisations.findAllByOrderByName();
    }

    /** The organisation's name, or its id when it no longer exists. */
    public String nameOf(UUID id) {
        return organisations.findById(id).map(Organisation::name).orElse(id.toString());
    }
}
