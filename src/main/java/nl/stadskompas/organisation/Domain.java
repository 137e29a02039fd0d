// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.organisation;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A group of teams that work in one field, such as the social domain or public affairs.
 */
@Table("org_domain")
public class Domain {

    @Id
    private final UUID id;
    private final UUID tenantId;
    private String name;
    private String description;
    @Version
    private Long version;

    @PersistenceCreator
    Domain(UUID id, UUID tenantId, String name, String description, Long version) {
        this.id = id;
        this.tenantId = tenantId;
        this.name = name;
        this.description = description;
        this.version = version;
    }

    static Domain create(UUID tenantId, String name, String description) {
        return new Domain(UUID.randomUUID(), tenantId, name, description, null);
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

    void change(String newName, String newDescription) {
        this.name = newName;
        this.description = newDescription;
    }
}
