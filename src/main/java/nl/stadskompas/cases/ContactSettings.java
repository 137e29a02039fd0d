// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.cases;

import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A tenant's contact details for residents; its id is the tenant's id.
 */
@Table("case_contact_settings")
class ContactSettings {

    @Id
    private final UUID tenantId;
    private String phone;
    private String phoneHoursNl;
    private String phoneHoursEn;
    private String chatUrl;
    private String deskAddress;
    private String deskHoursNl;
    private String deskHoursEn;
    @Version
    private Long version;

    @PersistenceCreator
    ContactSettings(UUID tenantId, String phone, String phoneHoursNl, String phoneHoursEn, String chatUrl,
            String deskAddress, String deskHoursNl, String deskHoursEn, Long version) {
        this.tenantId = tenantId;
        this.phone = phone;
        this.phoneHoursNl = phoneHoursNl;
        this.phoneHoursEn = phoneHoursEn;
        this.chatUrl = chatUrl;
        this.deskAddress = deskAddress;
        this.deskHoursNl = deskHoursNl;
        this.deskHoursEn = deskHoursEn;
        this.version = version;
    }

    static ContactSettings of(UUID tenantId, ContactDetails details) {
        ContactSettings settings = new ContactSettings(tenantId, null, null, null, null, null, null, null, null);
        settings.change(details);
        return settings;
    }

    void change(ContactDetails d) {
        this.phone = d.phone();
        this.phoneHoursNl = d.phoneHoursNl();
        this.phoneHoursEn = d.phoneHoursEn();
        this.chatUrl = d.chatUrl();
        this.deskAddress = d.deskAddress();
        this.deskHoursNl = d.deskHoursNl();
        this.deskHoursEn = d.deskHoursEn();
    }

    ContactDetails details() {
        return new ContactDetails(phone, phoneHoursNl, phoneHoursEn, chatUrl, deskAddress, deskHoursNl, deskHoursEn);
    }
}
