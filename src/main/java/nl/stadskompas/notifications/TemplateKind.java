// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.notifications;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The kinds of message that have a template, each with the placeholders its text may use. The
 * {@link #kind()} is the kind under which the message is queued and logged.
 */
public enum TemplateKind {
    CASE_RECEIPT("cases.receipt", "name", "reference", "subject", "date", "nextStep", "expectedDate", "link",
            "reachUs", "organisation"),
    CASE_STATUS("cases.status", "name", "reference", "status", "nextStep", "expectedDate", "link", "reachUs",
            "organisation"),
    CASE_DELAY("cases.delay", "name", "reference", "reason", "explanation", "newDate", "link", "reachUs",
            "organisation"),
    CASE_COMPLETION("cases.completion", "name", "reference", "subject", "status", "link", "reachUs", "organisation"),
    COMPLAINT_UPDATE("cases.complaint-update", "reference", "subject", "status", "nextStep", "expectedDate", "link",
            "reachUs", "organisation"),
    APPOINTMENT_CONFIRMATION("appointment.confirmation", "service", "date", "time", "place", "bring", "changeLink",
            "reachUs", "organisation"),
    APPOINTMENT_CHANGED("appointment.changed", "service", "date", "time", "place", "bring", "changeLink", "reachUs",
            "organisation"),
    APPOINTMENT_CANCELLED("appointment.cancelled", "service", "date", "time", "place", "reachUs", "organisation"),
    APPOINTMENT_REMINDER("appointment.reminder", "service", "date", "time", "place", "bring", "changeLink",
            "reachUs", "organisation"),
    DOCUMENT_EXPIRY("proactive.document-expiry", "document", "expiresOn", "reachUs", "organisation"),
    LIFE_EVENT("proactive.life-event", "title", "intro", "links", "reachUs", "organisation");

    private final String kind;
    private final List<String> placeholders;

    TemplateKind(String kind, String... placeholders) {
        this.kind = kind;
        this.placeholders = List.of(placeholders);
    }

    /** The message kind, as queued and logged. */
    public String kind() {
        return kind;
    }

    /** The names that may appear between braces in the text, e.g. {@code {reference}}. */
    public List<String> placeholders() {
        return placeholders;
    }

    /** Message key of the name as users read it. */
    public String messageKey() {
        return "notifications-templates.kind." + kind;
    }

    public static Optional<TemplateKind> of(String kind) {
        return Arrays.stream(values()).filter(k -> k.kind.equals(kind)).findFirst();
    }
}
