// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A demographic or custom question in a tenant's bank, with a key that never changes. Changing it
 * does not change questionnaires that already use it: they hold their own copy.
 */
@Table("fb_bank_item")
class BankItem {

    @Id
    private final UUID id;
    private final UUID tenantId;
    @Column("item_key")
    private final String key;
    private final QuestionSource source;
    private QuestionType type;
    private String textNl;
    private String textEn;
    private String helpNl;
    private String helpEn;
    private final Instant createdAt;
    @MappedCollection(idColumn = "fb_bank_item", keyColumn = "option_index")
    private List<BankOption> options;
    @Version
    private Long version;

    @PersistenceCreator
    BankItem(UUID id, UUID tenantId, String key, QuestionSource source, QuestionType type, String textNl,
            String textEn, String helpNl, String helpEn, Instant createdAt, List<BankOption> options, Long version) {
        this.id = id;
        this.tenantId = tenantId;
        this.key = key;
        this.source = source;
        this.type = type;
        this.textNl = textNl;
        this.textEn = textEn;
        this.helpNl = helpNl;
        this.helpEn = helpEn;
        this.createdAt = createdAt;
        this.options = options == null ? List.of() : List.copyOf(options);
        this.version = version;
    }

    static BankItem create(UUID tenantId, String key, QuestionSource source, BankInput input, Instant now) {
        BankItem item = new BankItem(UUID.randomUUID(), tenantId, key, source, input.type(), null, null, null, null,
                now, List.of(), null);
        item.change(input);
        return item;
    }

    /** Takes over the checked input; the type of a question does not change once it is in the bank. */
    void change(BankInput input) {
        this.type = input.type();
        this.textNl = input.textNl();
        this.textEn = input.textEn();
        this.helpNl = input.helpNl();
        this.helpEn = input.helpEn();
        this.options = input.type().hasOptions()
                ? input.options().stream().map(o -> new BankOption(o.code(), o.labelNl(), o.labelEn())).toList()
                : List.of();
    }

    String key() {
        return key;
    }

    QuestionType type() {
        return type;
    }

    BankEntry entry() {
        return new BankEntry(key, source, type, textNl, textEn, helpNl, helpEn,
                options.stream().map(o -> new ChoiceOption(o.code(), o.labelNl(), o.labelEn())).toList(), null, true);
    }

    @Table("fb_bank_option")
    record BankOption(String code, String labelNl, String labelEn) {
    }
}
