// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.organisation;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import nl.stadskompas.platform.NotFoundException;
import nl.stadskompas.platform.ValidationProblem;

import org.springframework.cache.annotation.CacheEvict;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * How an organisation is built, and the rules for changing it: its municipalities, domains, teams
 * with their core tasks, and the services the teams own. Every method works within one tenant: an
 * id of another tenant is reported as not found.
 *
 * <p>Rules: names are unique within the organisation, ignoring case. A domain that still has teams,
 * or a team that still owns services, cannot be removed ({@link StillInUse}); move the teams or give
 * the services another owner first. Removing a municipality takes it off every service. Invalid
 * input throws a {@link ValidationProblem} listing every problem, and changes nothing.
 */
@Component
@Transactional(readOnly = true)
public class OrganisationStructure {

    static final int CORE_TASK_LENGTH = 500;
    static final int MAX_CORE_TASKS = 20;
    static final int KEYWORD_LENGTH = 60;
    static final int KEYWORDS_LENGTH = 1000;
    private static final Pattern CBS_CODE = Pattern.compile("(?:GM)?(\\d{4})", Pattern.CASE_INSENSITIVE);
    /** Stands for "no item" when a new item's name is checked against all others. */
    private static final UUID NONE = new UUID(0, 0);

    private final Municipalities municipalities;
    private final Domains domains;
    private final Teams teams;
    private final Services services;
    private final ApplicationEventPublisher events;

    OrganisationStructure(Municipalities municipalities, Domains domains, Teams teams, Services services,
            ApplicationEventPublisher events) {
        this.municipalities = municipalities;
        this.domains = domains;
        this.teams = teams;
        this.services = services;
        this.events = events;
    }

    /** Sorts names as a Dutch reader expects: ignoring case and accents first. */
    public static <T> Comparator<T> byName(Function<T, String> name) {
        Collator collator = Collator.getInstance(Locale.of("nl"));
        collator.setStrength(Collator.SECONDARY);
        return Comparator.comparing(name, collator);
    }

    // Municipalities

    /** The municipalities of the organisation, by name. */
    public List<Municipality> municipalities(UUID tenantId) {
        return sorted(municipalities.findByTenantId(tenantId), Municipality::name);
    }

    public Municipality municipality(UUID tenantId, UUID id) {
        return municipalities.findByIdAndTenantId(id, tenantId)
                .orElseThrow(() -> new NotFoundException("municipality"));
    }

    @Transactional
    @CacheEvict(cacheNames = { OrganisationCaches.SERVICES, OrganisationCaches.MUNICIPALITIES }, allEntries = true)
    public Municipality addMunicipality(UUID tenantId, MunicipalityDetails details) {
        MunicipalityDetails clean = checked(tenantId, NONE, details);
        return saving(() -> municipalities.save(Municipality.create(tenantId, clean.name(), clean.cbsCode())));
    }

    @Transactional
    @CacheEvict(cacheNames = { OrganisationCaches.SERVICES, OrganisationCaches.MUNICIPALITIES }, allEntries = true)
    public Municipality changeMunicipality(UUID tenantId, UUID id, MunicipalityDetails details) {
        Municipality municipality = municipality(tenantId, id);
        MunicipalityDetails clean = checked(tenantId, id, details);
        municipality.change(clean.name(), clean.cbsCode());
        return saving(() -> municipalities.save(municipality));
    }

    /** Removes the municipality and takes it off every service that was offered there. */
    @Transactional
    @CacheEvict(cacheNames = { OrganisationCaches.SERVICES, OrganisationCaches.MUNICIPALITIES }, allEntries = true)
    public void removeMunicipality(UUID tenantId, UUID id) {
        Municipality municipality = municipality(tenantId, id);
        services.findByTenantId(tenantId).stream()
                .filter(s -> s.municipalityIds().contains(id))
                .forEach(s -> {
                    s.withdrawFrom(id);
                    saving(() -> services.save(s));
                });
        removing(() -> municipalities.delete(municipality));
        events.publishEvent(new MunicipalityRemoved(tenantId, id));
    }

