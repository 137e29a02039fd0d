// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.journeys;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import nl.stadskompas.journeys.JourneyContent.Opportunity;
import nl.stadskompas.journeys.JourneyContent.Phase;
import nl.stadskompas.journeys.JourneyContent.Solution;
import nl.stadskompas.journeys.JourneyContent.Step;
import nl.stadskompas.journeys.LivedJourney.Experience;
import nl.stadskompas.journeys.LivedJourney.StepExperience;
import nl.stadskompas.organisation.OrganisationCatalogue;
import nl.stadskompas.platform.Role;
import nl.stadskompas.platform.TenantContext;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Three demo journeys for an organisation, once: starting a restaurant, asking for help with
 * an allowance when money is tight, and renewing a passport. Written for this product, with two
 * personas, lived journeys from made-up interviews, pain points and opportunities. Teams, services
 * and promises are linked by name and code when the organisation has them.
 */
@Component
class DemoJourneys {

    static final String RESTAURANT = "Een restaurant beginnen";
    static final String ALLOWANCE = "Een toeslag aanvragen als het geld krap is";
    static final String PASSPORT = "Een paspoort vernieuwen";

    private final OrganisationCatalogue catalogue;
    private final JourneyMaps maps;
    private final JourneyRules rules;

    DemoJourneys(OrganisationCatalogue catalogue, JourneyMaps maps, JourneyRules rules) {
        this.catalogue = catalogue;
        this.maps = maps;
        this.rules = rules;
    }

