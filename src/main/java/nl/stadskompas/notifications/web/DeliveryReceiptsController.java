// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.notifications.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;

import nl.stadskompas.notifications.DeliveryReceipts;
import nl.stadskompas.notifications.DeliveryReceipts.Outcome;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Delivery receipts from the SMS and letter gateway (Notify style callbacks). The gateway is not a
 * signed-in user: it sends the shared secret agreed with it as {@code Authorization: Bearer <secret>}
 * (property {@code stadskompas.notifications.gateway.callback-secret}); without a secret configured
 * every receipt is refused.
 */
@RestController
@Tag(name = "Delivery receipts", description = "Callbacks of the SMS and letter gateway")
class DeliveryReceiptsController {

    static final String PATH = "/api/notifications/delivery-receipts";

    private final DeliveryReceipts receipts;
    private final byte[] secret;

    DeliveryReceiptsController(DeliveryReceipts receipts,
            @Value("${stadskompas.notifications.gateway.callback-secret:}") String secret) {
        this.receipts = receipts;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    @PostMapping(PATH)
    @Operation(summary = "Receive a delivery receipt",
            description = "Body as GOV.UK Notify / NotifyNL send it: id (the gateway's), reference (our message id), "
                    + "status (delivered, permanent-failure, temporary-failure, technical-failure, sending, ...) and "
                    + "completed_at. 401 with a wrong secret, 400 for a malformed receipt, 404 for an unknown message.")
    ResponseEntity<Map<String, String>> receive(@RequestHeader(name = "Authorization", required = false) String authorization,
            @RequestBody(required = false) Map<String, Object> body) {
        if (!authorised(authorization)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        if (body == null || !(body.get("id") instanceof String id) || !(body.get("reference") instanceof String reference)
                || !(body.get("status") instanceof String status)) {
            return ResponseEntity.badRequest().body(Map.of("error", "id, reference and status are required"));
        }
        UUID messageId;
        Instant at = null;
        try {
            messageId = UUID.fromString(reference);
            if (body.get("completed_at") instanceof String completed && !completed.isBlank()) {
                at = Instant.parse(completed);
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return ResponseEntity.badRequest().body(Map.of("error", "reference must be a message id, completed_at a time"));
        }
        Outcome outcome = switch (status) {
            case "delivered", "received" -> Outcome.DELIVERED;
            case "permanent-failure", "temporary-failure", "technical-failure", "validation-failed", "cancelled",
                    "returned-letter" -> Outcome.FAILED;
            default -> Outcome.PENDING;
        };
        return receipts.record(messageId, id, outcome, status, at)
                .map(s -> ResponseEntity.ok(Map.of("status", s.name())))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).build());
    }

    private boolean authorised(String authorization) {
        if (secret.length == 0 || authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        return MessageDigest.isEqual(secret, authorization.substring(7).getBytes(StandardCharsets.UTF_8));
    }

    /** The gateway's callbacks have a filter chain of their own, without sign-in, session or CSRF token. */
    @Configuration(proxyBeanMethods = false)
    static class CallbackSecurity {

        @Bean
        @Order(0)
        SecurityFilterChain deliveryReceiptCallbacks(HttpSecurity http) throws Exception {
            http.securityMatcher(PATH)
                    .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                    .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .csrf(c -> c.disable())
                    .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
            return http.build();
        }
    }
}
