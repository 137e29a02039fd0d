// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.notifications;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway adapter for the API of GOV.UK Notify and its Dutch fork NotifyNL.
 *
 * <ul>
 * <li>Authentication: every request carries {@code Authorization: Bearer <JWT>}, a token signed with
 * HMAC-SHA256 by the secret part of the API key, with the service id as issuer and the time of the
 * request ({@code iat}). An API key is {@code <name>-<service id>-<secret>}, both ids UUIDs.</li>
 * <li>SMS: {@code POST /v2/notifications/sms} with {@code phone_number}, {@code template_id} (one
 * template at the gateway that shows its {@code ((body))}), {@code personalisation.body} (our
 * text) and {@code reference} (our message id).</li>
 * <li>Letter: {@code POST /v2/notifications/letter} with {@code reference} and {@code content}, the
 * PDF in base64 (a "precompiled letter": the address is on the PDF).</li>
 * <li>Answer 201 with the gateway's {@code id}. 400 and 403 are refusals (not retried); 429, 5xx and
 * no answer are temporary (retried with back-off).</li>
 * </ul>
 */
class NotifyGateway implements MessageGateway {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final URI baseUrl;
    private final String serviceId;
    private final byte[] secret;
    private final String smsTemplateId;
    private final Clock clock;
    private final HttpClient http;

    NotifyGateway(String baseUrl, String apiKey, String smsTemplateId, Clock clock) {
        this.baseUrl = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
        if (apiKey == null || apiKey.length() < 74) {
            throw new IllegalArgumentException("The gateway API key must end with <service id>-<secret>, two UUIDs");
        }
        this.secret = apiKey.substring(apiKey.length() - 36).getBytes(StandardCharsets.UTF_8);
        this.serviceId = apiKey.substring(apiKey.length() - 73, apiKey.length() - 37);
        this.smsTemplateId = smsTemplateId;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public String sendSms(UUID reference, String phoneNumber, String text) throws GatewayException {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("phone_number", phoneNumber);
        request.put("template_id", smsTemplateId);
        request.put("personalisation", Map.of("body", text));
        request.put("reference", reference.toString());
        return post("v2/notifications/sms", request);
    }

    @Override
    public String sendLetter(UUID reference, byte[] pdf) throws GatewayException {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("reference", reference.toString());
        request.put("content", Base64.getEncoder().encodeToString(pdf));
        return post("v2/notifications/letter", request);
    }

    private String post(String path, Map<String, Object> body) throws GatewayException {
        HttpRequest request = HttpRequest.newBuilder(baseUrl.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token())
                .header("User-Agent", "stadskompas")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new GatewayException("The gateway cannot be reached: " + e.getMessage(), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayException("Interrupted while sending", true);
        }
        int status = response.statusCode();
        if (status == 200 || status == 201) {
            JsonNode id = JSON.readTree(response.body()).get("id");
            if (id == null || id.asString().isBlank()) {
                throw new GatewayException("The gateway's answer has no id", true);
            }
            return id.asString();
        }
        String detail = "The gateway answered " + status + ": " + abbreviate(response.body());
        throw new GatewayException(detail, status == 429 || status >= 500);
    }

    /** A JSON Web Token as Notify expects it: HS256, issuer the service id, issued now. */
    String token() {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String header = base64.encodeToString("{\"typ\":\"JWT\",\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8));
        String claims = base64.encodeToString(("{\"iss\":\"" + serviceId + "\",\"iat\":"
                + clock.instant().getEpochSecond() + "}").getBytes(StandardCharsets.UTF_8));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] signature = mac.doFinal((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
            return header + "." + claims + "." + base64.encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) : text;
    }
}
