// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.organisation;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An organisation that uses Stadskompas: a tenant. It may serve one municipality or, as a shared
 * service organisation, several.
 */
@Table("organisation")
public class Organisation {

    @Id
    private final UUID id;
    private final String slug;
    private String name;
    private final Instant createdAt;
    @Version
    private Long version;

    @PersistenceCreator
    Organisation(UUID id, String slug, String name, Instant createdAt, Long version) {
        this.id = id;
        this.slug = slug;
        this.name = name;
        this.createdAt = createdAt;
        this.version = version;
    }

    static Organisation register(String slug, String name, Instant now) {
        return new Organisation(UUID.randomUUID(), slug, name, now, null);
    }

    public UUID id() {
        return id;
    }

    /** A short, stable, URL-safe name such as {@code twee-oevers}. */
    public String slug() {
        return slug;
    }

    public String name() {
        return name;
    }

    public Instant createdAt() {
        return createdAt;
    }

    void rename(String newName) {
        this.name = newName;
    }
}
