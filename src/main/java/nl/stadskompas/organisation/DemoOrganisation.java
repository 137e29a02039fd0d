// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.organisation;

import static nl.stadskompas.organisation.Channel.CHAT;
import static nl.stadskompas.organisation.Channel.DESK;
import static nl.stadskompas.organisation.Channel.EMAIL;
import static nl.stadskompas.organisation.Channel.ONLINE;
import static nl.stadskompas.organisation.Channel.PHONE;
import static nl.stadskompas.organisation.Channel.POST;
import static nl.stadskompas.organisation.Channel.VIDEO;
import static nl.stadskompas.organisation.Channel.WHATSAPP;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the fictional demo organisation "Werkorganisatie De Twee Oevers", a shared service
 * organisation for two towns, on the first start with {@code stadskompas.demo.enabled=true}. It goes
 * through the module's own services, so the demo obeys the same rules as real data. When an
 * organisation with the demo's short name exists, nothing happens: a second start, or a demo that
 * users have changed, stays as it is. Runs before the first administrator is created (order 100), so
 * that the administrator gets a role in the demo organisation too, and before modules that add their
 * own demo data to it.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "stadskompas.demo.enabled", havingValue = "true")
class DemoOrganisation implements ApplicationRunner {

    static final String NAME = "Werkorganisatie De Twee Oevers";
    static final List<String> MUNICIPALITIES = List.of("Gemeente Oeverdam", "Gemeente Rietvelde");

    private static final Logger LOG = LoggerFactory.getLogger(DemoOrganisation.class);

    private static final List<DomainSeed> DOMAINS = List.of(
            new DomainSeed("Klantcontact", "Het eerste contact met inwoners en ondernemers, langs alle kanalen."),
            new DomainSeed("Publiekszaken", "Reisdocumenten, rijbewijzen en de registratie van persoonsgegevens."),
            new DomainSeed("Sociaal domein", "Werk, inkomen, zorg en hulp bij geldzaken voor wie dat nodig heeft."),
            new DomainSeed("Ruimte en omgeving", "Vergunningen, toezicht en het beheer van straten, groen en afval."),
            new DomainSeed("Belastingen en financiën", "De gemeentelijke belastingen, de WOZ-waarde en betalingen."),
            new DomainSeed("Economie en ondernemen", "Een vast aanspreekpunt en hulp voor ondernemers."));

    private static final List<TeamSeed> TEAMS = List.of(
            new TeamSeed("Klantcontactcentrum", "Klantcontact", List.of(
                    "Beantwoordt vragen van inwoners en ondernemers via telefoon, chat, e-mail en WhatsApp.",
                    "Ontvangt bezoekers aan de balie en maakt afspraken met de vakteams.",
                    "Zet vragen die uitzoekwerk vragen door naar het goede team en belt de inwoner terug.",
                    "Neemt klachten aan en zorgt dat ze bij de juiste persoon terechtkomen.")),
            new TeamSeed("Burgerzaken", "Publiekszaken", List.of(
                    "Maakt paspoorten, identiteitskaarten en rijbewijzen.",
                    "Houdt de basisregistratie personen bij, bijvoorbeeld bij een verhuizing.",
                    "Legt geboorte, huwelijk en overlijden vast.")),
            new TeamSeed("Vergunningen en toezicht", "Ruimte en omgeving", List.of(
                    "Beoordeelt aanvragen om te bouwen, te verbouwen of een evenement te houden.",
                    "Controleert of regels en vergunningen worden nageleefd.",
                    "Denkt vooraf mee over plannen van inwoners en bedrijven.")),
            new TeamSeed("Openbare ruimte", "Ruimte en omgeving", List.of(
                    "Houdt straten, stoepen, verlichting en groen schoon en heel.",
                    "Handelt meldingen over de buitenruimte af.",
                    "Haalt grofvuil op en regelt de inzameling van afval.")),
            new TeamSeed("Belastingen", "Belastingen en financiën", List.of(
                    "Stelt de WOZ-waarde vast en stuurt de aanslag gemeentelijke belastingen.",
                    "Behandelt bezwaren tegen de WOZ-waarde en de aanslag.",
                    "Regelt kwijtschelding en betalingsregelingen.")),
            new TeamSeed("Werk en inkomen", "Sociaal domein", List.of(
                    "Beoordeelt aanvragen voor een bijstandsuitkering.",
                    "Helpt mensen met een uitkering op weg naar werk.",
                    "Zorgt voor extra regelingen voor mensen met een laag inkomen.")),
            new TeamSeed("Zorg en ondersteuning", "Sociaal domein", List.of(
                    "Voert een gesprek met inwoners die thuis hulp nodig hebben, om samen te kijken wat past.",
                    "Regelt ondersteuning uit de Wmo, zoals hulp in het huishouden en hulpmiddelen.",
                    "Werkt samen met het wijkteam en met zorgaanbieders.")),
            new TeamSeed("Geldzaken en schulden", "Sociaal domein", List.of(
                    "Helpt inwoners die moeite hebben om rond te komen of hun rekeningen te betalen.",
                    "Biedt schuldhulp en begeleidt bij een schuldregeling.",
                    "Neemt zelf contact op bij een betalingsachterstand, voordat schulden oplopen.")),
            new TeamSeed("Ondernemersloket", "Economie en ondernemen", List.of(
                    "Is het vaste aanspreekpunt voor ondernemers met een vraag aan de gemeente.",
                    "Geeft advies bij het starten of uitbreiden van een bedrijf.",
                    "Helpt ondernemers met vergunningen, zoals voor een terras.")));