    @Transactional
    void load(UUID tenantId) {
        if (!maps.journeys(tenantId).isEmpty()) {
            return;
        }
        TenantContext system = new TenantContext(tenantId, null, "stadskompas", Role.ADMINISTRATOR);
        Set<String> promises = rules.promiseCodes(tenantId);
        Persona samira = maps.addPersona(system, Persona.Kind.PERSONA, "Samira, start een eigen zaak",
                "Samira (34) kookt al jaren in een restaurant en wil nu voor zichzelf beginnen. Ze regelt veel online,"
                        + " heeft weinig tijd en wil vooral weten waar ze aan toe is.");
        Persona ruud = maps.addPersona(system, Persona.Kind.PERSONA, "Ruud, komt rond met weinig",
                "Ruud (58) werkt in deeltijd en houdt elke maand net te weinig over. Formulieren vindt hij lastig;"
                        + " hij belt liever of komt langs.");
        Cluster permission = maps.addCluster(system, "Toestemming", "Reizen waarin iemand iets aanvraagt en toestemming krijgt.");
        Cluster support = maps.addCluster(system, "Ondersteuning", "Reizen waarin iemand hulp of geld krijgt.");

        Insight waiting = maps.addInsight(system, Insight.Kind.PAIN_POINT, "Lang wachten zonder nieuws",
                "Na het aanvragen hoort men weken niets. Mensen bellen dan zelf, vaak meer dan eens.");
        Insight jargon = maps.addInsight(system, Insight.Kind.PAIN_POINT, "Moeilijke woorden in brieven en formulieren",
                "Woorden als beschikking en leges zijn onbekend. Mensen haken af of vragen hulp aan familie.");
        Insight counters = maps.addInsight(system, Insight.Kind.PAIN_POINT, "Van loket naar loket",
                "Ondernemers moeten bij meerdere afdelingen hetzelfde vertellen.");
        Insight shame = maps.addInsight(system, Insight.Kind.INSIGHT, "Schaamte houdt mensen tegen",
                "Wie krap bij kas zit, vraagt pas laat hulp. Een warme eerste reactie maakt veel uit.");
        Insight appointment = maps.addInsight(system, Insight.Kind.PAIN_POINT, "Geen afspraak te krijgen op korte termijn",
                "Voor de zomer zijn alle tijden snel vol.");

        // --- starting a restaurant
        UUID ondernemersloket = team(tenantId, "Ondernemersloket");
        UUID vergunningen = team(tenantId, "Vergunningen en toezicht");
        Journey restaurant = maps.create(system, content(RESTAURANT,
                "Van het eerste idee tot de opening van een klein restaurant in de binnenstad.", permission.id(),
                ondernemersloket, services(tenantId, "Advies bij het starten van een bedrijf", "Terrasvergunning aanvragen",
                        "Omgevingsvergunning aanvragen"), List.of(samira.id()),
                List.of(
                        step("s1", "awareness", "Idee voor een eigen zaak", "ONLINE", null, "Enkele maanden",
                                "Ik wil weten wat er bij een eigen restaurant komt kijken, zodat ik geen verrassingen krijg.",
                                List.of(), List.of()),
                        step("s2", "orientation", "Informatie zoeken op de website", "ONLINE", ondernemersloket, "Een avond",
                                "Ik wil in één overzicht zien welke vergunningen ik nodig heb, zodat ik niets vergeet.",
                                List.of(), List.of(jargon.id())),
                        step("s3", "orientation", "Gesprek met het ondernemersloket", "DESK", ondernemersloket, "1 uur",
                                "Ik wil mijn plan met één vast persoon bespreken, zodat ik niet steeds opnieuw hoef te beginnen.",
                                List.of(), List.of(counters.id())),
                        step("s4", "preparation", "Papieren verzamelen", "EMAIL", null, "2 weken",
                                "Ik wil een lijst van alle stukken, zodat ik in één keer alles kan aanleveren.",
                                List.of(), List.of(jargon.id())),
                        step("s5", "application", "Vergunningen aanvragen", "ONLINE", vergunningen, "8 weken",
                                "Ik wil zien hoe ver mijn aanvraag is, zodat ik mijn opening kan plannen.",
                                List.of(), List.of(waiting.id())),
                        step("s6", "use", "Opening en eerste controle", "DESK", vergunningen, "1 dag",
                                "Ik wil weten waar de controle op let, zodat ik goed voorbereid ben.",
                                List.of(), List.of()),
                        step("s7", "setback", "Terras afgewezen", "POST", vergunningen, "3 weken",
                                "Ik wil horen waarom en wat ik kan aanpassen, zodat ik het opnieuw kan proberen.",
                                List.of(), List.of(jargon.id()))),
                List.of(
                        opportunity("o1", "Eén vast contactpersoon voor starters",
                                "Een accountmanager begeleidt de ondernemer van idee tot opening.", List.of("s3", "s5"),
                                promises, List.of("P4", "P3"), new Solution("Startersteam met vaste contactpersoon",
                                        "Elke starter krijgt bij het eerste gesprek een vaste contactpersoon.")),
                        opportunity("o2", "Laat zien hoe ver de aanvraag is",
                                "Een statuspagina met de volgende stap en de verwachte datum.", List.of("s5"), promises,
                                List.of("P2"), new Solution("Voortgangslink bij elke vergunningaanvraag", null)),
                        opportunity("o3", "Afwijzing uitleggen in een gesprek",
                                "Bel de ondernemer voordat de brief komt en bespreek wat wel kan.", List.of("s7"), promises,
                                List.of("P1", "P4"), null))));
        lived(system, restaurant, "Deelnemer A", samira.id(), LivedJourney.Method.INTERVIEW, 40, Map.of(
                "s2", e(Experience.NEGATIVE, "Ik had tien tabbladen open en wist nog steeds niet wat ik nodig had."),
                "s3", e(Experience.POSITIVE, "Eindelijk iemand die meedacht."),
                "s4", e(Experience.NEUTRAL, null),
                "s5", e(Experience.NEGATIVE, "Zes weken niets gehoord. Ik heb drie keer gebeld."),
                "s6", e(Experience.POSITIVE, "De controleur gaf goede tips.")));
        lived(system, restaurant, "Deelnemer B", samira.id(), LivedJourney.Method.SHADOWING, 25, Map.of(
                "s2", e(Experience.NEUTRAL, "Het stond er wel, maar verspreid."),
                "s3", e(Experience.POSITIVE, null),
                "s5", e(Experience.NEGATIVE, "Ik moest dingen opnieuw aanleveren die ik al had gestuurd."),
                "s7", e(Experience.NEGATIVE, "De brief was onleesbaar. Mijn boekhouder moest het uitleggen.")));

        // --- allowance when money is tight
        UUID werk = team(tenantId, "Werk en inkomen");
        UUID geld = team(tenantId, "Geldzaken en schulden");
        UUID kcc = team(tenantId, "Klantcontactcentrum");
        Journey allowance = maps.create(system, content(ALLOWANCE,
                "Iemand met een laag inkomen vraagt een toeslag aan en krijgt hulp bij geldzorgen.", support.id(), werk,
                services(tenantId, "Individuele inkomenstoeslag", "Hulp bij geldzorgen", "Kwijtschelding gemeentelijke belastingen"),
                List.of(ruud.id()),
                List.of(
                        step("s1", "awareness", "Merken dat het geld niet meer rondkomt", null, null, "Maanden",
                                "Ik wil weten dat ik niet de enige ben, zodat ik durf te vragen om hulp.", List.of(),
                                List.of(shame.id())),
                        step("s2", "orientation", "Bellen met de gemeente", "PHONE", kcc, "15 minuten",
                                "Ik wil meteen de juiste persoon spreken, zodat ik mijn verhaal maar één keer hoef te doen.",
                                List.of(), List.of(shame.id())),
                        step("s3", "preparation", "Bankafschriften en loonstroken verzamelen", "DESK", geld, "1 week",
                                "Ik wil hulp bij het verzamelen, zodat ik niets vergeet.", List.of(), List.of(jargon.id())),
                        step("s4", "application", "Aanvraag invullen", "ONLINE", werk, "1 uur",
                                "Ik wil een kort formulier in gewone taal, zodat ik het zelf kan invullen.", List.of(),
                                List.of(jargon.id())),
                        step("s5", "application", "Wachten op het besluit", "POST", werk, "8 weken",
                                "Ik wil weten wanneer ik bericht krijg, zodat ik niet in onzekerheid zit.", List.of(),
                                List.of(waiting.id())),
                        step("s6", "use", "Toeslag ontvangen", "POST", werk, "1 dag",
                                "Ik wil dat het geld op tijd komt, zodat ik mijn vaste lasten kan betalen.", List.of(),
                                List.of()),
                        step("s7", "setback", "Een onverwachte rekening", "PHONE", geld, "2 weken",
                                "Ik wil snel iemand spreken, zodat de schuld niet groter wordt.", List.of(), List.of())),
                List.of(
                        opportunity("o1", "Warme eerste reactie aan de telefoon",
                                "Medewerkers van het klantcontactcentrum leren hoe ze schaamte herkennen.", List.of("s2"),
                                promises, List.of("P1", "P5"), new Solution("Training gesprekken over geldzorgen", null)),
                        opportunity("o2", "Formulier in gewone taal",
                                "Herschrijf de aanvraag op B1-niveau en test hem met inwoners.", List.of("s4"), promises,
                                List.of("P3", "P5"), new Solution("Formulier samen met inwoners testen",
                                        "Drie rondes met vijf inwoners die de aanvraag echt moeten doen.")),
                        opportunity("o3", "Laat weten wanneer het besluit komt",
                                "Stuur na ontvangst een bericht met de datum van het besluit.", List.of("s5"), promises,
                                List.of("P2"), null))));
        lived(system, allowance, "Deelnemer C", ruud.id(), LivedJourney.Method.INTERVIEW, 30, Map.of(
                "s1", e(Experience.NEGATIVE, "Ik heb het lang voor me uit geschoven."),
                "s2", e(Experience.POSITIVE, "Ze waren vriendelijk en hebben me doorverbonden."),
                "s4", e(Experience.NEGATIVE, "Ik snapte de helft van de vragen niet."),
                "s5", e(Experience.NEGATIVE, "Elke dag keek ik in de brievenbus."),
                "s6", e(Experience.POSITIVE, "Een hele opluchting.")));
        lived(system, allowance, "Deelnemer D", ruud.id(), LivedJourney.Method.INTERVIEW, 20, Map.of(
                "s2", e(Experience.NEUTRAL, "Ik moest twee keer terugbellen."),
                "s3", e(Experience.POSITIVE, "De schuldhulpverlener zocht alles met me uit."),
                "s4", e(Experience.NEUTRAL, null),
                "s5", e(Experience.NEGATIVE, null),
                "s7", e(Experience.NEUTRAL, "Gelukkig kon ik een regeling treffen.")));

        // --- passport
        UUID burgerzaken = team(tenantId, "Burgerzaken");
        Journey passport = maps.create(system, content(PASSPORT,
                "Een inwoner merkt dat het paspoort bijna verloopt en vraagt een nieuw aan.", permission.id(), burgerzaken,
                services(tenantId, "Paspoort aanvragen"), List.of(samira.id(), ruud.id()),
                List.of(
                        step("s1", "awareness", "Merken dat het paspoort verloopt", "POST", burgerzaken, "1 dag",
                                "Ik wil op tijd een herinnering, zodat mijn vakantie niet in gevaar komt.", List.of(),
                                List.of()),
                        step("s2", "preparation", "Afspraak maken", "ONLINE", burgerzaken, "10 minuten",
                                "Ik wil snel een afspraak op een tijd die mij past, zodat ik geen vrij hoef te nemen.",
                                List.of(), List.of(appointment.id())),
                        step("s3", "preparation", "Pasfoto laten maken", null, null, "30 minuten",
                                "Ik wil weten aan welke eisen de foto moet voldoen, zodat hij niet wordt afgekeurd.",
                                List.of(), List.of()),
                        step("s4", "application", "Aanvragen aan de balie", "DESK", burgerzaken, "15 minuten",
                                "Ik wil snel geholpen worden, zodat ik weer aan het werk kan.", List.of(), List.of()),
                        step("s5", "use", "Paspoort ophalen", "DESK", burgerzaken, "10 minuten",
                                "Ik wil een bericht als het klaar is, zodat ik niet voor niets kom.", List.of(), List.of())),
                List.of(
                        opportunity("o1", "Herinnering op tijd sturen",
                                "Stuur drie maanden voor het verlopen een bericht met een link om een afspraak te maken.",
                                List.of("s1", "s2"), promises, List.of("P2", "P3"),
                                new Solution("Proactief bericht bij een verlopend document", null)),
                        opportunity("o2", "Avondopenstelling in het voorjaar",
                                "Extra afspraaktijden in de drukke maanden.", List.of("s2"), promises, List.of("P5"), null))));
        lived(system, passport, "Deelnemer E", samira.id(), LivedJourney.Method.INTERVIEW, 15, Map.of(
                "s1", e(Experience.NEUTRAL, "Ik zag het zelf, een week voor de vakantie."),
                "s2", e(Experience.NEGATIVE, "De eerste plek was pas over vier weken."),
                "s4", e(Experience.POSITIVE, "Binnen tien minuten klaar."),
                "s5", e(Experience.POSITIVE, null)));
        lived(system, passport, "Deelnemer F", ruud.id(), LivedJourney.Method.SHADOWING, 10, Map.of(
                "s2", e(Experience.NEGATIVE, "Ik kwam niet door het inloggen heen."),
                "s3", e(Experience.NEUTRAL, null),
                "s4", e(Experience.POSITIVE, "De medewerker legde alles rustig uit.")));
        maps.publish(system, restaurant.id(), "Eerste versie na de werksessie met ondernemers");
    }

