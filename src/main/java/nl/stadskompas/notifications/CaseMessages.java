// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.notifications;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import nl.stadskompas.cases.CaseClosed;
import nl.stadskompas.cases.CaseDelayed;
import nl.stadskompas.cases.CaseRegistered;
import nl.stadskompas.cases.CaseStatusChanged;
import nl.stadskompas.cases.CaseTracking;
import nl.stadskompas.cases.CaseTracking.CaseSnapshot;
import nl.stadskompas.cases.ContactDetails;
import nl.stadskompas.cases.ContactSettingsManagement;
import nl.stadskompas.cases.RequesterContact;
import nl.stadskompas.organisation.OrganisationRegistry;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the resident informed of their case by e-mail: receipt, a status the case type says to
 * tell them about, a delay with its reason and new date, and completion. Each message carries a
 * fresh link to the progress page and how to reach a person.
 *
 * <p>The listeners run after the case change committed, from the event publication registry, so a
 * crash in between loses no message; the dedup key of each message makes a replayed event harmless.
 */
@Component
class CaseMessages {

    private final CaseTracking cases;
    private final ContactSettingsManagement contacts;
    private final OrganisationRegistry organisations;
    private final Messaging messaging;
    private final MessageSource texts;
    private final String publicUrl;

    CaseMessages(CaseTracking cases, ContactSettingsManagement contacts, OrganisationRegistry organisations,
            Messaging messaging, MessageSource texts,
            @Value("${stadskompas.public-url:http://localhost:8080}") String publicUrl) {
        this.cases = cases;
        this.contacts = contacts;
        this.organisations = organisations;
        this.messaging = messaging;
        this.texts = texts;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    @ApplicationModuleListener
    void registered(CaseRegistered event) {
        Arguments arguments = (c, locale) ->
                new String[] { c.subject(), date(c.registeredAt().atZone(java.time.ZoneId.of("Europe/Amsterdam"))
                        .toLocalDate(), locale), nextStep(c, locale), date(c.expectedDate(), locale) };
        send(event.tenantId(), event.caseId(), "cases.receipt", "receipt", arguments, (c, locale) -> {
            Object[] a = arguments.of(c, locale);
            return MessageTemplates.values("subject", (String) a[0], "date", (String) a[1], "nextStep", (String) a[2],
                    "expectedDate", (String) a[3]);
        });
    }

    @ApplicationModuleListener
    void statusChanged(CaseStatusChanged event) {
        if (!event.informResident() || event.finalStatus()) {
            return; // the final status is told by the completion message
        }
        send(event.tenantId(), event.caseId(), "cases.status", "status-" + event.statusCode() + "-"
                + event.changedAt().toEpochMilli(), (c, locale) -> new String[] { residentText(c, locale),
                        nextStep(c, locale), date(c.expectedDate(), locale) },
                (c, locale) -> MessageTemplates.values("status", residentText(c, locale), "nextStep", nextStep(c, locale),
                        "expectedDate", date(c.expectedDate(), locale)));
    }

    @ApplicationModuleListener
    void delayed(CaseDelayed event) {
        Arguments arguments = (c, locale) -> new String[] { texts.getMessage("cases.delayReason."
                + event.reason().name(), null, event.reason().name(), locale),
                event.explanation() == null ? "" : event.explanation(), date(event.newDate(), locale) };
        send(event.tenantId(), event.caseId(), "cases.delay", "delay-" + event.delayedAt().toEpochMilli(),
                arguments, (c, locale) -> {
                    Object[] a = arguments.of(c, locale);
                    return MessageTemplates.values("reason", (String) a[0], "explanation", (String) a[1], "newDate", (String) a[2]);
                });
    }

    @ApplicationModuleListener
    void closed(CaseClosed event) {
        send(event.tenantId(), event.caseId(), "cases.completion", "completion", (c, locale) ->
                new String[] { c.subject(), residentText(c, locale) },
                (c, locale) -> MessageTemplates.values("subject", c.subject(), "status", residentText(c, locale)));
    }

    private void send(UUID tenantId, UUID caseId, String kind, String keySuffix, Arguments arguments,
            Values specific) {
        Optional<CaseSnapshot> found = cases.find(tenantId, caseId);
        Optional<RequesterContact> requester = cases.requester(tenantId, caseId);
        if (found.isEmpty() || requester.isEmpty() || requester.get().email() == null
                || requester.get().email().isBlank()) {
            return; // no e-mail address: the resident chose another way to be reached
        }
        CaseSnapshot snapshot = found.get();
        Locale locale = "en".equals(requester.get().language()) ? Locale.ENGLISH : Locale.of("nl");
        String link = publicUrl + cases.issueProgressLink(tenantId, caseId).orElse("");
        String name = requester.get().name() == null || requester.get().name().isBlank()
                ? texts.getMessage("notifications.case.anonymous", null, locale) : requester.get().name();
        String subject = texts.getMessage("notifications." + kind + ".subject", new Object[] { snapshot.reference() },
                locale);
        String body = texts.getMessage("notifications.case.greeting", new Object[] { name }, locale) + "\n\n"
                + texts.getMessage("notifications." + kind + ".body", arguments.of(snapshot, locale), locale) + "\n\n"
                + texts.getMessage("notifications.case.link", new Object[] { link, snapshot.reference() }, locale)
                + "\n\n" + reachUs(tenantId, snapshot.reference(), locale) + "\n\n"
                + texts.getMessage("notifications.case.closing", new Object[] { organisations.nameOf(tenantId) },
                        locale);
        Map<String, String> values = new HashMap<>(specific.of(snapshot, locale));
        values.put("name", name);
        values.put("reference", snapshot.reference());
        values.put("link", link);
        values.put("reachUs", reachUs(tenantId, snapshot.reference(), locale));
        values.put("organisation", organisations.nameOf(tenantId));
        messaging.queue(new OutgoingMessage(tenantId, kind, Channel.EMAIL, requester.get().email(), locale, subject,
                body, null, "case-" + caseId + "-" + keySuffix, values));
    }

    private String reachUs(UUID tenantId, String reference, Locale locale) {
        ContactDetails details = contacts.of(tenantId).orElse(null);
        if (details == null || details.phone() == null) {
            return texts.getMessage("notifications.case.reachUsReply", new Object[] { reference }, locale);
        }
        return texts.getMessage("notifications.case.reachUs",
                new Object[] { details.phone(), reference }, locale);
    }

    private String residentText(CaseSnapshot c, Locale locale) {
        String text = Locale.ENGLISH.equals(locale) && c.residentTextEn() != null ? c.residentTextEn() : c.residentTextNl();
        return text == null ? "" : text;
    }

    private String nextStep(CaseSnapshot c, Locale locale) {
        String text = Locale.ENGLISH.equals(locale) && c.nextStepEn() != null ? c.nextStepEn() : c.nextStepNl();
        return text == null ? "" : text;
    }

    private static String date(LocalDate date, Locale locale) {
        return date == null ? "" : date.format(DateTimeFormatter.ofPattern("d MMMM yyyy", locale));
    }

    @FunctionalInterface
    private interface Values {
        Map<String, String> of(CaseSnapshot snapshot, Locale locale);
    }

    @FunctionalInterface
    private interface Arguments {
        Object[] of(CaseSnapshot snapshot, Locale locale);
    }
}
