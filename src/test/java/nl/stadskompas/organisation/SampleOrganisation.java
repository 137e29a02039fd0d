// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.organisation;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A small organisation for tests, built through the module's own rules: two municipalities, two
 * domains, two teams and two services.
 */
record SampleOrganisation(UUID tenantId, Municipality north, Municipality south, Domain publicAffairs,
        Domain social, Team civilAffairs, Team money, Service passport, Service debtHelp) {

    static SampleOrganisation in(OrganisationStructure structure, UUID tenantId) {
        Municipality north = structure.addMunicipality(tenantId, new MunicipalityDetails("Gemeente Noordwaard", "0001"));
        Municipality south = structure.addMunicipality(tenantId, new MunicipalityDetails("Gemeente Zuidwaard", null));
        Domain publicAffairs = structure.addDomain(tenantId, new DomainDetails("Publiekszaken", "Documenten"));
        Domain social = structure.addDomain(tenantId, new DomainDetails("Sociaal domein", null));
        Team civilAffairs = structure.addTeam(tenantId, new TeamDetails("Burgerzaken", publicAffairs.id(), null,
                List.of("Maakt paspoorten en identiteitskaarten.", "Houdt de basisregistratie bij.")));
        Team money = structure.addTeam(tenantId, new TeamDetails("Geldzaken en schulden", social.id(),
                "Hulp bij geldzaken", List.of("Helpt inwoners die moeite hebben om rond te komen.")));
        Service passport = structure.addService(tenantId, new ServiceDetails("Paspoort aanvragen",
                "Kom langs aan de balie.", civilAffairs.id(), Set.of(north.id(), south.id()),
                Set.of(Channel.DESK, Channel.ONLINE), List.of("reisdocument")));
        Service debtHelp = structure.addService(tenantId, new ServiceDetails("Hulp bij geldzorgen", null, money.id(),
                Set.of(north.id()), Set.of(Channel.PHONE, Channel.WHATSAPP), List.of("schulden", "rondkomen")));
        return new SampleOrganisation(tenantId, north, south, publicAffairs, social, civilAffairs, money, passport,
                debtHelp);
    }
}