    private JourneyContent content(String name, String description, UUID clusterId, UUID ownerTeamId, List<UUID> services,
            List<UUID> personas, List<Step> steps, List<Opportunity> opportunities) {
        List<Phase> phases = JourneyContent.standardPhases();
        return new JourneyContent(name, description, clusterId, ownerTeamId, services, personas, phases, steps,
                opportunities);
    }

    private static Step step(String id, String phase, String title, String channel, UUID team, String duration, String need,
            List<UUID> personas, List<UUID> insights) {
        return new Step(id, phase, title, channel, team, duration, need, personas, insights, null);
    }

    private static Opportunity opportunity(String id, String title, String description, List<String> steps,
            Set<String> known, List<String> promises, Solution solution) {
        return new Opportunity(id, title, description, steps, promises.stream().filter(known::contains).toList(),
                solution == null ? List.of() : List.of(solution));
    }

    private void lived(TenantContext system, Journey journey, String participant, UUID persona, LivedJourney.Method method,
            int daysAgo, Map<String, StepExperience> experiences) {
        List<StepExperience> list = new ArrayList<>();
        journey.content().orderedSteps().forEach(s -> {
            StepExperience e = experiences.get(s.id());
            if (e != null) {
                list.add(new StepExperience(s.id(), e.experience(), e.quote()));
            }
        });
        maps.recordLived(system, journey.id(), participant, persona, method, LocalDate.now().minusDays(daysAgo), list);
    }

    private static StepExperience e(Experience experience, String quote) {
        return new StepExperience("", experience, quote);
    }

    private UUID team(UUID tenantId, String name) {
        return catalogue.teamNamed(tenantId, name).map(OrganisationCatalogue.TeamReference::id).orElse(null);
    }

    private List<UUID> services(UUID tenantId, String... names) {
        Map<String, UUID> found = new HashMap<>();
        for (String name : names) {
            catalogue.serviceNamed(tenantId, name).ifPresent(s -> found.put(name, s.id()));
        }
        return List.of(names).stream().filter(found::containsKey).map(found::get).toList();
    }
}
