// SPDX-License-Identifier: EUPL-1.2
/**
 * ZGW intake: connects a tenant to the municipality's case system through the national ZGW APIs
 * (Zaken, Catalogi, Notificaties). It registers an abonnement, stores every notification received
 * on its callback before acknowledging it, and then, in a persistent job, updates the local case
 * through the public API of the cases module, which informs the resident.
 */
@org.springframework.modulith.ApplicationModule(displayName = "ZGW intake")
package nl.stadskompas.zgw;
