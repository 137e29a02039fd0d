// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.notifications;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A message to queue.
 *
 * @param tenantId the organisation that sends it
 * @param kind what kind of message, for the log and statistics, e.g. {@code feedback.invitation}
 * @param channel how it is delivered
 * @param recipient the address (an e-mail address for {@link Channel#EMAIL})
 * @param language the language it is written in
 * @param subject the subject line
 * @param text the plain-text body
 * @param due when to send it; {@code null} for straight away
 * @param dedupKey identifies the logical message within the tenant: queueing the same key again
 *        changes nothing, so a retried request never sends a message twice
 * @param values the values of the placeholders of the kind's template ({@link TemplateKind}), or
 *        {@code null} for a message without a template: with values, the tenant's own template is
 *        used when it has one, and the recipient's preferred channel (SMS, letter) when they chose one
 */
public record OutgoingMessage(UUID tenantId, String kind, Channel channel, String recipient, Locale language,
        String subject, String text, Instant due, String dedupKey, Map<String, String> values) {

    /** A message with a fixed text, always sent on the given channel. */
    public OutgoingMessage(UUID tenantId, String kind, Channel channel, String recipient, Locale language,
            String subject, String text, Instant due, String dedupKey) {
        this(tenantId, kind, channel, recipient, language, subject, text, due, dedupKey, null);
    }
}
