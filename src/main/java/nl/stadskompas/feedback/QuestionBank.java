// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import nl.stadskompas.framework.FrameworkEditing;
import nl.stadskompas.framework.FrameworkVersion;
import nl.stadskompas.organisation.OrganisationCatalogue;
import nl.stadskompas.platform.NotFoundException;
import nl.stadskompas.platform.TenantContext;
import nl.stadskompas.platform.ValidationProblem;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The question bank of a tenant: the statements and service aspects of the latest published
 * framework, the standard demographic questions and a report mark, and the organisation's own
 * questions. Standard questions are put in the bank the first time it is used, so that the
 * organisation can adapt them (for example the districts).
 */
@Service
public class QuestionBank {

    /** Keys of the standard questions. */
    public static final String AGE = "AGE";
    public static final String DISTRICT = "DISTRICT";
    public static final String CHANNEL = "CHANNEL";
    public static final String RESPONDENT = "RESPONDENT";
    public static final String MARK = "MARK";

    private final BankItems items;
    private final FrameworkEditing framework;
    private final OrganisationCatalogue catalogue;
    private final Clock clock;

    QuestionBank(BankItems items, FrameworkEditing framework, OrganisationCatalogue catalogue, Clock clock) {
        this.items = items;
        this.framework = framework;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /** Every question in the bank: framework statements and aspects first, then the stored ones. */
    @Transactional
    public List<BankEntry> entries(UUID tenantId) {
        ensureStandard(tenantId);
        List<BankEntry> entries = new ArrayList<>(frameworkEntries(tenantId));
        items.findByTenantId(tenantId).stream().map(BankItem::entry)
                .sorted(java.util.Comparator.comparing((BankEntry e) -> e.source().ordinal())
                        .thenComparing(e -> e.key().length()).thenComparing(BankEntry::key))
                .forEach(entries::add);
        return entries;
    }

    @Transactional
    public Optional<BankEntry> entry(UUID tenantId, String key) {
        return entries(tenantId).stream().filter(e -> e.key().equals(key)).findFirst();
    }

    private List<BankEntry> frameworkEntries(UUID tenantId) {
        Optional<FrameworkVersion> published = framework.latestPublished(tenantId);
        if (published.isEmpty()) {
            return List.of();
        }
        List<BankEntry> entries = new ArrayList<>();
        published.get().statements().forEach(s -> entries.add(new BankEntry(s.code(), QuestionSource.STATEMENT,
                QuestionType.AGREEMENT, s.textNl(), s.textEn(), null, null, List.of(), s.promiseCode(), false)));
        published.get().aspects().forEach(a -> entries.add(new BankEntry(a.code(), QuestionSource.ASPECT,
                QuestionType.AGREEMENT, a.nameNl(), a.nameEn(), null, null, List.of(), null, false)));
        return entries;
    }

    /** Adds a question of the organisation's own; it gets the next free key C1, C2 ... */
    @Transactional
    public BankEntry addCustom(TenantContext tenant, BankInput input) {
        BankInput clean = check(input);
        ensureStandard(tenant.tenantId());
        List<String> used = items.findByTenantId(tenant.tenantId()).stream().map(BankItem::key).toList();
        int n = 1;
        while (used.contains("C" + n)) {
            n++;
        }
        return items.save(BankItem.create(tenant.tenantId(), "C" + n, QuestionSource.CUSTOM, clean, clock.instant()))
                .entry();
    }

    /** Changes a demographic or custom question; its type stays what it was. */
    @Transactional
    public void change(TenantContext tenant, String key, BankInput input) {
        BankItem item = items.findByTenantIdAndKey(tenant.tenantId(), key)
                .orElseThrow(() -> new NotFoundException("bank item"));
        BankInput clean = check(new BankInput(item.type(), input.textNl(), input.textEn(), input.helpNl(),
                input.helpEn(), input.options()));
        item.change(clean);
        items.save(item);
    }

    private static BankInput check(BankInput input) {
        BankInput clean = input.clean();
        var problems = clean.problems();
        if (!problems.isEmpty()) {
            throw new ValidationProblem(problems);
        }
        return clean;
    }

    /** Puts the standard questions in the bank once. */
    @Transactional
    public void ensureStandard(UUID tenantId) {
        List<String> present = items.findByTenantId(tenantId).stream().map(BankItem::key).toList();
        for (String key : List.of(MARK, AGE, DISTRICT, CHANNEL, RESPONDENT)) {
            if (!present.contains(key)) {
                try {
                    items.save(BankItem.create(tenantId, key, key.equals(MARK) ? QuestionSource.CUSTOM
                            : QuestionSource.DEMOGRAPHIC, standard(tenantId, key), clock.instant()));
                } catch (DuplicateKeyException e) {
                    // Someone else put it in at the same moment: then it is there.
                }
            }
        }
    }

    private BankInput standard(UUID tenantId, String key) {
        return switch (key) {
            case MARK -> new BankInput(QuestionType.MARK, "Welk rapportcijfer geeft u ons?",
                    "What mark would you give us?", "Een 1 is heel slecht. Een 10 is uitstekend.",
                    "1 is very poor. 10 is excellent.", List.of());
            case AGE -> new BankInput(QuestionType.SINGLE_CHOICE, "Hoe oud bent u?", "How old are you?", null, null,
                    List.of(new ChoiceOption("u25", "Jonger dan 25 jaar", "Under 25"),
                            new ChoiceOption("25-39", "25 tot 40 jaar", "25 to 39"),
                            new ChoiceOption("40-54", "40 tot 55 jaar", "40 to 54"),
                            new ChoiceOption("55-69", "55 tot 70 jaar", "55 to 69"),
                            new ChoiceOption("70plus", "70 jaar of ouder", "70 or older"),
                            new ChoiceOption("none", "Dat zeg ik liever niet", "I would rather not say")));
            case DISTRICT -> {
                List<ChoiceOption> options = new ArrayList<>();
                int n = 1;
                for (var m : catalogue.municipalities(tenantId)) {
                    options.add(new ChoiceOption("d" + n++, m.name(), null));
                }
                options.add(new ChoiceOption("other", "Ergens anders", "Somewhere else"));
                yield new BankInput(QuestionType.SINGLE_CHOICE, "Waar woont u?", "Where do you live?",
                        "Kies de plaats of wijk.", "Choose the town or district.", options);
            }
            case CHANNEL -> new BankInput(QuestionType.SINGLE_CHOICE, "Hoe had u contact met ons?",
                    "How were you in touch with us?", null, null, List.of(
                            new ChoiceOption("ONLINE", "Via de website", "Through the website"),
                            new ChoiceOption("PHONE", "Aan de telefoon", "By phone"),
                            new ChoiceOption("DESK", "Aan de balie", "At the desk"),
                            new ChoiceOption("CHAT", "Via de chat", "By chat"),
                            new ChoiceOption("EMAIL", "Per e-mail", "By e-mail"),
                            new ChoiceOption("POST", "Per brief", "By letter"),
                            new ChoiceOption("WHATSAPP", "Via WhatsApp", "Through WhatsApp"),
                            new ChoiceOption("VIDEO", "Met beeldbellen", "By video call")));
            case RESPONDENT -> new BankInput(QuestionType.SINGLE_CHOICE,
                    "Had u contact met ons als inwoner of als ondernemer?",
                    "Were you in touch with us as a resident or as an entrepreneur?", null, null, List.of(
                            new ChoiceOption("resident", "Als inwoner", "As a resident"),
                            new ChoiceOption("entrepreneur", "Als ondernemer", "As an entrepreneur"),
                            new ChoiceOption("both", "Allebei", "Both")));
            default -> throw new IllegalArgumentException(key);
        };
    }
}
