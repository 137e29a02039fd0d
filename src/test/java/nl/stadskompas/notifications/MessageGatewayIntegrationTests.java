// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import nl.stadskompas.cases.CaseFixtures;
import nl.stadskompas.cases.CaseHandling;
import nl.stadskompas.cases.CaseHandling.Registration;
import nl.stadskompas.cases.IntakeChannel;
import nl.stadskompas.contacts.ConsentKind;
import nl.stadskompas.contacts.ContactChannel;
import nl.stadskompas.contacts.ContactPreferences;
import nl.stadskompas.contacts.PreferencesChange;
import nl.stadskompas.platform.Role;
import nl.stadskompas.support.TestData;
import nl.stadskompas.support.TestData.User;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A resident who chose SMS or a letter gets the message through a Notify style gateway (a local stub
 * that checks every request: path, signed token, JSON; every test context is configured for it), a letter arrives there as a PDF with the
 * address on it, the gateway's delivery receipt marks the message delivered (only with the shared
 * secret), and a refusal by the gateway marks it failed. Help after a life event goes the same way, in the
 * resident's language, from the tenant's own text when it wrote one, and only with consent.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MessageGatewayIntegrationTests {

    static final String SERVICE_ID = "8b3aa916-ec82-434e-b0c5-d5d9b371d6a3";
    static final String KEY_SECRET = "dcdc3083-9e2e-4d7c-9a9e-a1d3e1b5b2f7";
    static final String SMS_TEMPLATE = "f33517ff-2a88-4f6e-b855-c550268ce08a";
    static final String CALLBACK_SECRET = "callback-secret-for-tests-0123456789";
    static final String REFUSED_PHONE = "+31600000000";
    static final HttpServer STUB;
    static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    static final JsonMapper JSON = JsonMapper.builder().build();

    static {
        try {
            // The port every test context's gateway address points at (see config/application.properties).
            int port = Integer.getInteger("test.gateway.port",
                    Integer.parseInt("1" + System.getProperty("test.smtp.port", "3025")));
            STUB = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        STUB.createContext("/v2/notifications/", MessageGatewayIntegrationTests::handle);
        STUB.start();
    }

    /** A request the stub accepted, after its checks. */
    record Received(String path, JsonNode body, String providerId) {
    }

    @AfterAll
    static void stopStub() {
        STUB.stop(0);
    }

    /** Checks a request as the Notify API would and answers 201 with an id, or 400 for the refused number. */
    static void handle(HttpExchange exchange) throws IOException {
        String problem = null;
        JsonNode body = null;
        try (InputStream in = exchange.getRequestBody()) {
            String path = exchange.getRequestURI().getPath();
            if (!"POST".equals(exchange.getRequestMethod())) {
                problem = "method";
            } else if (!"application/json".equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
                problem = "content type";
            } else if (!validToken(exchange.getRequestHeaders().getFirst("Authorization"))) {
                problem = "token";
            } else {
                body = JSON.readTree(in.readAllBytes());
                if (path.equals("/v2/notifications/sms")) {
                    if (!body.path("phone_number").isString() || !SMS_TEMPLATE.equals(body.path("template_id").asString())
                            || !body.path("personalisation").path("body").isString()
                            || !body.path("reference").isString()) {
                        problem = "sms fields";
                    } else if (REFUSED_PHONE.equals(body.path("phone_number").asString())) {
                        problem = "ValidationError: phone_number Not a UK mobile number";
                    }
                } else if (path.equals("/v2/notifications/letter")) {
                    if (!body.path("reference").isString() || !body.path("content").isString()) {
                        problem = "letter fields";
                    }
                } else {
                    problem = "path";
                }
            }
            if (problem != null) {
                respond(exchange, problem.equals("token") ? 403 : 400, "{\"errors\":[{\"message\":\"" + problem + "\"}]}");
                return;
            }
            String id = UUID.randomUUID().toString();
            RECEIVED.add(new Received(path, body, id));
            respond(exchange, 201, "{\"id\":\"" + id + "\",\"reference\":\"" + body.path("reference").asString() + "\"}");
        }
    }

    static boolean validToken(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        String[] parts = authorization.substring(7).split("\\.");
        if (parts.length != 3) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(KEY_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII)));
            JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            long age = System.currentTimeMillis() / 1000 - claims.path("iat").asLong();
            return expected.equals(parts[2]) && "HS256".equals(header.path("alg").asString())
                    && SERVICE_ID.equals(claims.path("iss").asString()) && Math.abs(age) < 30;
        } catch (Exception e) {
            return false;
        }
    }

    static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    CaseHandling handling;

    @Autowired
    ContactPreferences preferences;

    @Autowired
    ProactiveNotices proactive;

    @Autowired
    MessageTemplates templates;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    User employee;
    UUID caseType;

    @BeforeEach
    void setUp() {
        employee = TestData.of(context).userInNewTenant(Role.ADVISOR);
        CaseFixtures fixtures = CaseFixtures.of(context);
        caseType = fixtures.complaintType(employee.tenantId(), fixtures.team(employee.tenantId(), "Klantcontact"));
    }

    @Test
    void aResidentWhoChoseSmsGetsTheReceiptByTextAndItsDeliveryIsRecorded() throws Exception {
        String email = TestData.unique("joris") + "@example.org";
        preferences.record(employee.tenantId(), null, email,
                new PreferencesChange(ContactChannel.SMS, "nl", email, "+31612345678", null, Map.of()));
        var registered = handling.register(employee.tenantId(), employee.id(), new Registration(caseType,
                IntakeChannel.PHONE, null, "Afval niet opgehaald", "Joris", email, null, "nl"));

        Received sms = await().atMost(Duration.ofSeconds(20)).until(() -> received(registered.reference()), Optional::isPresent)
                .orElseThrow();
        assertThat(sms.path()).isEqualTo("/v2/notifications/sms");
        assertThat(sms.body().path("phone_number").asString()).isEqualTo("+31612345678");
        assertThat(sms.body().path("personalisation").path("body").asString())
                .contains("we hebben uw aanvraag " + registered.reference() + " ontvangen")
                .containsPattern("http://localhost:8080/volgen/[A-Za-z0-9_-]+")
                .contains("U bepaalt hoe wij u helpen");
        UUID messageId = UUID.fromString(sms.body().path("reference").asString());
        await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(statusOf(messageId)));
        assertThat(jdbc.sql("SELECT channel FROM ntf_message WHERE id = :id").param("id", messageId)
                .query(String.class).single()).isEqualTo("SMS");

        String receipt = "{\"id\":\"" + sms.providerId() + "\",\"reference\":\"" + messageId
                + "\",\"to\":\"+31612345678\",\"status\":\"delivered\",\"completed_at\":\"2026-11-24T10:00:00Z\","
                + "\"notification_type\":\"sms\"}";
        mvc.perform(post("/api/notifications/delivery-receipts").header("Authorization", "Bearer wrong")
                        .contentType(MediaType.APPLICATION_JSON).content(receipt))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/notifications/delivery-receipts").contentType(MediaType.APPLICATION_JSON).content(receipt))
                .andExpect(status().isUnauthorized());
        assertThat(statusOf(messageId)).isEqualTo("SENT");
        mvc.perform(post("/api/notifications/delivery-receipts").header("Authorization", "Bearer " + CALLBACK_SECRET)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"id\":\"x\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/notifications/delivery-receipts").header("Authorization", "Bearer " + CALLBACK_SECRET)
                        .contentType(MediaType.APPLICATION_JSON).content(receipt))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DELIVERED"));
        assertThat(statusOf(messageId)).isEqualTo("DELIVERED");
    }

    @Test
    void aResidentWhoChoseLettersGetsAPdfWithTheirAddressThroughTheGateway() throws Exception {
        String email = TestData.unique("aylin") + "@example.org";
        preferences.record(employee.tenantId(), null, email, new PreferencesChange(ContactChannel.LETTER, "en", email,
                null, "Aylin Kaya\nDorpsstraat 12\n1234 AB Voorbeeld", Map.of()));
        var registered = handling.register(employee.tenantId(), employee.id(), new Registration(caseType,
                IntakeChannel.DESK, null, "Broken street light", "Aylin", email, null, "en"));

        Received letter = await().atMost(Duration.ofSeconds(30)).until(() -> RECEIVED.stream()
                .filter(r -> r.path().endsWith("/letter") && pdfText(r).contains(registered.reference())).findFirst(),
                Optional::isPresent).orElseThrow();
        byte[] pdf = Base64.getDecoder().decode(letter.body().path("content").asString());
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(pdfText(letter)).contains("Aylin Kaya").contains("Dorpsstraat 12").contains("1234 AB Voorbeeld")
                .contains("We have received your request (" + registered.reference() + ")")
                .contains("Broken street light");
    }

    @Test
    void aMessageTheGatewayRefusesIsMarkedFailedWithoutRetrying() {
        String email = TestData.unique("pim") + "@example.org";
        preferences.record(employee.tenantId(), null, email,
                new PreferencesChange(ContactChannel.SMS, "nl", email, REFUSED_PHONE, null, Map.of()));
        handling.register(employee.tenantId(), employee.id(), new Registration(caseType, IntakeChannel.PHONE, null,
                "Boom omgewaaid", "Pim", email, null, "nl"));

        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT status FROM ntf_message "
                        + "WHERE tenant_id = :t AND recipient = :r").param("t", employee.tenantId()).param("r", REFUSED_PHONE)
                .query(String.class).optional(), s -> s.equals(Optional.of("FAILED")));
        assertThat(jdbc.sql("SELECT attempts FROM ntf_message WHERE tenant_id = :t AND recipient = :r")
                .param("t", employee.tenantId()).param("r", REFUSED_PHONE).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void helpAfterALifeEventGoesByTextToAResidentWhoChoseSmsAndAgreed() {
        String email = TestData.unique("sanne") + "@example.org";
        String phone = phone();
        proactive.setLinks(employee.tenantId(), ProactiveNotices.LifeEvent.MOVED, List.of(
                new ProactiveNotices.Link("Afval en containers", "Waste and bins", "https://example.org/afval"),
                new ProactiveNotices.Link("Parkeervergunning", null, "https://example.org/parkeren")));
        preferences.record(employee.tenantId(), null, email, new PreferencesChange(ContactChannel.SMS, "nl", email,
                phone, null, Map.of(ConsentKind.LIFE_EVENT, true)));

        UUID id = proactive.lifeEvent(employee.tenantId(), email, ProactiveNotices.LifeEvent.MOVED,
                LocalDate.of(2026, 11, 1));

        Received sms = await().atMost(Duration.ofSeconds(20)).until(() -> sentTo(phone), Optional::isPresent).orElseThrow();
        assertThat(sms.path()).isEqualTo("/v2/notifications/sms");
        assertThat(sms.body().path("reference").asString()).isEqualTo(id.toString());
        assertThat(sms.body().path("personalisation").path("body").asString())
                .contains("U bent verhuisd")
                .contains("- Afval en containers: https://example.org/afval")
                .contains("- Parkeervergunning: https://example.org/parkeren")
                .contains("U bepaalt hoe wij u helpen")
                .containsPattern("http://localhost:8080/voorkeuren/[A-Za-z0-9_-]{32}");
        await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(statusOf(id)));
        assertThat(jdbc.sql("SELECT channel FROM ntf_message WHERE id = :id").param("id", id).query(String.class)
                .single()).isEqualTo("SMS");
    }

    @Test
    void helpAfterALifeEventComesAsAnEnglishLetterToAResidentWhoChoseLetters() {
        String email = TestData.unique("tom") + "@example.org";
        proactive.setLinks(employee.tenantId(), ProactiveNotices.LifeEvent.BIRTH, List.of(
                new ProactiveNotices.Link("Kinderopvangtoeslag", "Childcare allowance", "https://example.org/opvang")));
        preferences.record(employee.tenantId(), null, email, new PreferencesChange(ContactChannel.LETTER, "en", email,
                null, "Tom Bakker\nKerkstraat 3\n4321 CD Voorbeeld", Map.of(ConsentKind.LIFE_EVENT, true)));

        UUID id = proactive.lifeEvent(employee.tenantId(), email, ProactiveNotices.LifeEvent.BIRTH,
                LocalDate.of(2026, 11, 2));

        Received letter = await().atMost(Duration.ofSeconds(30)).until(() -> RECEIVED.stream()
                .filter(r -> r.path().endsWith("/letter") && id.toString().equals(r.body().path("reference").asString()))
                .findFirst(), Optional::isPresent).orElseThrow();
        assertThat(pdfText(letter)).contains("Tom Bakker").contains("Kerkstraat 3")
                .contains("Congratulations on your baby")
                .contains("Congratulations on the birth of your child")
                .contains("- Childcare allowance: https://example.org/opvang")
                .contains("You decide how we help you");
        await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(statusOf(id)));
    }

    @Test
    void helpAfterALifeEventUsesTheTenantsOwnSmsTextAndIsWithheldWithoutConsent() {
        templates.save(employee.tenantId(), employee.id(), TemplateKind.LIFE_EVENT, Channel.SMS, "nl", null,
                "{organisation} helpt u na uw verhuizing:\n{links}");
        String agreed = TestData.unique("lotte") + "@example.org";
        String agreedPhone = phone();
        preferences.record(employee.tenantId(), null, agreed, new PreferencesChange(ContactChannel.SMS, "nl", agreed,
                agreedPhone, null, Map.of(ConsentKind.LIFE_EVENT, true)));
        String refused = TestData.unique("bram") + "@example.org";
        String refusedPhone = phone();
        preferences.record(employee.tenantId(), null, refused, new PreferencesChange(ContactChannel.SMS, "nl", refused,
                refusedPhone, null, Map.of(ConsentKind.LIFE_EVENT, false)));

        proactive.lifeEvent(employee.tenantId(), agreed, ProactiveNotices.LifeEvent.MOVED, LocalDate.of(2026, 11, 3));
        UUID withheld = proactive.lifeEvent(employee.tenantId(), refused, ProactiveNotices.LifeEvent.MOVED,
                LocalDate.of(2026, 11, 3));

        Received sms = await().atMost(Duration.ofSeconds(20)).until(() -> sentTo(agreedPhone), Optional::isPresent)
                .orElseThrow();
        assertThat(sms.body().path("personalisation").path("body").asString())
                .contains("helpt u na uw verhuizing:")
                .contains("Kijk op onze website of neem contact met ons op.")
                .contains("U bepaalt hoe wij u helpen");
        assertThat(statusOf(withheld)).isEqualTo("WITHHELD");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> sentTo(refusedPhone).isEmpty());
    }

    private Optional<Received> sentTo(String phone) {
        return RECEIVED.stream().filter(r -> phone.equals(r.body().path("phone_number").asString(""))).findFirst();
    }

    private static String phone() {
        return "+3161" + String.format("%07d", java.util.concurrent.ThreadLocalRandom.current().nextInt(10_000_000));
    }

    private Optional<Received> received(String reference) {
        return RECEIVED.stream().filter(r -> r.body().path("personalisation").path("body").asString("").contains(reference))
                .findFirst();
    }

    private String statusOf(UUID messageId) {
        return jdbc.sql("SELECT status FROM ntf_message WHERE id = :id").param("id", messageId).query(String.class).single();
    }

    private static String pdfText(Received received) {
        try (PDDocument document = Loader.loadPDF(Base64.getDecoder().decode(received.body().path("content").asString()))) {
            return new PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
