// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.organisation;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A municipality the organisation works for. A shared service organisation serves several; services,
 * cases and survey answers say for which one.
 */
@Table("org_municipality")
public class Municipality {

    @Id
    private final UUID id;
    private final UUID tenantId;
    private String name;
    private String cbsCode;
    @Version
    private Long version;

    @PersistenceCreator
    Municipality(UUID id, UUID tenantId, String name, String cbsCode, Long version) {
        this.id = id;
        this.tenantId = tenantId;
        this.name = name;
        this.cbsCode = cbsCode;
        this.version = version;
    }

    static Municipality create(UUID tenantId, String name, String cbsCode) {
        return new Municipality(UUID.randomUUID(), tenantId, name, cbsCode, null);
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

    /** The code of Statistics Netherlands (CBS), such as {@code GM0363}, when known. */
    public Optional<String> cbsCode() {
        return Optional.ofNullable(cbsCode);
    }

    void change(String newName, String newCbsCode) {
        this.name = newName;
        this.cbsCode = newCbsCode;
    }
}
