// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.organisation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import nl.stadskompas.platform.ValidationProblem;
import nl.stadskompas.platform.ValidationProblem.FieldProblem;

import org.springframework.cache.annotation.Cacheable;
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
    private final OrganisationStructure structure;

    OrganisationRegistry(Organisations organisations, ApplicationEventPublisher events, Clock clock,
            OrganisationStructure structure) {
        this.organisations = organisations;
        this.events = events;
        this.clock = clock;
        this.structure = structure;
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
        return register(slug, name, registeredBy, List.of());
    }

    /**
     * Registers a new organisation together with the municipalities it serves, all or nothing.
     *
     * @param municipalities the names of the municipalities; empty entries are left out
     * @throws ValidationProblem listing every problem (slug, name, municipalities); nothing is registered then
     */
    @Transactional
    public Organisation register(String slug, String name, UUID registeredBy, List<String> municipalities) {
        List<FieldProblem> problems = new ArrayList<>();
        String cleanSlug = slug == null ? "" : slug.trim().toLowerCase(Locale.ROOT);
        if (!SLUG.matcher(cleanSlug).matches()) {
            problems.add(new FieldProblem("slug", "organisation.slug.invalid"));
        } else if (organisations.findBySlug(cleanSlug).isPresent()) {
            problems.add(new FieldProblem("slug", "organisation.slug.taken"));
        }
        if (name == null || name.isBlank() || name.trim().length() > 200) {
            problems.add(new FieldProblem("name", "organisation.name.invalid"));
        }
        List<String> towns = cleanMunicipalities(municipalities, problems);
        if (!problems.isEmpty()) {
            throw new ValidationProblem(problems);
        }
        Organisation organisation = organisations.save(Organisation.register(cleanSlug, name.trim(), clock.instant()));
        events.publishEvent(new OrganisationRegistered(organisation.id(), registeredBy));
        towns.forEach(town -> structure.addMunicipality(organisation.id(), new MunicipalityDetails(town, null)));
        return organisation;
    }

    private static List<String> cleanMunicipalities(List<String> given, List<FieldProblem> problems) {
        List<String> towns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String raw : given == null ? List.<String>of() : given) {
            String town = raw == null ? "" : raw.strip();
            if (town.length() > Problems.NAME_LENGTH) {
                problems.add(new FieldProblem("municipalities", "organisation.register.municipalityTooLong",
                        Problems.NAME_LENGTH));
            } else if (!town.isEmpty() && seen.add(town.toLowerCase(Locale.ROOT))) {
                towns.add(town);
            }
        }
        return towns;
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

    /** The organisation's name, or its id when it no longer exists; from memory for a short while (ADR 0409). */
    @Cacheable(OrganisationCaches.NAMES)
    public String nameOf(UUID id) {
        return organisations.findById(id).map(Organisation::name).orElse(id.toString());
    }
}
