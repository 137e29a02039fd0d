// SPDX-License-Identifier: EUPL-1.2
/**
 * Plumbing every module shares: who is signed in and for which tenant, roles and permissions,
 * the page shell with its navigation, languages, and plain-language error handling.
 * It knows no module; modules contribute to it (navigation items, the membership directory).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package nl.stadskompas.platform;
