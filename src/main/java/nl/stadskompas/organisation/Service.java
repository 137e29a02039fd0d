// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.organisation;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A service ("product") residents or entrepreneurs can ask for, such as a passport or a permit: the
 * team that owns it, the municipalities where it is offered, the channels through which it is
 * offered and the words people use when they look for it.
 */
@Table("org_service")
public class Service {

    /** Keywords are kept in one column, separated by this character, which a keyword never contains. */
    static final String KEYWORD_SEPARATOR = ",";

    @Id
    private final UUID id;
    private final UUID tenantId;
    private String name;
    private String description;
    private UUID ownerTeamId;
    private String keywords;
    @MappedCollection(idColumn = "org_service")
    private final Set<ServiceMunicipality> municipalities;
    @MappedCollection(idColumn = "org_service")
    private final Set<ServiceChannel> channels;
    @Version
    private Long version;

    @PersistenceCreator
    Service(UUID id, UUID tenantId, String name, String description, UUID ownerTeamId, String keywords,
            Set<ServiceMunicipality> municipalities, Set<ServiceChannel> channels, Long version) {
        this.id = id;
        this.tenantId = tenantId;
        this.name = name;
        this.description = description;
        this.ownerTeamId = ownerTeamId;
        this.keywords = keywords;
        this.municipalities = new HashSet<>(municipalities == null ? Set.of() : municipalities);
        this.channels = new HashSet<>(channels == null ? Set.of() : channels);
        this.version = version;
    }

    static Service create(UUID tenantId, ServiceDetails details) {
        Service service = new Service(UUID.randomUUID(), tenantId, null, null, null, null, Set.of(), Set.of(), null);
        service.change(details);
        return service;
    }

    public UUID id() {
        return id;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public String name() {
        return name;
    }

    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /** The team that owns the service; every service has one once it is saved through the module. */
    public UUID ownerTeamId() {
        return ownerTeamId;
    }

    public Set<UUID> municipalityIds() {
        return municipalities.stream().map(ServiceMunicipality::municipalityId).collect(Collectors.toUnmodifiableSet());
    }

    /** The channels, in the order of {@link Channel}. */
    public List<Channel> channels() {
        return channels.stream().map(ServiceChannel::channel).sorted(Comparator.naturalOrder()).toList();
    }

    public boolean offeredThrough(Channel channel) {
        return channels.contains(new ServiceChannel(channel));
    }

    /** The words people use when they look for this service, besides its name. */
    public List<String> keywords() {
        if (keywords == null || keywords.isBlank()) {
            return List.of();
        }
        return Arrays.stream(keywords.split(KEYWORD_SEPARATOR)).map(String::strip).filter(k -> !k.isEmpty()).toList();
    }

    void change(ServiceDetails details) {
        this.name = details.name();
        this.description = details.description();
        this.ownerTeamId = details.ownerTeamId();
        this.keywords = details.keywords().isEmpty() ? null : String.join(KEYWORD_SEPARATOR, details.keywords());
        this.municipalities.clear();
        details.municipalityIds().forEach(m -> this.municipalities.add(new ServiceMunicipality(m)));
        this.channels.clear();
        details.channels().forEach(c -> this.channels.add(new ServiceChannel(c)));
    }

    void withdrawFrom(UUID municipalityId) {
        municipalities.remove(new ServiceMunicipality(municipalityId));
    }
}
