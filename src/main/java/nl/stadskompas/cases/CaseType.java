// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.cases;

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
 * A kind of request a tenant handles, with its owner team, the norm lead time in working days and
 * the statuses its cases go through, in order.
 */
@Table("case_type")
class CaseType {

    @Id
    private final UUID id;
    private final UUID tenantId;
    private String name;
    private String description;
    private CaseKind kind;
    private UUID serviceId;
    private UUID ownerTeamId;
    private int normDays;
    @MappedCollection(idColumn = "case_type", keyColumn = "case_type_key")
    private List<StatusDefinition> statuses;
    @Version
    private Long version;

    @PersistenceCreator
    CaseType(UUID id, UUID tenantId, String name, String description, CaseKind kind, UUID serviceId,
            UUID ownerTeamId, int normDays, List<StatusDefinition> statuses, Long version) {
        this.id = id;
        this.tenantId = tenantId;
        this.name = name;
        this.description = description;
        this.kind = kind;
        this.serviceId = serviceId;
        this.ownerTeamId = ownerTeamId;
        this.normDays = normDays;
        this.statuses = new ArrayList<>(statuses == null ? List.of() : statuses);
        this.version = version;
    }

    static CaseType create(UUID tenantId, CaseTypeDraft draft) {
        CaseType type = new CaseType(UUID.randomUUID(), tenantId, null, null, null, null, null, 0, List.of(), null);
        type.change(draft);
        return type;
    }

    void change(CaseTypeDraft draft) {
        this.name = draft.name();
        this.description = draft.description();
        this.kind = draft.kind();
        this.serviceId = draft.serviceId();
        this.ownerTeamId = draft.ownerTeamId();
        this.normDays = draft.normDays();
        this.statuses = new ArrayList<>(draft.statuses());
    }

    UUID id() {
        return id;
    }

    UUID tenantId() {
        return tenantId;
    }

    String name() {
        return name;
    }

    CaseKind kind() {
        return kind;
    }

    UUID ownerTeamId() {
        return ownerTeamId;
    }

    int normDays() {
        return normDays;
    }

    List<StatusDefinition> statuses() {
        return List.copyOf(statuses);
    }

    StatusDefinition firstStatus() {
        return statuses.getFirst();
    }

    Optional<StatusDefinition> status(String code) {
        return statuses.stream().filter(s -> s.code().equals(code)).findFirst();
    }

    CaseTypeView view() {
        return new CaseTypeView(id, name, description, kind, serviceId, ownerTeamId, normDays, List.copyOf(statuses));
    }
}