    private static final List<ServiceSeed> SERVICES = List.of(
            new ServiceSeed("Paspoort aanvragen", "Burgerzaken",
                    "Een nieuw paspoort aanvragen. U maakt online een afspraak en komt zelf naar de balie.",
                    Set.of(DESK, ONLINE), List.of("reisdocument", "op reis", "paspoort verlopen")),
            new ServiceSeed("Identiteitskaart aanvragen", "Burgerzaken",
                    "Een nieuwe identiteitskaart aanvragen. U maakt online een afspraak en komt zelf naar de balie.",
                    Set.of(DESK, ONLINE), List.of("ID-kaart", "ID-bewijs", "legitimatie")),
            new ServiceSeed("Rijbewijs verlengen", "Burgerzaken",
                    "Uw rijbewijs verlengen als het bijna verloopt. Maak online een afspraak voor de balie.",
                    Set.of(DESK, ONLINE), List.of("rijbewijs verlopen", "autorijden", "keuring")),
            new ServiceSeed("Verhuizing doorgeven", "Burgerzaken",
                    "Uw nieuwe adres doorgeven als u verhuist, binnen de gemeente of van buiten.",
                    Set.of(ONLINE, DESK, POST), List.of("verhuizen", "nieuw adres", "adreswijziging", "inschrijven")),
            new ServiceSeed("Geboorte aangeven", "Burgerzaken",
                    "De geboorte van uw kind laten vastleggen, binnen drie werkdagen na de geboorte.",
                    Set.of(DESK, ONLINE), List.of("baby", "kind geboren", "aangifte geboorte")),
            new ServiceSeed("Uittreksel uit de basisregistratie", "Burgerzaken",
                    "Een bewijs van uw inschrijving en adres, bijvoorbeeld voor een nieuwe baan of een huurwoning.",
                    Set.of(ONLINE, DESK, POST), List.of("uittreksel BRP", "bewijs van inschrijving", "GBA")),
            new ServiceSeed("Omgevingsvergunning aanvragen", "Vergunningen en toezicht",
                    "Toestemming vragen om te bouwen of te verbouwen. Bespreek uw plan eerst met ons, ook via video.",
                    Set.of(ONLINE, PHONE, EMAIL, VIDEO), List.of("bouwen", "verbouwen", "dakkapel", "aanbouw",
                            "bouwvergunning")),
            new ServiceSeed("Evenementenvergunning aanvragen", "Vergunningen en toezicht",
                    "Toestemming vragen voor een feest, markt of festival op straat of in het park.",
                    Set.of(ONLINE, EMAIL, PHONE), List.of("feest", "festival", "straatfeest", "markt")),
            new ServiceSeed("Melding openbare ruimte", "Openbare ruimte",
                    "Iets kapot of vies op straat? Meld het, dan lossen wij het op.",
                    Set.of(ONLINE, PHONE, WHATSAPP), List.of("lantaarnpaal", "stoeptegel", "zwerfafval", "kapot",
                            "straat")),
            new ServiceSeed("Grofvuil laten ophalen", "Openbare ruimte",
                    "Grote spullen zoals een bank of matras laten ophalen. Maak een afspraak voor een ophaaldag.",
                    Set.of(ONLINE, PHONE), List.of("afval", "bank", "matras", "meubels")),
            new ServiceSeed("Bezwaar tegen de WOZ-waarde", "Belastingen",
                    "Vindt u de WOZ-waarde van uw huis te hoog? Dan kunt u bezwaar maken.",
                    Set.of(ONLINE, POST, PHONE), List.of("WOZ", "waarde woning", "aanslag te hoog")),
            new ServiceSeed("Kwijtschelding gemeentelijke belastingen", "Belastingen",
                    "Met een laag inkomen hoeft u de gemeentelijke belastingen soms niet te betalen.",
                    Set.of(ONLINE, POST, PHONE), List.of("laag inkomen", "niet kunnen betalen", "afvalstoffenheffing")),
            new ServiceSeed("Betalingsregeling belastingen", "Belastingen",
                    "De aanslag in delen betalen, als het in een keer niet lukt.",
                    Set.of(ONLINE, PHONE, EMAIL), List.of("termijnen", "gespreid betalen", "aanslag")),
            new ServiceSeed("Bijstandsuitkering aanvragen", "Werk en inkomen",
                    "Geld om van te leven als u geen of te weinig inkomen heeft.",
                    Set.of(ONLINE, PHONE, DESK), List.of("bijstand", "uitkering", "geen inkomen", "Participatiewet")),
            new ServiceSeed("Individuele inkomenstoeslag", "Werk en inkomen",
                    "Een extra bedrag voor wie al lange tijd een laag inkomen heeft.",
                    Set.of(ONLINE, POST, PHONE), List.of("toeslag", "laag inkomen", "extra geld")),
            new ServiceSeed("Wmo-ondersteuning aanvragen", "Zorg en ondersteuning",
                    "Hulp thuis als het zelf niet meer lukt, zoals hulp in het huishouden of een traplift.",
                    Set.of(PHONE, ONLINE, DESK), List.of("huishoudelijke hulp", "rolstoel", "traplift", "hulp thuis",
                            "mantelzorg")),
            new ServiceSeed("Hulp bij geldzorgen", "Geldzaken en schulden",
                    "Een gratis gesprek als u zich zorgen maakt over geld. Hoe eerder, hoe beter.",
                    Set.of(PHONE, WHATSAPP, CHAT, DESK, ONLINE), List.of("schulden", "rekeningen", "rondkomen",
                            "geldproblemen", "schuldhulp")),
            new ServiceSeed("Advies bij het starten van een bedrijf", "Ondernemersloket",
                    "Een gesprek over uw plannen: welke regels gelden, welke vergunningen u nodig heeft.",
                    Set.of(EMAIL, PHONE, VIDEO, DESK), List.of("starter", "eigen bedrijf", "zzp", "ondernemen")),
            new ServiceSeed("Terrasvergunning aanvragen", "Ondernemersloket",
                    "Toestemming voor een terras bij uw café, restaurant of winkel.",
                    Set.of(ONLINE, EMAIL), List.of("terras", "horeca", "café")),
            new ServiceSeed("Klacht indienen", "Klantcontactcentrum",
                    "Niet tevreden over hoe wij u hebben geholpen? Laat het ons weten.",
                    Set.of(ONLINE, PHONE, EMAIL, POST), List.of("ontevreden", "niet goed geholpen", "klacht")),
            new ServiceSeed("Terugbelverzoek", "Klantcontactcentrum",
                    "Wilt u dat een medewerker u terugbelt? Laat uw nummer achter, wij bellen op een moment dat het u "
                            + "uitkomt.",
                    Set.of(ONLINE, PHONE, CHAT), List.of("terugbellen", "bellen", "contact")));

