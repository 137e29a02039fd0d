// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.contacts;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import nl.stadskompas.organisation.Channel;
import nl.stadskompas.organisation.MunicipalityDetails;
import nl.stadskompas.organisation.OrganisationStructure;
import nl.stadskompas.organisation.ServiceDetails;
import nl.stadskompas.organisation.TeamDetails;

import org.springframework.context.ApplicationContext;

/**
 * Builds what appointment tests need through the organisation's public API: a service to book.
 */
public final class ContactFixtures {

    private final OrganisationStructure structure;

    private ContactFixtures(ApplicationContext context) {
        this.structure = context.getBean(OrganisationStructure.class);
    }

    public static ContactFixtures of(ApplicationContext context) {
        return new ContactFixtures(context);
    }

    /** A desk service of a new team in the tenant. */
    public UUID passportService(UUID tenantId) {
        var municipality = structure.addMunicipality(tenantId, new MunicipalityDetails("Gemeente Oeverdam", null));
        var team = structure.addTeam(tenantId, new TeamDetails("Burgerzaken", null, null, List.of()));
        return structure.addService(tenantId, new ServiceDetails("Paspoort aanvragen", null, team.id(),
                Set.of(municipality.id()), Set.of(Channel.DESK), List.of())).id();
    }
}
