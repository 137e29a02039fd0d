// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.framework;

import java.time.Instant;
import java.util.UUID;

import nl.stadskompas.platform.ValidationProblem;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * The one framework of a tenant. It knows its draft, if any: starting a draft changes this row,
 * so two people starting one at the same moment cannot both succeed.
 */
@Table("fw_framework")
class Framework {

    @Id
    private final UUID id;
    private final UUID tenantId;
    private UUID draftId;
    private final Instant createdAt;
    @Version
    private Long version;

    @PersistenceCreator
    Framework(UUID id, UUID tenantId, UUID draftId, Instant createdAt, Long version) {
        this.id = id;
        this.tenantId = tenantId;
        this.draftId = draftId;
        this.createdAt = createdAt;
        this.version = version;
    }

    static Framework create(UUID tenantId, Instant now) {
        return new Framework(UUID.randomUUID(), tenantId, null, now, null);
    }

    UUID id() {
        return id;
    }

    UUID tenantId() {
        return tenantId;
    }

    UUID draftId() {
        return draftId;
    }

    void startDraft(UUID versionId) {
        if (draftId != null) {
            throw ValidationProblem.of("draft", "framework.draft.exists");
        }
        this.draftId = versionId;
    }

    void closeDraft() {
        this.draftId = null;
    }
}
