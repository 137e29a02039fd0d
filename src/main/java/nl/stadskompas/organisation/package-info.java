// SPDX-License-Identifier: EUPL-1.2
/**
 * The organisations (tenants) and how each is built: the municipalities it serves, domains, teams
 * with their core tasks, the services they own and the channels they offer, and the "who does
 * what" directory. Other modules refer to its teams and services by id and read them through
 * {@link nl.stadskompas.organisation.OrganisationCatalogue}; they learn of removals through
 * {@link nl.stadskompas.organisation.TeamRemoved}, {@link nl.stadskompas.organisation.ServiceRemoved}
 * and {@link nl.stadskompas.organisation.MunicipalityRemoved}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organisation")
package nl.stadskompas.organisation;
