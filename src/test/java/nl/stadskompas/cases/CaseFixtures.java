// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.cases;

import java.util.List;
import java.util.UUID;

import nl.stadskompas.cases.CaseHandling.RegisteredCase;
import nl.stadskompas.cases.CaseHandling.Registration;
import nl.stadskompas.organisation.OrganisationStructure;
import nl.stadskompas.organisation.TeamDetails;

import org.springframework.context.ApplicationContext;

/**
 * Case types and cases for tests, each in the tenant a test made; teams through the organisation's
 * public API.
 */
public final class CaseFixtures {

    private final OrganisationStructure structure;
    private final CaseTypeManagement types;
    private final CaseHandling handling;

    private CaseFixtures(ApplicationContext context) {
        this.structure = context.getBean(OrganisationStructure.class);
        this.types = context.getBean(CaseTypeManagement.class);
        this.handling = context.getBean(CaseHandling.class);
    }

    public static CaseFixtures of(ApplicationContext context) {
        return new CaseFixtures(context);
    }

    public UUID team(UUID tenantId, String name) {
        return structure.addTeam(tenantId, new TeamDetails(name, null, null, List.of())).id();
    }

    public static List<StatusDefinition> complaintStatuses() {
        return List.of(
                new StatusDefinition("ONTVANGEN", "Ontvangen", "We hebben uw klacht ontvangen.",
                        "We have received your complaint.", "Een medewerker belt u binnen 5 werkdagen.",
                        "An employee will call you within 5 working days.", Actor.MUNICIPALITY, true, false),
                new StatusDefinition("IN_BEHANDELING", "In behandeling", "We onderzoeken uw klacht.",
                        "We are looking into your complaint.", "U krijgt een brief met ons antwoord.",
                        "You will get a letter with our answer.", Actor.MUNICIPALITY, false, false),
                new StatusDefinition("AFGEROND", "Afgerond", "We hebben uw klacht afgehandeld.",
                        "We have dealt with your complaint.", null, null, Actor.NOBODY, true, true));
    }

    public UUID complaintType(UUID tenantId, UUID teamId) {
        return types.create(tenantId, new CaseTypeDraft("Klacht " + UUID.randomUUID().toString().substring(0, 6),
                "Een klacht over hoe wij u hebben geholpen.", CaseKind.COMPLAINT, null, teamId, 10, complaintStatuses()));
    }

    public RegisteredCase complaint(UUID tenantId, UUID typeId, UUID employeeId) {
        return handling.register(tenantId, employeeId, new Registration(typeId, IntakeChannel.PHONE, null,
                "Afval is niet opgehaald", "Sanne de Vries", "sanne@example.org", null, "nl"));
    }

    /** A tenant's team, complaint type and one registered complaint. */
    public Scene scene(UUID tenantId, UUID employeeId) {
        UUID team = team(tenantId, "Klantcontact " + UUID.randomUUID().toString().substring(0, 6));
        UUID type = complaintType(tenantId, team);
        return new Scene(team, type, complaint(tenantId, type, employeeId));
    }

    public record Scene(UUID teamId, UUID caseTypeId, RegisteredCase registered) {

        public UUID caseId() {
            return registered.caseId();
        }

        public String token() {
            return registered.progressToken();
        }
    }
}
