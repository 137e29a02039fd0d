// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.zgw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;

import nl.stadskompas.zgw.ZgwClient.ZgwUnavailable;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client against a stub case system that validates every request and response against the
 * published ZGW specifications: what it sends is what the standard asks, and what it reads is what
 * the standard gives.
 */
class ZgwClientTests {

    static final String SECRET = "a-secret-of-at-least-thirty-two-characters";

    ZgwStub stub;
    ZgwClient client;
    Connection connection;

    @BeforeEach
    void start() throws Exception {
        stub = new ZgwStub(SECRET);
        client = new ZgwClient(Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC));
        connection = new Connection(UUID.randomUUID(), stub.zakenUrl(), stub.catalogiUrl(), stub.notificatiesUrl(),
                "stadskompas-test", SECRET, "callback-token-of-at-least-thirty-two-chars", null, null);
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void readsTheZaakItsStatusStatustypeAndInitiator() {
        String zaaktype = stub.zaaktypeUrl();
        String zaak = stub.zaak("Klacht over afval", zaaktype);
        String statustype = stub.statustype(zaaktype, 2, "In behandeling", true, false);
        String status = stub.status(zaak, statustype, "We bellen u");
        stub.initiator(zaak, "Sanne", "de Vries", "sanne@example.org");

        ZgwClient.Zaak read = client.zaak(connection, zaak);
        assertThat(read.omschrijving()).isEqualTo("Klacht over afval");
        assertThat(read.zaaktype()).isEqualTo(zaaktype);
        assertThat(read.status()).isEqualTo(status);
        ZgwClient.Status readStatus = client.status(connection, status);
        assertThat(readStatus.statustype()).isEqualTo(statustype);
        ZgwClient.StatusType type = client.statustype(connection, statustype);
        assertThat(type.omschrijving()).isEqualTo("In behandeling");
        assertThat(type.volgnummer()).isEqualTo(2);
        assertThat(type.informeren()).isTrue();
        assertThat(type.eindstatus()).isFalse();
        assertThat(client.initiator(connection, zaak)).hasValueSatisfying(i -> {
            assertThat(i.name()).isEqualTo("Sanne de Vries");
            assertThat(i.email()).isEqualTo("sanne@example.org");
        });
        assertThat(stub.problems()).isEmpty();
    }

    @Test
    void registersAnAbonnementOnTheZakenKanaalAndReplacesItLater() {
        String url = client.registerAbonnement(connection, "https://stadskompas.example/api/zgw/callbacks/x",
                "Bearer callback-token", List.of(stub.zaaktypeUrl()));
        assertThat(url).startsWith(stub.notificatiesUrl() + "/abonnement/");
        ZgwStub.Received sent = stub.received().getLast();
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.body()).contains("\"naam\":\"zaken\"").contains("\"zaaktype\":\"" + stub.zaaktypeUrl() + "\"")
                .contains("\"auth\":\"Bearer callback-token\"");

        Connection registered = new Connection(connection.tenantId(), connection.zakenUrl(), connection.catalogiUrl(),
                connection.notificatiesUrl(), connection.clientId(), SECRET, connection.callbackToken(), url, null);
        assertThat(client.registerAbonnement(registered, "https://stadskompas.example/api/zgw/callbacks/x",
                "Bearer callback-token", List.of(stub.zaaktypeUrl()))).isEqualTo(url);
        assertThat(stub.received().getLast().method()).isEqualTo("PUT");
        assertThat(stub.problems()).isEmpty();
    }

    @Test
    void signsEveryCallWithTheZgwJwt() throws Exception {
        SignedJWT jwt = SignedJWT.parse(client.token(connection));
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("HS256");
        assertThat(jwt.verify(new MACVerifier(SECRET.getBytes(StandardCharsets.UTF_8)))).isTrue();
        var claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("stadskompas-test");
        assertThat(claims.getClaim("client_id")).isEqualTo("stadskompas-test");
        assertThat(claims.getClaim("user_id")).isEqualTo(ZgwClient.USER_ID);
        assertThat(claims.getClaim("user_representation")).isEqualTo(ZgwClient.USER_REPRESENTATION);
        assertThat(claims.getIssueTime()).isEqualTo(java.util.Date.from(Instant.parse("2026-11-20T10:00:00Z")));
    }

    @Test
    void aZaakThatIsNotThereIsReportedToTryAgain() {
        assertThatThrownBy(() -> client.zaak(connection, stub.zakenUrl() + "/zaken/" + UUID.randomUUID()))
                .isInstanceOf(ZgwUnavailable.class).hasMessageContaining("404");
        assertThat(stub.problems()).isEmpty();
    }

    @Test
    void neverCallsAnAddressOutsideTheConfiguredApis() {
        assertThatThrownBy(() -> client.zaak(connection, "http://127.0.0.1:1/zaken/api/v1/zaken/" + UUID.randomUUID()))
                .isInstanceOf(ZgwUnavailable.class).hasMessageContaining("not in the configured API");
        assertThatThrownBy(() -> client.statustype(connection, stub.zakenUrl() + "/statustypen/x"))
                .isInstanceOf(ZgwUnavailable.class);
        assertThat(stub.received()).isEmpty();
    }

    @Test
    void theStubCatchesARequestThatBreaksTheStandard() throws Exception {
        String zaak = stub.zaak("Klacht", stub.zaaktypeUrl());
        // No JWT and no Accept-Crs header: what a careless client would send.
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(zaak)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(stub.problems()).anySatisfy(p -> assertThat(p).contains("Accept-Crs"))
                .anySatisfy(p -> assertThat(p).contains("no bearer token"));
    }
}
