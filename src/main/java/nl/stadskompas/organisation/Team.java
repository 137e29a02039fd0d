// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.organisation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A team with its core tasks, in a domain or (in a small organisation) without one. Teams own
 * services; other modules refer to a team by its id.
 */
@Table("org_team")
public class Team {

    @Id
    private final UUID id;
    private final UUID tenantId;
    private UUID domainId;
    private String name;
    private String description;
    @MappedCollection(idColumn = "org_team", keyColumn = "org_team_key")
    private final List<CoreTask> coreTasks;
    @Version
    private Long version;

    @PersistenceCreator
    Team(UUID id, UUID tenantId, UUID domainId, String name, String description, List<CoreTask> coreTasks,
            Long version) {
        this.id = id;
        this.tenantId = tenantId;
        this.domainId = domainId;
        this.name = name;
        this.description = description;
        this.coreTasks = new ArrayList<>(coreTasks == null ? List.of() : coreTasks);
        this.version = version;
    }

    static Team create(UUID tenantId, UUID domainId, String name, String description, List<String> coreTasks) {
        Team team = new Team(UUID.randomUUID(), tenantId, null, null, null, List.of(), null);
        team.change(domainId, name, description, coreTasks);
        return team;
    }

    public UUID id() {
        return id;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public Optional<UUID> domainId() {
        return Optional.ofNullable(domainId);
    }

    public String name() {
        return name;
    }

    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /** The core tasks in the order the organisation put them. */
    public List<String> coreTasks() {
        return coreTasks.stream().map(CoreTask::description).toList();
    }

    void change(UUID newDomainId, String newName, String newDescription, List<String> newCoreTasks) {
        this.domainId = newDomainId;
        this.name = newName;
        this.description = newDescription;
        this.coreTasks.clear();
        newCoreTasks.forEach(task -> this.coreTasks.add(new CoreTask(task)));
    }
}
