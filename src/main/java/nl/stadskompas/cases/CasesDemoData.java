// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import nl.stadskompas.cases.CaseHandling.RegisteredCase;
import nl.stadskompas.cases.CaseHandling.Registration;
import nl.stadskompas.organisation.Organisation;
import nl.stadskompas.organisation.OrganisationCatalogue;
import nl.stadskompas.organisation.OrganisationCatalogue.ServiceReference;
import nl.stadskompas.organisation.OrganisationCatalogue.TeamReference;
import nl.stadskompas.organisation.OrganisationRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Fictional case types, contact details and cases for the demo organisation, loaded once when demo
 * data is switched on. Runs after the organisation's demo data; when the demo organisation or one of
 * its teams is missing it says so and leaves that part out. Nothing happens when the data is there.
 */
@Component
@Order(30)
@ConditionalOnBooleanProperty("stadskompas.demo.enabled")
class CasesDemoData implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(CasesDemoData.class);

    static final String COMPLAINT = "Klacht over de dienstverlening";
    static final String PASSPORT = "Paspoort aanvragen";
    static final String PERMIT = "Omgevingsvergunning";
    static final String REPORT = "Melding openbare ruimte";

    private final OrganisationRegistry organisations;
    private final OrganisationCatalogue catalogue;
    private final CaseTypeManagement types;
    private final CaseTypes caseTypes;
    private final CaseHandling handling;
    private final ContactSettingsManagement contacts;
    private final Cases cases;
    private final WorkingDayCalendar calendar;
    private final Clock clock;

    CasesDemoData(OrganisationRegistry organisations, OrganisationCatalogue catalogue, CaseTypeManagement types,
            CaseTypes caseTypes, CaseHandling handling, ContactSettingsManagement contacts, Cases cases,
            WorkingDayCalendar calendar, Clock clock) {
        this.organisations = organisations;
        this.catalogue = catalogue;
        this.types = types;
        this.caseTypes = caseTypes;
        this.handling = handling;
        this.contacts = contacts;
        this.cases = cases;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        Optional<Organisation> demo = organisations.findBySlug(OrganisationRegistry.DEMO_SLUG);
        if (demo.isEmpty()) {
            LOG.info("Demo organisation '{}' not found: no demo cases loaded", OrganisationRegistry.DEMO_SLUG);
            return;
        }
        if (load(demo.get().id())) {
            LOG.info("Loaded demo cases for '{}'", OrganisationRegistry.DEMO_SLUG);
        }
    }

    /** Loads what is missing into the tenant; true when cases were added. */
    boolean load(UUID tenant) {
        if (contacts.of(tenant).isEmpty()) {
            contacts.save(tenant, new ContactDetails("14 0123", "maandag tot en met vrijdag van 8.30 tot 17.00 uur",
                    "Monday to Friday, 8.30 am to 5 pm", "https://chat.example.org/twee-oevers",
                    "Stadhuisplein 1, Oeverdam", "alleen op afspraak; maak een afspraak via de website of de telefoon",
                    "by appointment only; make an appointment on the website or by phone"));
        }
        UUID complaint = type(tenant, COMPLAINT, "Klantcontactcentrum", "Klacht indienen", CaseKind.COMPLAINT, 20,
                "U bent niet tevreden over hoe wij u hebben geholpen. Wij zoeken uit wat er misging en laten u weten wat we eraan doen.",
                complaintStatuses());
        UUID passport = type(tenant, PASSPORT, "Burgerzaken", "Paspoort aanvragen", CaseKind.APPLICATION, 5,
                "U vraagt een nieuw paspoort aan. Dat doet u aan de balie. Wij laten het maken en u haalt het op.",
                passportStatuses());
        UUID permit = type(tenant, PERMIT, "Vergunningen en toezicht", "Omgevingsvergunning aanvragen",
                CaseKind.PERMIT, 40,
                "U wilt bouwen, verbouwen of een boom kappen. Daarvoor heeft u soms toestemming nodig. Wij kijken of uw plan mag.",
                permitStatuses());
        UUID report = type(tenant, REPORT, "Openbare ruimte", "Melding openbare ruimte", CaseKind.REPORT, 5,
                "U ziet iets kapot of vies op straat, zoals een losse stoeptegel of een volle afvalbak. Wij lossen het op.",
                reportStatuses());
        if (!cases.findByTenantIdAndClosedAtIsNull(tenant).isEmpty()
                || complaint == null && passport == null && permit == null && report == null) {
            return false;
        }
        loadCases(tenant, complaint, passport, permit, report);
        return true;
    }

    private UUID type(UUID tenant, String name, String teamName, String serviceName, CaseKind kind, int normDays,
            String description, List<StatusDefinition> statuses) {
        Optional<CaseType> existing = caseTypes.findByTenantIdAndName(tenant, name);
        if (existing.isPresent()) {
            return existing.get().id();
        }
        Optional<TeamReference> team = catalogue.teamNamed(tenant, teamName);
        if (team.isEmpty()) {
            LOG.info("Demo team '{}' not found: demo case type '{}' left out", teamName, name);
            return null;
        }
        UUID service = catalogue.serviceNamed(tenant, serviceName).map(ServiceReference::id).orElse(null);
        return types.create(tenant, new CaseTypeDraft(name, description, kind, service, team.get().id(), normDays,
                statuses));
    }

    private void loadCases(UUID tenant, UUID complaint, UUID passport, UUID permit, UUID report) {
        if (complaint != null) {
            UUID a = register(tenant, complaint, IntakeChannel.PHONE, "Niemand belde terug over mijn vraag over de afvalpas",
                    "J. Bakker", "j.bakker@example.org", null, "nl", 3);
            UUID b = register(tenant, complaint, IntakeChannel.EMAIL, "Onvriendelijk behandeld aan de balie",
                    "Mevrouw Yilmaz", "s.yilmaz@example.org", "06 12345678", "nl", 12);
            status(tenant, b, "GESPREK", "Gebeld; mevrouw wil graag een schriftelijke reactie.", 10);
            UUID c = register(tenant, complaint, IntakeChannel.POST, "Brief over de parkeervergunning was onduidelijk",
                    "Mr. Peters", "peters@example.org", null, "en", 25);
            status(tenant, c, "GESPREK", null, 22);
            status(tenant, c, "AFGEHANDELD", "Brieftekst aangepast met het team Parkeren.", 15);
        }
        if (passport != null) {
            UUID a = register(tenant, passport, IntakeChannel.DESK, "Nieuw paspoort", "A. de Jong", null,
                    "06 98765432", "nl", 2);
            status(tenant, a, "IN_PRODUCTIE", null, 1);
            UUID b = register(tenant, passport, IntakeChannel.DESK, "Nieuw paspoort", "K. Visser", "k.visser@example.org",
                    null, "nl", 4);
            status(tenant, b, "IN_PRODUCTIE", null, 3);
            status(tenant, b, "KLAAR_VOOR_OPHALEN", null, 1);
        }
        if (permit != null) {
            UUID a = register(tenant, permit, IntakeChannel.ONLINE, "Dakkapel aan de achterkant van een woning",
                    "Familie Smit", "smit@example.org", null, "nl", 30);
            status(tenant, a, "AANVULLING_NODIG", "Tekening van de zijgevel ontbreekt.", 26);
            LocalDate expected = cases.findByTenantIdAndId(tenant, a).orElseThrow().expectedDate();
            handling.delay(tenant, a, null, DelayKind.SUSPENSION, DelayReason.WAITING_FOR_RESIDENT,
                    "We hebben een tekening van de zijkant van het huis nodig.", expected.plusWeeks(3), at(26));
            register(tenant, permit, IntakeChannel.ONLINE, "Boom kappen in de voortuin", "R. Hendriks",
                    "r.hendriks@example.org", null, "nl", 4);
        }
        if (report != null) {
            UUID a = register(tenant, report, IntakeChannel.WHATSAPP, "Losse stoeptegels in de Dorpsstraat",
                    "Anoniem via WhatsApp", null, "06 11223344", "nl", 9);
            status(tenant, a, "INGEPLAND", "Ploeg Oost, week 3.", 7);
            UUID b = register(tenant, report, IntakeChannel.ONLINE, "Volle afvalbak bij het speelveld", "L. Mulder",
                    "l.mulder@example.org", null, "nl", 4);
            status(tenant, b, "INGEPLAND", null, 3);
            status(tenant, b, "OPGELOST", null, 2);
            register(tenant, report, IntakeChannel.CHAT, "Lantaarnpaal doet het niet", "T. Bos", "t.bos@example.org",
                    null, "nl", 1);
        }
    }

    private UUID register(UUID tenant, UUID type, IntakeChannel channel, String subject, String name, String email,
            String phone, String language, int workingDaysAgo) {
        // Spread over the organisation's municipalities, so the dashboard's municipality filter shows case figures.
        var municipalities = catalogue.municipalities(tenant);
        UUID municipality = municipalities.isEmpty() ? null
                : municipalities.get(Math.floorMod(subject.hashCode(), municipalities.size())).id();
        RegisteredCase registered = handling.register(tenant, null,
                new Registration(type, channel, null, subject, name, email, phone, language, municipality),
                at(workingDaysAgo));
        return registered.caseId();
    }

    private void status(UUID tenant, UUID caseId, String code, String note, int workingDaysAgo) {
        handling.changeStatus(tenant, caseId, null, code, note, at(workingDaysAgo));
    }

    /** Ten in the morning, the given number of working days before today. */
    private Instant at(int workingDaysAgo) {
        LocalDate day = LocalDate.ofInstant(clock.instant(), WorkingDayCalendar.ZONE);
        int left = workingDaysAgo;
        while (left > 0) {
            day = day.minusDays(1);
            if (calendar.isWorkingDay(day)) {
                left--;
            }
        }
        Instant moment = day.atTime(LocalTime.of(10, 0)).atZone(WorkingDayCalendar.ZONE).toInstant();
        return moment.isAfter(clock.instant()) ? clock.instant() : moment;
    }

    private static StatusDefinition status(String code, String name, String nl, String en, String nextNl, String nextEn,
            Actor actor, boolean inform, boolean last) {
        return new StatusDefinition(code, name, nl, en, nextNl, nextEn, actor, inform, last);
    }

    static List<StatusDefinition> complaintStatuses() {
        return List.of(
                status("ONTVANGEN", "Ontvangen", "We hebben uw klacht ontvangen.", "We have received your complaint.",
                        "Een medewerker belt u binnen 5 werkdagen. Samen bespreken we wat er misging.",
                        "An employee will call you within 5 working days. Together we talk about what went wrong.",
                        Actor.MUNICIPALITY, true, false),
                status("GESPREK", "Gesprek gevoerd", "We hebben met u over uw klacht gesproken.",
                        "We have talked with you about your complaint.",
                        "We zoeken uit wat er misging. Daarna krijgt u een brief met onze reactie.",
                        "We find out what went wrong. Then you get a letter with our answer.",
                        Actor.MUNICIPALITY, false, false),
                status("AFGEHANDELD", "Afgehandeld", "Uw klacht is afgehandeld. U kreeg een brief met onze reactie.",
                        "Your complaint has been dealt with. You got a letter with our answer.", null, null,
                        Actor.NOBODY, true, true));
    }

    static List<StatusDefinition> passportStatuses() {
        return List.of(
                status("AANGEVRAAGD", "Aangevraagd", "U heeft uw paspoort aangevraagd.", "You have applied for your passport.",
                        "Wij bestellen uw paspoort. Een speciaal bedrijf maakt het.",
                        "We order your passport. A special company makes it.", Actor.MUNICIPALITY, true, false),
                status("IN_PRODUCTIE", "In productie", "Uw paspoort wordt gemaakt.", "Your passport is being made.",
                        "Is het klaar? Dan krijgt u bericht.", "When it is ready, we will let you know.",
                        Actor.OTHER_ORGANISATION, false, false),
                status("KLAAR_VOOR_OPHALEN", "Klaar voor ophalen", "Uw paspoort ligt klaar.", "Your passport is ready.",
                        "Haal het op aan de balie. Neem uw oude paspoort mee. U hoeft geen afspraak te maken.",
                        "Collect it at the desk. Bring your old passport. You do not need an appointment.",
                        Actor.RESIDENT, true, false),
                status("OPGEHAALD", "Opgehaald", "U heeft uw paspoort opgehaald.", "You have collected your passport.",
                        null, null, Actor.NOBODY, false, true));
    }

    static List<StatusDefinition> permitStatuses() {
        return List.of(
                status("ONTVANGEN", "Ontvangen", "We hebben uw aanvraag ontvangen.", "We have received your application.",
                        "We kijken of alle stukken er zijn.", "We check that all documents are there.",
                        Actor.MUNICIPALITY, true, false),
                status("AANVULLING_NODIG", "Aanvulling nodig", "We hebben nog iets van u nodig.", "We still need something from you.",
                        "Stuur ons de stukken die nog ontbreken. In onze brief staat welke.",
                        "Send us the documents that are missing. Our letter says which ones.", Actor.RESIDENT, true, false),
                status("BEOORDELING", "In beoordeling", "We beoordelen uw plan.", "We are assessing your plan.",
                        "We kijken of uw plan past binnen de regels. Soms vragen we advies aan anderen.",
                        "We check whether your plan fits the rules. Sometimes we ask others for advice.",
                        Actor.MUNICIPALITY, false, false),
                status("BESLUIT", "Besluit genomen", "We hebben een besluit genomen over uw aanvraag.",
                        "We have made a decision on your application.", null, null, Actor.NOBODY, true, true));
    }

    static List<StatusDefinition> reportStatuses() {
        return List.of(
                status("ONTVANGEN", "Ontvangen", "We hebben uw melding ontvangen.", "We have received your report.",
                        "We bekijken uw melding en plannen het werk in.", "We look at your report and plan the work.",
                        Actor.MUNICIPALITY, true, false),
                status("INGEPLAND", "Ingepland", "Het werk is ingepland.", "The work has been planned.",
                        "Een ploeg van de gemeente komt het oplossen.", "A municipal crew will come and fix it.",
                        Actor.MUNICIPALITY, false, false),
                status("OPGELOST", "Opgelost", "Het is opgelost. Bedankt voor uw melding!",
                        "It has been fixed. Thank you for your report!", null, null, Actor.NOBODY, true, true));
    }
}
