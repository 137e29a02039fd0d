// SPDX-License-Identifier: EUPL-1.2
/**
 * Employee accounts: sign-in with a built-in account or OpenID Connect, the role of each user in
 * each tenant, sign-in throttling, the first administrator and user management. It tells the
 * platform who may do what through {@link nl.stadskompas.platform.Memberships}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts")
package nl.stadskompas.accounts;
