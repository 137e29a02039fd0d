// SPDX-License-Identifier: EUPL-1.2
/**
 * Messages to residents and employees: queued in the sender's transaction, delivered by a
 * persistent job so that a queued message survives a crash, retried with back-off on temporary
 * failures, logged with its status. Other modules queue messages through {@link Messaging}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package nl.stadskompas.notifications;