    private MunicipalityDetails checked(UUID tenantId, UUID id, MunicipalityDetails details) {
        MunicipalityDetails given = details == null ? new MunicipalityDetails(null, null) : details;
        Problems problems = new Problems();
        String name = problems.required("name", given.name(), Problems.NAME_LENGTH);
        if (!problems.has("name") && municipalities.countOthersNamed(tenantId, name, id) > 0) {
            problems.add("name", "organisation.municipality.nameTaken");
        }
        String cbsCode = Problems.clean(given.cbsCode());
        if (cbsCode != null) {
            Matcher code = CBS_CODE.matcher(cbsCode);
            if (code.matches()) {
                cbsCode = "GM" + code.group(1);
            } else {
                problems.add("cbsCode", "organisation.municipality.cbsCodeInvalid");
            }
        }
        problems.throwIfAny();
        return new MunicipalityDetails(name, cbsCode);
    }

    // Domains

    /** The domains of the organisation, by name. */
    public List<Domain> domains(UUID tenantId) {
        return sorted(domains.findByTenantId(tenantId), Domain::name);
    }

    public Domain domain(UUID tenantId, UUID id) {
        return domains.findByIdAndTenantId(id, tenantId).orElseThrow(() -> new NotFoundException("domain"));
    }

    @Transactional
    public Domain addDomain(UUID tenantId, DomainDetails details) {
        DomainDetails clean = checked(tenantId, NONE, details);
        return saving(() -> domains.save(Domain.create(tenantId, clean.name(), clean.description())));
    }

    @Transactional
    public Domain changeDomain(UUID tenantId, UUID id, DomainDetails details) {
        Domain domain = domain(tenantId, id);
        DomainDetails clean = checked(tenantId, id, details);
        domain.change(clean.name(), clean.description());
        return saving(() -> domains.save(domain));
    }

    /**
     * Removes a domain without teams.
     *
     * @throws StillInUse when teams still belong to it
     */
    @Transactional
    public void removeDomain(UUID tenantId, UUID id) {
        Domain domain = domain(tenantId, id);
        List<Team> inDomain = teamsIn(tenantId, id);
        if (!inDomain.isEmpty()) {
            throw new StillInUse("organisation.domain.hasTeams", inDomain.size(), names(inDomain, Team::name));
        }
        removing(() -> domains.delete(domain));
    }

    private DomainDetails checked(UUID tenantId, UUID id, DomainDetails details) {
        DomainDetails given = details == null ? new DomainDetails(null, null) : details;
        Problems problems = new Problems();
        String name = problems.required("name", given.name(), Problems.NAME_LENGTH);
        if (!problems.has("name") && domains.countOthersNamed(tenantId, name, id) > 0) {
            problems.add("name", "organisation.domain.nameTaken");
        }
        String description = problems.optional("description", given.description(), Problems.DESCRIPTION_LENGTH);
        problems.throwIfAny();
        return new DomainDetails(name, description);
    }

    // Teams

    /** The teams of the organisation, by name. */
    public List<Team> teams(UUID tenantId) {
        return sorted(teams.findByTenantId(tenantId), Team::name);
    }

    /** The teams of one domain, by name. */
    public List<Team> teamsIn(UUID tenantId, UUID domainId) {
        return sorted(teams.findByTenantIdAndDomainId(tenantId, domainId), Team::name);
    }

    public Team team(UUID tenantId, UUID id) {
        return teams.findByIdAndTenantId(id, tenantId).orElseThrow(() -> new NotFoundException("team"));
    }

    @Transactional
    public Team addTeam(UUID tenantId, TeamDetails details) {
        TeamDetails clean = checked(tenantId, NONE, details);
        return saving(() -> teams.save(
                Team.create(tenantId, clean.domainId(), clean.name(), clean.description(), clean.coreTasks())));
    }

