// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.notifications.api;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import nl.stadskompas.notifications.MessageStatus;
import nl.stadskompas.notifications.Messaging;
import nl.stadskompas.notifications.ProactiveNotices;
import nl.stadskompas.notifications.ProactiveNotices.Document;
import nl.stadskompas.notifications.ProactiveNotices.ExpiryNotice;
import nl.stadskompas.notifications.ProactiveNotices.LifeEvent;
import nl.stadskompas.notifications.ProactiveNotices.Link;
import nl.stadskompas.platform.TenantContext;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Facts from other systems (such as the population register) that lead to a proactive message, sent
 * only to residents who agreed to that kind of message.
 */
@RestController
@RequestMapping("/api/v1/proactive")
@Tag(name = "Proactive messages", description = "Document expiry notices and help after a life event, with consent")
class ProactiveApi {

    private final ProactiveNotices notices;
    private final Messaging messaging;

    ProactiveApi(ProactiveNotices notices, Messaging messaging) {
        this.notices = notices;
        this.messaging = messaging;
    }

    @PostMapping("/document-expiries")
    @PreAuthorize("hasAuthority('PERM_CASES_HANDLE')")
    @Operation(summary = "Register that a resident's passport, ID card or driving licence expires on a date",
            description = "A notice is considered some weeks before (stadskompas.proactive.expiry-notice-weeks) and "
                    + "sent only when the resident agreed to DOCUMENT_EXPIRY messages at that moment. Registering "
                    + "the same document and date again changes nothing.", responses = {
                            @ApiResponse(responseCode = "201", description = "Registered; noticeAt says when"),
                            @ApiResponse(responseCode = "400", description = "Invalid input; every problem is listed") })
    ResponseEntity<ExpiryNotice> documentExpiry(TenantContext tenant, @RequestBody ExpiryRegistration registration) {
        ExpiryNotice notice = notices.registerExpiry(tenant.tenantId(), registration.email(), registration.document(),
                registration.expiresOn());
        return ResponseEntity.created(URI.create("/api/v1/proactive/document-expiries/" + notice.id())).body(notice);
    }

    @PostMapping("/life-events")
    @PreAuthorize("hasAuthority('PERM_CASES_HANDLE')")
    @Operation(summary = "Register a life event (moving house, a birth) to offer help",
            description = "The message with the event's links is queued at once, or logged as WITHHELD when the "
                    + "resident did not agree to LIFE_EVENT messages.", responses = {
                            @ApiResponse(responseCode = "202", description = "Queued or withheld; status says which"),
                            @ApiResponse(responseCode = "400", description = "Invalid input; every problem is listed") })
    ResponseEntity<MessageState> lifeEvent(TenantContext tenant, @RequestBody LifeEventRegistration registration) {
        UUID id = notices.lifeEvent(tenant.tenantId(), registration.email(), registration.event(), registration.date());
        return ResponseEntity.accepted().body(new MessageState(id,
                messaging.status(tenant.tenantId(), id).orElse(MessageStatus.QUEUED)));
    }

    @GetMapping("/life-events/{event}/links")
    @PreAuthorize("hasAuthority('PERM_READ')")
    @Operation(summary = "The services a resident is pointed to after this life event")
    List<Link> links(TenantContext tenant, @PathVariable LifeEvent event) {
        return notices.links(tenant.tenantId(), event);
    }

    @PutMapping("/life-events/{event}/links")
    @PreAuthorize("hasAuthority('PERM_ORGANISATION_EDIT')")
    @Operation(summary = "Replace the services a resident is pointed to after this life event",
            responses = @ApiResponse(responseCode = "400", description = "A title is missing or an address is not https"))
    List<Link> setLinks(TenantContext tenant, @PathVariable LifeEvent event, @RequestBody List<Link> links) {
        notices.setLinks(tenant.tenantId(), event, links);
        return notices.links(tenant.tenantId(), event);
    }

    /**
     * @param email where the notice goes
     * @param document PASSPORT, ID_CARD or DRIVING_LICENCE
     * @param expiresOn the last day it is valid
     */
    record ExpiryRegistration(String email, Document document, LocalDate expiresOn) {
    }

    /**
     * @param event MOVED or BIRTH
     * @param date when it happened
     */
    record LifeEventRegistration(String email, LifeEvent event, LocalDate date) {
    }

    record MessageState(UUID messageId, MessageStatus status) {
    }
}
