// SPDX-License-Identifier: EUPL-1.2
/**
 * Contacts: how a person wants to be reached (channel, language, addresses), their consent per kind
 * of proactive message, their appointments with a service, and the resident's own pages to change
 * these behind a secret link. Other modules ask {@link nl.stadskompas.contacts.ContactPreferences} and
 * {@link nl.stadskompas.contacts.Appointments}, and hear of appointments through its events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Contacts")
package nl.stadskompas.contacts;
