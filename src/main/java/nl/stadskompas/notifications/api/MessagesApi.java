// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.notifications.api;

import java.time.LocalDate;
import java.util.List;

import nl.stadskompas.notifications.Channel;
import nl.stadskompas.notifications.MessageLog;
import nl.stadskompas.notifications.MessageLog.Entry;
import nl.stadskompas.notifications.MessageLog.Filter;
import nl.stadskompas.notifications.MessageStatus;
import nl.stadskompas.platform.Permission;
import nl.stadskompas.platform.TenantContext;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The message log over REST, with the same rules as the page: addresses and texts only for those who
 * handle residents' requests (and then logged).
 */
@RestController
@RequestMapping("/api/v1/messages")
@Tag(name = "Messages", description = "The log of messages to residents with their delivery status")
class MessagesApi {

    private final MessageLog log;

    MessagesApi(MessageLog log) {
        this.log = log;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('PERM_READ')")
    @Operation(summary = "The newest messages (at most 200), filtered by status, channel and period",
            description = "recipient, subject, text and error are only filled in for roles with CASES_HANDLE; each such "
                    + "request is written to the access log. from and to are days (Dutch time), to inclusive.")
    List<Entry> messages(TenantContext tenant, @RequestParam(required = false) MessageStatus status,
            @RequestParam(required = false) Channel channel,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return log.search(tenant.tenantId(), tenant.userId(), new Filter(status, channel, from, to),
                tenant.can(Permission.CASES_HANDLE), "API");
    }
}
