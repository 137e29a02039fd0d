// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import nl.stadskompas.framework.FrameworkEditing;
import nl.stadskompas.feedback.FeedbackCards.Kind;
import nl.stadskompas.feedback.FeedbackCards.Status;
import nl.stadskompas.feedback.ResidentStories.ConsentHow;
import nl.stadskompas.feedback.ResidentStories.StoryInput;
import nl.stadskompas.framework.Statement;
import nl.stadskompas.organisation.OrganisationCatalogue;
import nl.stadskompas.organisation.OrganisationRegistry;
import nl.stadskompas.platform.Role;
import nl.stadskompas.platform.TenantContext;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo questionnaires of the demo organisation, once: a published base questionnaire for residents
 * with the framework's statements, a report mark and demographics; a version tailored for
 * "Paspoort aanvragen"; an employee questionnaire; and about 300 fictional responses spread over
 * the last months, always the same (a fixed random seed), so the results pages are full. Nothing
 * happens when the demo organisation or its published framework is missing, or when it already
 * has questionnaires. Besides, a few feedback cards of every kind and status (one answered) and two
 * residents' stories, unless the organisation has cards or stories already.
 */
@Component
@Order(40)
@ConditionalOnProperty(name = "stadskompas.demo.enabled", havingValue = "true")
class FeedbackDemoData implements ApplicationRunner {

    static final String PASSPORT = "Paspoort aanvragen";
    private static final long SEED = 20_260_101L;

    private final OrganisationRegistry organisations;
    private final OrganisationCatalogue catalogue;
    private final FrameworkEditing framework;
    private final QuestionnaireEditing editing;
    private final QuestionBank bank;
    private final ResponseCollection collection;
    private final FeedbackCards cards;
    private final ResidentStories stories;
    private final Clock clock;

    FeedbackDemoData(OrganisationRegistry organisations, OrganisationCatalogue catalogue, FrameworkEditing framework,
            QuestionnaireEditing editing, QuestionBank bank, ResponseCollection collection, FeedbackCards cards,
            ResidentStories stories, Clock clock) {
        this.organisations = organisations;
        this.catalogue = catalogue;
        this.framework = framework;
        this.editing = editing;
        this.bank = bank;
        this.collection = collection;
        this.cards = cards;
        this.stories = stories;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        organisations.findBySlug(OrganisationRegistry.DEMO_SLUG).ifPresent(demo -> {
            load(demo.id());
            loadCardsAndStories(demo.id());
        });
    }

