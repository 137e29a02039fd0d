// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.zgw;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriComponentsBuilder;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the ZGW APIs of a tenant's case system, signed with the ZGW JWT (HS256 with the client id
 * and secret the case system issued). It only reads the Zaken and Catalogi APIs, and only URLs under
 * the configured base URLs, so a notification cannot make us call anywhere else.
 */
@Component
class ZgwClient {

    static final String USER_ID = "stadskompas";
    static final String USER_REPRESENTATION = "Stadskompas";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final RestClient http;
    private final Clock clock;

    ZgwClient(Clock clock) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
        factory.setReadTimeout(Duration.ofSeconds(15));
        this.http = RestClient.builder().requestFactory(factory).build();
        this.clock = clock;
    }

    /** The ZGW JWT: HS256 over iss, iat, client_id, user_id and user_representation. */
    String token(Connection connection) {
        try {
            JWTClaimsSet claims = new JWTClaimsSet.Builder()
                    .issuer(connection.clientId())
                    .issueTime(Date.from(clock.instant()))
                    .claim("client_id", connection.clientId())
                    .claim("user_id", USER_ID)
                    .claim("user_representation", USER_REPRESENTATION)
                    .build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(),
                    claims);
            jwt.sign(new MACSigner(connection.clientSecret().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            // The secret is checked for length when it is saved; say nothing of it here.
            throw new ZgwUnavailable("The client secret cannot sign a token");
        }
    }

    /** A zaak of the tenant's Zaken API. */
    Zaak zaak(Connection connection, String url) {
        requireUnder(url, connection.zakenUrl(), "zaak");
        JsonNode node = get(connection, url, true);
        return new Zaak(text(node, "url"), text(node, "identificatie"), text(node, "omschrijving"),
                text(node, "zaaktype"), text(node, "status"));
    }

    /** A status of a zaak (Zaken API). */
    Status status(Connection connection, String url) {
        requireUnder(url, connection.zakenUrl(), "status");
        JsonNode node = get(connection, url, false);
        return new Status(text(node, "url"), text(node, "zaak"), text(node, "statustype"),
                text(node, "statustoelichting"));
    }

    /** A statustype (Catalogi API). */
    StatusType statustype(Connection connection, String url) {
        requireUnder(url, connection.catalogiUrl(), "statustype");
        JsonNode node = get(connection, url, false);
        JsonNode volgnummer = node.get("volgnummer");
        return new StatusType(text(node, "url"), text(node, "omschrijving"),
                volgnummer != null && volgnummer.isNumber() ? volgnummer.intValue() : null,
                bool(node, "informeren"), bool(node, "isEindstatus"));
    }

    /** The initiator of a zaak with the contact details the case system holds, if any. */
    Optional<Initiator> initiator(Connection connection, String zaakUrl) {
        String url = UriComponentsBuilder.fromUriString(Connection.join(connection.zakenUrl(), "/rollen"))
                .queryParam("zaak", zaakUrl).queryParam("omschrijvingGeneriek", "initiator")
                .encode().build().toUriString();
        JsonNode page = get(connection, url, false);
        for (JsonNode rol : page.path("results")) {
            JsonNode contact = rol.get("contactpersoonRol");
            String name = rol.path("betrokkeneIdentificatie").isObject() ? personName(rol.get("betrokkeneIdentificatie"))
                    : null;
            if (contact != null && contact.isObject()) {
                String email = text(contact, "emailadres");
                String phone = text(contact, "telefoonnummer");
                String contactName = text(contact, "naam");
                if (email != null || phone != null) {
                    return Optional.of(new Initiator(name != null ? name : contactName, blankToNull(email),
                            blankToNull(phone)));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Registers (or, when one exists, replaces) the abonnement on the {@code zaken} kanaal, one
     * filter group per zaaktype so that only notifications of mapped zaaktypes are sent.
     *
     * @return the abonnement's URL
     */
    String registerAbonnement(Connection connection, String callbackUrl, String authorization,
            List<String> zaaktypes) {
        List<Map<String, Object>> kanalen = zaaktypes.stream()
                .map(z -> Map.<String, Object>of("naam", "zaken", "filters", Map.of("zaaktype", z)))
                .toList();
        Map<String, Object> body = Map.of("callbackUrl", callbackUrl, "auth", authorization, "kanalen", kanalen);
        boolean replace = connection.abonnementUrl() != null
                && Connection.isUnder(connection.abonnementUrl(), connection.notificatiesUrl());
        String url = replace ? connection.abonnementUrl() : Connection.join(connection.notificatiesUrl(), "/abonnement");
        try {
            String answer = (replace ? http.put() : http.post()).uri(URI.create(url))
                    .headers(h -> headers(h, connection, false))
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(JSON.writeValueAsString(body))
                    .retrieve()
                    .onStatus(HttpStatusCode::isError, (request, response) -> {
                        throw failure(response.getStatusCode().value(), url);
                    })
                    .body(String.class);
            String created = answer == null ? null : text(JSON.readTree(answer), "url");
            if (created == null) {
                throw new ZgwUnavailable("The Notificaties API answered without the abonnement's URL");
            }
            return created;
        } catch (ResourceAccessException e) {
            throw new ZgwUnavailable("The Notificaties API cannot be reached");
        } catch (JacksonException e) {
            throw new ZgwUnavailable("The Notificaties API answered with something other than JSON");
        }
    }

    private JsonNode get(Connection connection, String url, boolean zaak) {
        try {
            String answer = http.get().uri(URI.create(url))
                    .headers(h -> headers(h, connection, zaak))
                    .retrieve()
                    .onStatus(HttpStatusCode::isError, (request, response) -> {
                        throw failure(response.getStatusCode().value(), url);
                    })
                    .body(String.class);
            if (answer == null) {
                throw new ZgwUnavailable("Empty answer from " + url);
            }
            return JSON.readTree(answer);
        } catch (ResourceAccessException e) {
            throw new ZgwUnavailable("Cannot reach " + url);
        } catch (JacksonException e) {
            throw new ZgwUnavailable("No JSON from " + url);
        } catch (RestClientException e) {
            throw new ZgwUnavailable("Cannot read the answer of " + url);
        }
    }

    private void headers(HttpHeaders headers, Connection connection, boolean zaak) {
        headers.setBearerAuth(token(connection));
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        if (zaak) {
            // The Zaken API asks for the coordinate system of geometries on every read of a zaak.
            headers.set("Accept-Crs", "EPSG:4326");
            headers.set("Content-Crs", "EPSG:4326");
        }
    }

    private static ZgwUnavailable failure(int status, String url) {
        return switch (status) {
            case 404 -> new ZgwUnavailable("Not found (404): " + url);
            case 401, 403 -> new ZgwUnavailable("Refused (" + status + "): check the client id and secret, and the "
                    + "rights the case system gave them");
            default -> new ZgwUnavailable("Answered " + status + ": " + url);
        };
    }

    private static void requireUnder(String url, String base, String what) {
        if (!Connection.isUnder(url, base)) {
            throw new ZgwUnavailable("The " + what + " " + url + " is not in the configured API " + base);
        }
    }

    private static String personName(JsonNode id) {
        String first = text(id, "voornamen");
        String prefix = text(id, "voorvoegselGeslachtsnaam");
        String last = text(id, "geslachtsnaam");
        String name = String.join(" ", java.util.stream.Stream.of(first, prefix, last)
                .filter(s -> s != null && !s.isBlank()).toList());
        return name.isBlank() ? null : name;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() || value.isContainer() ? null : value.asString();
    }

    private static boolean bool(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isBoolean() && value.booleanValue();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    record Zaak(String url, String identificatie, String omschrijving, String zaaktype, String status) {
    }

    record Status(String url, String zaak, String statustype, String toelichting) {
    }

    record StatusType(String url, String omschrijving, Integer volgnummer, boolean informeren, boolean eindstatus) {
    }

    record Initiator(String name, String email, String phone) {
    }

    /** The case system could not be reached or did not give what was asked: try again later. */
    static final class ZgwUnavailable extends RuntimeException {

        ZgwUnavailable(String message) {
            super(message);
        }
    }
}
