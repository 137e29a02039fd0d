// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.cases;

import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * The person who made a request, kept to what is needed to inform them: a name to address them, an
 * e-mail address and/or phone number, and their language. Its id is the case's id. Kept apart from
 * the case so that it can be shown and removed on its own.
 */
@Table("case_requester")
class Requester {

    @Id
    private final UUID id;
    private final UUID tenantId;
    private final String name;
    private final String email;
    private final String phone;
    private final String language;
    @Version
    private Long version;

    @PersistenceCreator
    Requester(UUID id, UUID tenantId, String name, String email, String phone, String language, Long version) {
        this.id = id;
        this.tenantId = tenantId;
        this.name = name;
        this.email = email;
        this.phone = phone;
        this.language = language;
        this.version = version;
    }

    static Requester of(UUID caseId, UUID tenantId, String name, String email, String phone, String language) {
        return new Requester(caseId, tenantId, name, email, phone, language, null);
    }

    RequesterContact contact() {
        return new RequesterContact(name, email, phone, language);
    }
}