    /** Demo feedback cards and stories, in words of our own; nothing when there are some already. */
    void loadCardsAndStories(UUID tenantId) {
        TenantContext system = new TenantContext(tenantId, null, "stadskompas", Role.ADMINISTRATOR);
        Instant now = clock.instant();
        if (!cards.any(tenantId)) {
            card(tenantId, Kind.IDEA, "Grofvuil laten ophalen", "ONLINE", null, Status.NEW, null, now.minus(Duration.ofDays(2)),
                    "Kunt u op de website laten zien op welke dag de grofvuilwagen in mijn straat komt? Nu moet ik "
                            + "daarvoor bellen, en dat lukt niet altijd onder werktijd.");
            card(tenantId, Kind.COMPLIMENT, FeedbackDemoData.PASSPORT, "DESK", null, Status.CLOSED, null,
                    now.minus(Duration.ofDays(20)),
                    "De medewerker aan de balie nam rustig de tijd voor mijn moeder, die nog niet goed Nederlands "
                            + "spreekt. Ze legde alles twee keer uit. Heel fijn, dank u wel!");
            card(tenantId, Kind.COMPLAINT, "Melding openbare ruimte", "ONLINE", "r.demo@example.org",
                    Status.IN_PROGRESS, null, now.minus(Duration.ofDays(6)),
                    "Drie weken geleden meldde ik een losse stoeptegel bij de ingang van de bibliotheek. Er is nog "
                            + "niets gebeurd, en ik heb ook niets meer gehoord. Er is al iemand over gestruikeld.");
            card(tenantId, Kind.QUESTION, "Bezwaar tegen de WOZ-waarde", "PHONE", "w.demo@example.org", Status.ANSWERED,
                    "Ja, dat kan nog. U heeft zes weken vanaf de datum op de aanslag. Maak bezwaar op onze website "
                            + "met uw DigiD, of stuur ons een brief. Binnen twee weken krijgt u bericht dat we het "
                            + "hebben ontvangen.",
                    now.minus(Duration.ofDays(12)),
                    "Ik vind de WOZ-waarde van mijn huis veel te hoog. De aanslag kwam vier weken geleden. Kan ik "
                            + "nog bezwaar maken, en hoe doe ik dat?");
            card(tenantId, Kind.QUESTION, null, null, null, Status.NEW, null, now.minus(Duration.ofHours(5)),
                    "Waar kan ik oude batterijen en kapotte lampjes inleveren? Bij de milieustraat of ook ergens "
                            + "anders?");
        }
        if (stories.list(system, null).isEmpty()) {
            LocalDate today = LocalDate.now(clock);
            stories.record(system, new StoryInput(serviceId(tenantId, "Wmo-ondersteuning aanvragen"),
                    "Hulp in huis na een operatie",
                    "Na een operatie aan haar heup kon een oudere inwoner een paar maanden niet zelf schoonmaken. "
                            + "Haar buurvrouw vond het formulier voor de Wmo op onze website. Het invullen ging goed, "
                            + "maar daarna hoorde ze drie weken niets. Ze wist niet of haar aanvraag was aangekomen en "
                            + "belde twee keer. De tweede keer kreeg ze een medewerker die meteen een afspraak maakte "
                            + "voor een gesprek bij haar thuis. Dat gesprek vond ze prettig: er werd geluisterd en "
                            + "samen gekeken wat er nodig was. Haar tip: stuur direct een bericht dat de aanvraag binnen "
                            + "is, en zeg hoe lang het gaat duren.",
                    today.minusDays(45), true, ConsentHow.ORAL,
                    "Mag gebruikt worden in het teamoverleg en in verbetervoorstellen, zonder naam."));
            stories.record(system, new StoryInput(serviceId(tenantId, "Terrasvergunning aanvragen"),
                    "Een terras voor het eerst",
                    "Een ondernemer opende vorig voorjaar een lunchroom aan het plein en wilde een terras. Op de "
                            + "website stonden drie verschillende formulieren en hij wist niet welk hij nodig had. Het "
                            + "Ondernemersloket belde hem binnen een dag terug en hielp hem het goede formulier in te "
                            + "vullen. De vergunning kwam op tijd, maar de tekening van het terras moest twee keer "
                            + "opnieuw, omdat de eisen aan de maten niet op de website stonden. Hij zou graag vooraf "
                            + "een voorbeeldtekening zien.",
                    today.minusDays(20), true, ConsentHow.WRITTEN, "Toestemmingsformulier getekend bij het gesprek."));
        }
    }

    private void card(UUID tenantId, Kind kind, String serviceName, String channel, String email, Status status,
            String answer, Instant receivedAt, String message) {
        Optional<OrganisationCatalogue.ServiceReference> service = serviceName == null ? Optional.empty()
                : catalogue.serviceNamed(tenantId, serviceName);
        cards.storeDemo(tenantId, kind, message, service.map(OrganisationCatalogue.ServiceReference::id).orElse(null),
                service.map(OrganisationCatalogue.ServiceReference::ownerTeamId).orElse(null), channel, email, status,
                answer, receivedAt);
    }

    private UUID serviceId(UUID tenantId, String name) {
        return catalogue.serviceNamed(tenantId, name).map(OrganisationCatalogue.ServiceReference::id).orElse(null);
    }