    private final OrganisationRegistry registry;
    private final OrganisationStructure structure;
    private final TransactionTemplate transaction;

    DemoOrganisation(OrganisationRegistry registry, OrganisationStructure structure,
            PlatformTransactionManager transactions) {
        this.registry = registry;
        this.structure = structure;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (load(OrganisationRegistry.DEMO_SLUG)) {
            LOG.info("Loaded the demo organisation '{}'", NAME);
        }
    }

    /**
     * Loads the demo organisation under the given short name, all or nothing.
     *
     * @return whether it was loaded now; false when it was there already
     */
    boolean load(String slug) {
        try {
            return Boolean.TRUE.equals(transaction.execute(status -> {
                if (registry.findBySlug(slug).isPresent()) {
                    return false;
                }
                fill(registry.register(slug, NAME, null, MUNICIPALITIES).id());
                return true;
            }));
        } catch (DataIntegrityViolationException e) {
            // Another node that started at the same moment loaded it first.
            return false;
        }
    }

    private void fill(UUID tenantId) {
        Set<UUID> everywhere = structure.municipalities(tenantId).stream().map(Municipality::id)
                .collect(Collectors.toSet());
        Map<String, UUID> domains = new HashMap<>();
        DOMAINS.forEach(d -> domains.put(d.name(),
                structure.addDomain(tenantId, new DomainDetails(d.name(), d.description())).id()));
        Map<String, UUID> teams = new HashMap<>();
        TEAMS.forEach(t -> teams.put(t.name(), structure.addTeam(tenantId,
                new TeamDetails(t.name(), domains.get(t.domain()), null, t.coreTasks())).id()));
        SERVICES.forEach(s -> structure.addService(tenantId, new ServiceDetails(s.name(), s.description(),
                teams.get(s.team()), everywhere, s.channels(), s.keywords())));
    }

    private record DomainSeed(String name, String description) {
    }

    private record TeamSeed(String name, String domain, List<String> coreTasks) {
    }

    private record ServiceSeed(String name, String team, String description, Set<Channel> channels,
            List<String> keywords) {
    }
}
