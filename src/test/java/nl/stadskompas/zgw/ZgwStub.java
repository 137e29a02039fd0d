// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.zgw;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for a municipality's case system: the Zaken, Catalogi and Notificaties APIs on one
 * local port. Every request it receives and every response it gives is validated against the
 * published OpenAPI specification of its API (copied under {@code fixtures/zgw}), and every request
 * must carry a ZGW JWT signed with the agreed secret; whatever breaks the standard is collected in
 * {@link #problems()}, which a test asserts to be empty. The JSON it serves is built by
 * {@link #zaak}, {@link #status}, {@link #statustype} and {@link #initiator}, and is itself valid.
 */
final class ZgwStub implements AutoCloseable {

    static final String ZAKEN = "/zaken/api/v1";
    static final String CATALOGI = "/catalogi/api/v1";
    static final String NOTIFICATIES = "/notificaties/api/v1";

    /** Makes every notification's moment, and with it its identity, different. */
    private static final java.util.concurrent.atomic.AtomicLong SEQUENCE = new java.util.concurrent.atomic.AtomicLong(
            System.nanoTime());
    private static final Map<String, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();

    private final HttpServer server;
    private final String secret;
    private final Map<String, String> resources = new ConcurrentHashMap<>();
    private final Map<String, String> hidden = new ConcurrentHashMap<>();
    private final Map<String, List<String>> rollen = new ConcurrentHashMap<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    ZgwStub(String secret) throws IOException {
        this.secret = secret;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String zakenUrl() {
        return base() + ZAKEN;
    }

    String catalogiUrl() {
        return base() + CATALOGI;
    }

    String notificatiesUrl() {
        return base() + NOTIFICATIES;
    }

    /** Every way in which a request or a response broke the specification or the JWT. */
    List<String> problems() {
        return Collections.unmodifiableList(problems);
    }

    /** The requests received, in order. */
    List<Received> received() {
        return List.copyOf(received);
    }

    // --- resources -----------------------------------------------------------------------------

    String zaaktypeUrl() {
        return catalogiUrl() + "/zaaktypen/" + UUID.nameUUIDFromBytes("zaaktype".getBytes());
    }

    /** Publishes a zaak (without status yet) and returns its URL. */
    String zaak(String omschrijving, String zaaktype) {
        String uuid = UUID.randomUUID().toString();
        String url = zakenUrl() + "/zaken/" + uuid;
        resources.put(path(url), zaakJson(url, uuid, omschrijving, zaaktype, null));
        return url;
    }

    /** Makes the resource answer 404 until {@link #show(String)}, as a zaak the case system has not published yet. */
    void hide(String url) {
        hidden.put(path(url), resources.remove(path(url)));
    }

    void show(String url) {
        resources.put(path(url), hidden.remove(path(url)));
    }

    /** Gives the zaak a new status of the statustype and returns the status's URL. */
    String status(String zaakUrl, String statustypeUrl, String toelichting) {
        String uuid = UUID.randomUUID().toString();
        String url = zakenUrl() + "/statussen/" + uuid;
        resources.put(path(url), """
                {"url": "%s", "uuid": "%s", "zaak": "%s", "statustype": "%s", "datumStatusGezet": "2026-11-20T10:15:00Z",
                 "statustoelichting": "%s", "indicatieLaatstGezetteStatus": true,
                 "zaakinformatieobjecten": []}""".formatted(url, uuid, zaakUrl, statustypeUrl, toelichting));
        String zaak = resources.get(path(zaakUrl));
        String zaakUuid = zaakUrl.substring(zaakUrl.lastIndexOf('/') + 1);
        String omschrijving = zaak.replaceAll("(?s).*\"omschrijving\": \"([^\"]*)\".*", "$1");
        String zaaktype = zaak.replaceAll("(?s).*\"zaaktype\": \"([^\"]*)\".*", "$1");
        resources.put(path(zaakUrl), zaakJson(zaakUrl, zaakUuid, omschrijving, zaaktype, url));
        return url;
    }

    /** Publishes a statustype of the zaaktype and returns its URL. */
    String statustype(String zaaktype, int volgnummer, String omschrijving, boolean informeren, boolean eind) {
        String uuid = UUID.randomUUID().toString();
        String url = catalogiUrl() + "/statustypen/" + uuid;
        resources.put(path(url), """
                {"url": "%s", "omschrijving": "%s", "omschrijvingGeneriek": "", "statustekst": "",
                 "zaaktype": "%s", "catalogus": "%s/catalogussen/%s", "zaaktypeIdentificatie": "KLACHT",
                 "volgnummer": %d, "isEindstatus": %s, "informeren": %s, "checklistitemStatustype": [],
                 "eigenschappen": [], "zaakobjecttype": "%s/zaakobjecttypen/%s"}"""
                .formatted(url, omschrijving, zaaktype, catalogiUrl(), UUID.nameUUIDFromBytes("catalogus".getBytes()),
                        volgnummer, eind, informeren, catalogiUrl(), UUID.nameUUIDFromBytes("object".getBytes())));
        return url;
    }

    /** Gives the zaak an initiator, a resident with an e-mail address. */
    void initiator(String zaakUrl, String voornaam, String achternaam, String email) {
        String uuid = UUID.randomUUID().toString();
        rollen.computeIfAbsent(zaakUrl, z -> new CopyOnWriteArrayList<>()).add("""
                {"url": "%s/rollen/%s", "uuid": "%s", "zaak": "%s", "betrokkeneType": "natuurlijk_persoon",
                 "afwijkendeNaamBetrokkene": "", "roltype": "%s/roltypen/%s", "omschrijving": "Initiator",
                 "omschrijvingGeneriek": "initiator", "roltoelichting": "Indiener", "registratiedatum": "2026-11-20T09:00:00Z",
                 "indicatieMachtiging": "", "statussen": [],
                 "contactpersoonRol": {"emailadres": "%s", "functie": "", "telefoonnummer": "", "naam": "%s %s"},
                 "betrokkeneIdentificatie": {"inpBsn": "", "anpIdentificatie": "", "inpA_nummer": "",
                   "geslachtsnaam": "%s", "voorvoegselGeslachtsnaam": "", "voorletters": "%s", "voornamen": "%s",
                   "geslachtsaanduiding": "v", "geboortedatum": ""}}"""
                .formatted(zakenUrl(), uuid, uuid, zaakUrl, catalogiUrl(), UUID.randomUUID(), email, voornaam,
                        achternaam, achternaam, voornaam.substring(0, 1), voornaam));
    }

    private static String zaakJson(String url, String uuid, String omschrijving, String zaaktype, String status) {
        return """
                {"url": "%s", "uuid": "%s", "identificatie": "ZAAK-%s", "bronorganisatie": "002220647",
                 "omschrijving": "%s", "toelichting": "", "zaaktype": "%s", "registratiedatum": "2026-11-20",
                 "verantwoordelijkeOrganisatie": "002220647", "startdatum": "2026-11-20", "einddatum": null,
                 "vertrouwelijkheidaanduiding": "openbaar", "betalingsindicatieWeergave": "",
                 "deelzaken": [], "relevanteAndereZaken": [], "eigenschappen": [], "rollen": [], "status": %s,
                 "zaakinformatieobjecten": [], "zaakobjecten": [], "kenmerken": [], "resultaat": null}"""
                .formatted(url, uuid, uuid.substring(0, 8), omschrijving, zaaktype,
                        status == null ? "null" : "\"" + status + "\"");
    }

    /**
     * A notification as the Notificaties API sends it to an abonnee, checked against the API's
     * {@code Message} schema (what it publishes is what it delivers).
     */
    String notification(String resource, String resourceUrl, String zaakUrl, String actie) {
        String body = """
                {"kanaal": "zaken", "hoofdObject": "%s", "resource": "%s", "resourceUrl": "%s", "actie": "%s",
                 "aanmaakdatum": "2026-11-20T10:15:%02d.%06dZ", "kenmerken": {"bronorganisatie": "002220647",
                 "zaaktype": "%s", "vertrouwelijkheidaanduiding": "openbaar"}}"""
                .formatted(zaakUrl, resource, resourceUrl, actie, (int) (SEQUENCE.get() % 60),
                        (int) (SEQUENCE.incrementAndGet() % 1_000_000), zaaktypeUrl());
        ValidationReport report = validator(NOTIFICATIES).validateRequest(SimpleRequest.Builder
                .post(NOTIFICATIES + "/notificaties").withContentType("application/json")
                .withAuthorization("Bearer test").withBody(body).build());
        record("notification", report);
        return body;
    }

    // --- serving ---------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String api = path.startsWith(ZAKEN) ? ZAKEN : path.startsWith(CATALOGI) ? CATALOGI
                    : path.startsWith(NOTIFICATIES) ? NOTIFICATIES : null;
            received.add(new Received(method, path, query, body));
            if (api == null) {
                respond(exchange, 404, "{}", null, null);
                return;
            }
            SimpleRequest.Builder request = new SimpleRequest.Builder(method, path);
            exchange.getRequestHeaders().forEach((name, values) -> request.withHeader(name, values));
            Map<String, List<String>> params = query(query);
            params.forEach(request::withQueryParam);
            if (!body.isEmpty()) {
                request.withBody(body);
            }
            Request built = request.build();
            record(method + " " + path + " (request)", validator(api).validateRequest(built));
            checkJwt(exchange.getRequestHeaders().getFirst("Authorization"), method + " " + path);

            int status = 200;
            String answer;
            if ("GET".equals(method) && path.equals(ZAKEN + "/rollen")) {
                List<String> found = rollen.getOrDefault(first(params, "zaak"), List.of()).stream()
                        .filter(r -> first(params, "omschrijvingGeneriek") == null
                                || r.contains("\"omschrijvingGeneriek\": \"" + first(params, "omschrijvingGeneriek") + "\""))
                        .toList();
                answer = "{\"count\": " + found.size() + ", \"next\": null, \"previous\": null, \"results\": ["
                        + String.join(",", found) + "]}";
            } else if ("GET".equals(method) && resources.containsKey(path)) {
                answer = resources.get(path);
            } else if (("POST".equals(method) && path.equals(NOTIFICATIES + "/abonnement"))
                    || ("PUT".equals(method) && resources.containsKey(path) && path.startsWith(NOTIFICATIES + "/abonnement/"))) {
                String url = "POST".equals(method) ? base() + NOTIFICATIES + "/abonnement/" + UUID.randomUUID()
                        : base() + path;
                answer = body.replaceFirst("\\{", "{\"url\": \"" + url + "\", ");
                resources.put(path(url), answer);
                status = "POST".equals(method) ? 201 : 200;
            } else {
                status = 404;
                answer = """
                        {"type": "https://example.org/ref/fouten/NotFound/", "code": "not_found",
                         "title": "Niet gevonden.", "status": 404, "detail": "Niet gevonden.",
                         "instance": "urn:uuid:%s"}""".formatted(UUID.randomUUID());
            }
            String contentType = status == 404 ? "application/problem+json" : "application/json";
            String crs = path.startsWith(ZAKEN + "/zaken/") && status == 200 ? "EPSG:4326" : null;
            SimpleResponse.Builder response = SimpleResponse.Builder.status(status).withContentType(contentType)
                    .withHeader("API-version", "1.0.0").withBody(answer);
            if (crs != null) {
                response.withHeader("Content-Crs", crs);
            }
            record(method + " " + path + " (response " + status + ")", validator(api)
                    .validateResponse(path, built.getMethod(), response.build()));
            respond(exchange, status, answer, contentType, crs);
        } catch (RuntimeException e) {
            problems.add("stub failed: " + e);
        }
    }

    private void checkJwt(String authorization, String what) {
        try {
            if (authorization == null || !authorization.startsWith("Bearer ")) {
                problems.add(what + ": no bearer token");
                return;
            }
            SignedJWT jwt = SignedJWT.parse(authorization.substring(7));
            if (!jwt.verify(new MACVerifier(secret.getBytes(StandardCharsets.UTF_8)))) {
                problems.add(what + ": JWT signature does not verify");
            }
            var claims = jwt.getJWTClaimsSet();
            for (String claim : List.of("iss", "iat", "client_id", "user_id", "user_representation")) {
                if (claims.getClaim(claim) == null) {
                    problems.add(what + ": JWT lacks " + claim);
                }
            }
            if (!"HS256".equals(jwt.getHeader().getAlgorithm().getName())) {
                problems.add(what + ": JWT not HS256");
            }
        } catch (Exception e) {
            problems.add(what + ": JWT unreadable: " + e.getMessage());
        }
    }

    private void record(String what, ValidationReport report) {
        report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .forEach(m -> problems.add(what + ": " + m.getKey() + " " + m.getMessage()));
    }

    private static void respond(HttpExchange exchange, int status, String body, String contentType, String crs)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (contentType != null) {
            exchange.getResponseHeaders().add("Content-Type", contentType);
        }
        exchange.getResponseHeaders().add("API-version", "1.0.0");
        if (crs != null) {
            exchange.getResponseHeaders().add("Content-Crs", crs);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> params = new java.util.LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return params;
    }

    private static String first(Map<String, List<String>> params, String key) {
        List<String> values = params.get(key);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private String path(String url) {
        return url.substring(base().length());
    }

    static OpenApiInteractionValidator validator(String api) {
        return VALIDATORS.computeIfAbsent(api, a -> OpenApiInteractionValidator
                .createForSpecificationUrl("fixtures/zgw/" + switch (a) {
                    case ZAKEN -> "zaken-api-1.5.1.openapi.yaml";
                    case CATALOGI -> "catalogi-api-1.3.1.openapi.yaml";
                    default -> "notificaties-api-1.0.0.openapi.yaml";
                })
                .withBasePathOverride(a)
                .build());
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** A request as the stub received it. */
    record Received(String method, String path, String query, String body) {
    }
}