    void load(UUID tenantId) {
        if (!editing.list(tenantId).isEmpty()) {
            return;
        }
        List<Statement> statements = framework.latestPublished(tenantId).map(v -> v.statements()).orElse(List.of());
        if (statements.isEmpty()) {
            return;
        }
        TenantContext system = new TenantContext(tenantId, null, "stadskompas", Role.ADMINISTRATOR);
        bank.ensureStandard(tenantId);
        BankEntry better = bank.addCustom(system, new BankInput(QuestionType.LONG_TEXT, "Wat kunnen we beter doen?",
                "What could we do better?", "Schrijf geen namen of andere persoonsgegevens op.",
                "Please do not write names or other personal details.", List.of()));
        BankEntry complete = bank.addCustom(system, new BankInput(QuestionType.SINGLE_CHOICE,
                "Had u bij de balie alles bij u wat nodig was?", "Did you bring everything you needed to the desk?",
                null, null, List.of(new ChoiceOption("o1", "Ja", "Yes"), new ChoiceOption("o2", "Nee", "No"),
                        new ChoiceOption("o3", "Weet ik niet meer", "I do not remember"))));

        Questionnaire base = editing.create(system, new NewQuestionnaire("Tevredenheid inwoners",
                QuestionnaireKind.RESIDENT, "Hoe heeft de gemeente u geholpen?", "How did the municipality help you?"));
        editing.describe(system, base.id(), new VersionTexts("Hoe heeft de gemeente u geholpen?",
                "How did the municipality help you?",
                "U had kort geleden contact met ons. Wij willen graag weten hoe dat ging. Het invullen duurt ongeveer drie minuten.",
                "You were in touch with us recently. We would like to know how it went. It takes about three minutes.",
                "Elk kwartaal bespreken de teams de uitkomsten. Op de website van de gemeente leest u wat we daarna anders doen.",
                "Every quarter the teams discuss the results. On the municipality's website you can read what we change."));
        for (int i = 0; i < statements.size(); i++) {
            editing.addFromBank(system, base.id(), statements.get(i).code(), i < 4 ? 1 : 2);
        }
        editing.addFromBank(system, base.id(), QuestionBank.MARK, 3);
        editing.addFromBank(system, base.id(), QuestionBank.CHANNEL, 3);
        editing.addFromBank(system, base.id(), better.key(), 4);
        editing.changeQuestion(system, base.id(), better.key(), new QuestionChange(better.textNl(), better.textEn(),
                better.helpNl(), better.helpEn(), 4, false, QuestionBank.MARK, List.of("1", "2", "3", "4", "5", "6"),
                List.of()));
        editing.addFromBank(system, base.id(), QuestionBank.AGE, 5);
        editing.addFromBank(system, base.id(), QuestionBank.DISTRICT, 5);
        editing.addFromBank(system, base.id(), QuestionBank.RESPONDENT, 5);
        editing.changeSettings(system, base.id(), new QuestionnaireSettings("Tevredenheid inwoners", Schedule.CONTINUOUS,
                null, null, 400));
        editing.publish(system, base.id());

        Questionnaire passport = catalogue.serviceNamed(tenantId, PASSPORT).map(service -> {
            Questionnaire t = editing.tailor(system, base.id(), service.id(), "Tevredenheid " + PASSPORT);
            editing.hide(system, t.id(), QuestionBank.CHANNEL);
            editing.addFromBank(system, t.id(), complete.key(), 3);
            editing.publish(system, t.id());
            return t;
        }).orElse(null);

        Questionnaire staff = editing.create(system, new NewQuestionnaire("Medewerkersonderzoek dienstverlening",
                QuestionnaireKind.EMPLOYEE, "Hoe goed maken wij onze beloften waar?", "How well do we keep our promises?"));
        editing.describe(system, staff.id(), new VersionTexts("Hoe goed maken wij onze beloften waar?",
                "How well do we keep our promises?",
                "Dezelfde stellingen leggen we ook aan inwoners voor. Zo zien we waar ons beeld en dat van inwoners verschillen.",
                "We ask residents the same statements. So we see where our view and theirs differ.",
                "De uitkomsten bespreken we in het teamoverleg.", "We discuss the results in the team meeting."));
        for (int i = 0; i < statements.size(); i++) {
            editing.addFromBank(system, staff.id(), statements.get(i).code(), i < 4 ? 1 : 2);
        }
        editing.changeSettings(system, staff.id(), new QuestionnaireSettings("Medewerkersonderzoek dienstverlening",
                Schedule.PERIODIC, LocalDate.now(clock).minusWeeks(8), LocalDate.now(clock).plusWeeks(4), 60));
        editing.publish(system, staff.id());

        Random random = new Random(SEED);
        answer(base, 200, 0.0, random, false);
        if (passport != null) {
            answer(passport, 70, 0.3, random, false);
        }
        answer(staff, 35, 0.4, random, true);
    }