    @Transactional
    public Team changeTeam(UUID tenantId, UUID id, TeamDetails details) {
        Team team = team(tenantId, id);
        TeamDetails clean = checked(tenantId, id, details);
        team.change(clean.domainId(), clean.name(), clean.description(), clean.coreTasks());
        return saving(() -> teams.save(team));
    }

    /**
     * Removes a team that owns no services.
     *
     * @throws StillInUse when it still owns services
     */
    @Transactional
    public void removeTeam(UUID tenantId, UUID id) {
        Team team = team(tenantId, id);
        List<Service> owned = servicesOwnedBy(tenantId, id);
        if (!owned.isEmpty()) {
            throw new StillInUse("organisation.team.ownsServices", owned.size(), names(owned, Service::name));
        }
        removing(() -> teams.delete(team));
        events.publishEvent(new TeamRemoved(tenantId, id));
    }

    private TeamDetails checked(UUID tenantId, UUID id, TeamDetails details) {
        TeamDetails given = details == null ? new TeamDetails(null, null, null, null) : details;
        Problems problems = new Problems();
        String name = problems.required("name", given.name(), Problems.NAME_LENGTH);
        if (!problems.has("name") && teams.countOthersNamed(tenantId, name, id) > 0) {
            problems.add("name", "organisation.team.nameTaken");
        }
        if (given.domainId() != null && domains.findByIdAndTenantId(given.domainId(), tenantId).isEmpty()) {
            problems.add("domainId", "organisation.team.domainUnknown");
        }
        String description = problems.optional("description", given.description(), Problems.DESCRIPTION_LENGTH);
        List<String> tasks = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String raw : given.coreTasks()) {
            String task = Problems.clean(raw);
            if (task != null && seen.add(task.toLowerCase(Locale.ROOT))) {
                tasks.add(task);
                if (task.length() > CORE_TASK_LENGTH) {
                    problems.add("coreTasks", "organisation.team.coreTaskTooLong", tasks.size(), CORE_TASK_LENGTH);
                }
            }
        }
        if (tasks.size() > MAX_CORE_TASKS) {
            problems.add("coreTasks", "organisation.team.tooManyCoreTasks", MAX_CORE_TASKS);
        }
        problems.throwIfAny();
        return new TeamDetails(name, given.domainId(), description, tasks);
    }

    // Services

    /** The services of the organisation, by name. */
    public List<Service> services(UUID tenantId) {
        return sorted(services.findByTenantId(tenantId), Service::name);
    }

    /** The services a team owns, by name. */
    public List<Service> servicesOwnedBy(UUID tenantId, UUID teamId) {
        return sorted(services.findByTenantIdAndOwnerTeamId(tenantId, teamId), Service::name);
    }

    public Service service(UUID tenantId, UUID id) {
        return services.findByIdAndTenantId(id, tenantId).orElseThrow(() -> new NotFoundException("service"));
    }

    @Transactional
    @CacheEvict(cacheNames = { OrganisationCaches.SERVICES, OrganisationCaches.MUNICIPALITIES }, allEntries = true)
    public Service addService(UUID tenantId, ServiceDetails details) {
        ServiceDetails clean = checked(tenantId, NONE, details);
        return saving(() -> services.save(Service.create(tenantId, clean)));
    }

    @Transactional
    @CacheEvict(cacheNames = { OrganisationCaches.SERVICES, OrganisationCaches.MUNICIPALITIES }, allEntries = true)
    public Service changeService(UUID tenantId, UUID id, ServiceDetails details) {
        Service service = service(tenantId, id);
        ServiceDetails clean = checked(tenantId, id, details);
        service.change(clean);
        return saving(() -> services.save(service));
    }

    @Transactional
    @CacheEvict(cacheNames = { OrganisationCaches.SERVICES, OrganisationCaches.MUNICIPALITIES }, allEntries = true)
    public void removeService(UUID tenantId, UUID id) {
        Service service = service(tenantId, id);
        removing(() -> services.delete(service));
        events.publishEvent(new ServiceRemoved(tenantId, id));
    }

    private ServiceDetails checked(UUID tenantId, UUID id, ServiceDetails details) {
        ServiceDetails given = details == null ? new ServiceDetails(null, null, null, null, null, null) : details;
        Problems problems = new Problems();
        String name = problems.required("name", given.name(), Problems.NAME_LENGTH);
        if (!problems.has("name") && services.countOthersNamed(tenantId, name, id) > 0) {
            problems.add("name", "organisation.service.nameTaken");
        }
        String description = problems.optional("description", given.description(), Problems.DESCRIPTION_LENGTH);
        if (given.ownerTeamId() == null) {
            problems.add("ownerTeamId", "organisation.service.ownerTeamRequired");
        } else if (teams.findByIdAndTenantId(given.ownerTeamId(), tenantId).isEmpty()) {
            problems.add("ownerTeamId", "organisation.service.ownerTeamUnknown");
        }
        Set<UUID> known = municipalities.findByTenantId(tenantId).stream().map(Municipality::id)
                .collect(Collectors.toSet());
        if (!known.containsAll(given.municipalityIds())) {
            problems.add("municipalityIds", "organisation.service.municipalityUnknown");
        }
        List<String> keywords = keywords(problems, given.keywords());
        problems.throwIfAny();
        return new ServiceDetails(name, description, given.ownerTeamId(), given.municipalityIds(), given.channels(),
                keywords);
    }

    /** Cleans the keywords: a comma separates keywords, doubles and empty ones are left out. */
    static List<String> keywords(Problems problems, List<String> given) {
        List<String> keywords = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        given.stream()
                .flatMap(k -> Arrays.stream(k.split(Service.KEYWORD_SEPARATOR)))
                .map(Problems::clean)
                .filter(k -> k != null && seen.add(k.toLowerCase(Locale.ROOT)))
                .forEach(keyword -> {
                    keywords.add(keyword);
                    if (keyword.length() > KEYWORD_LENGTH) {
                        problems.add("keywords", "organisation.service.keywordTooLong", keyword, KEYWORD_LENGTH);
                    }
                });
        if (String.join(Service.KEYWORD_SEPARATOR, keywords).length() > KEYWORDS_LENGTH) {
            problems.add("keywords", "organisation.service.keywordsTooLong", KEYWORDS_LENGTH);
        }
        return keywords;
    }

    // Helpers

    private static <T> List<T> sorted(List<T> items, Function<T, String> name) {
        return items.stream().sorted(byName(name)).toList();
    }

    private static <T> String names(List<T> items, Function<T, String> name) {
        return items.stream().map(name).sorted(byName(Function.identity())).collect(Collectors.joining(", "));
    }

    /**
     * Saves, turning a conflict with a change someone else made at the same moment (a newer version,
     * or a name or reference that the database refuses) into a plain message.
     */
    private static <T> T saving(Supplier<T> save) {
        try {
            return save.get();
        } catch (RuntimeException e) {
            if (causedBy(e, OptimisticLockingFailureException.class)
                    || causedBy(e, DataIntegrityViolationException.class)) {
                throw ValidationProblem.of("", "organisation.changedMeanwhile");
            }
            throw e;
        }
    }

    /** Removes, turning a reference the database still holds into a plain refusal. */
    private static void removing(Runnable remove) {
        try {
            remove.run();
        } catch (RuntimeException e) {
            if (causedBy(e, OptimisticLockingFailureException.class)) {
                throw ValidationProblem.of("", "organisation.changedMeanwhile");
            }
            if (causedBy(e, DataIntegrityViolationException.class)) {
                throw new StillInUse("organisation.stillInUse");
            }
            throw e;
        }
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