    /** Fictional responses: each respondent has a mood that colours all their answers. */
    private void answer(Questionnaire q, int count, double lift, Random random, boolean staff) {
        PublicQuestionnaire target = collection.open(q.publicId()).orElseThrow();
        QuestionnaireLayout layout = target.layout();
        List<UUID> municipalities = catalogue.municipalities(q.tenantId()).stream().map(m -> m.id()).toList();
        List<UUID> services = catalogue.services(q.tenantId()).stream().map(s -> s.id()).toList();
        LocalDate today = LocalDate.now(clock);
        for (int n = 0; n < count; n++) {
            double mood = 3.4 + lift + random.nextGaussian() * 0.9;
            Map<String, List<String>> raw = new LinkedHashMap<>();
            for (Question question : layout.questions()) {
                String value = switch (question.type()) {
                    case AGREEMENT -> random.nextDouble() < 0.05 ? QuestionType.DONT_KNOW
                            : String.valueOf(clamp(Math.round(mood + random.nextGaussian() * 0.7), 1, 5));
                    case MARK -> String.valueOf(clamp(Math.round(mood * 1.6 + 1 + random.nextGaussian()), 1, 10));
                    case SINGLE_CHOICE -> random.nextDouble() < 0.1 ? null
                            : question.options().get(weighted(random, question.options().size())).code();
                    case LONG_TEXT -> random.nextDouble() < 0.3 ? pick(random, staff) : null;
                    default -> null;
                };
                if (value != null) {
                    raw.put(question.key(), List.of(value));
                }
            }
            ResponseContext context = staff ? ResponseContext.NONE : new ResponseContext(
                    q.serviceId() != null ? q.serviceId()
                            : services.isEmpty() || random.nextDouble() < 0.3 ? null : services.get(random.nextInt(services.size())),
                    List.of("ONLINE", "PHONE", "DESK", "DESK", "EMAIL").get(random.nextInt(5)),
                    municipalities.isEmpty() ? null : municipalities.get(random.nextInt(municipalities.size())),
                    random.nextDouble() < 0.4 ? "Stadhuis" : null);
            LocalDate day = today.minusDays(random.nextInt(staff ? 50 : 150));
            collection.storeGiven(target, collection.read(layout, raw), context, day, staff ? Via.API : Via.LINK);
        }
    }

    private static final List<String> REMARKS = List.of("Het duurde lang voordat ik iemand aan de lijn had.",
            "De brief was moeilijk te begrijpen.", "Ik wist niet wat ik mee moest nemen.",
            "Graag vaker laten weten hoe het ervoor staat.", "Het online formulier werkte niet op mijn telefoon.");
    private static final List<String> STAFF_REMARKS = List.of("We laten inwoners te vaak wachten op antwoord.",
            "Onze brieven kunnen eenvoudiger.", "Doorverwijzen tussen teams gaat nog niet soepel.");

    private static String pick(Random random, boolean staff) {
        List<String> list = staff ? STAFF_REMARKS : REMARKS;
        return list.get(random.nextInt(list.size()));
    }

    /** Earlier options are chosen more often, so that groups differ in size as they do in real surveys. */
    private static int weighted(Random random, int size) {
        List<Double> weights = new ArrayList<>();
        double total = 0;
        for (int i = 0; i < size; i++) {
            double w = 1.0 / (i + 1.5);
            weights.add(w);
            total += w;
        }
        double r = random.nextDouble() * total;
        for (int i = 0; i < size; i++) {
            r -= weights.get(i);
            if (r <= 0) {
                return i;
            }
        }
        return size - 1;
    }

    private static long clamp(long value, long min, long max) {
        return Math.max(min, Math.min(max, value));
    }
}
