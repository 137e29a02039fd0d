// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.stadskompas.contacts.Appointment;
import nl.stadskompas.contacts.AppointmentBooked;
import nl.stadskompas.contacts.Appointments;
import nl.stadskompas.contacts.Appointments.Booking;
import nl.stadskompas.contacts.Appointments.Rescheduling;
import nl.stadskompas.contacts.ContactFixtures;
import nl.stadskompas.contacts.ContactPreferences;
import nl.stadskompas.support.TestData;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What queueing messages to one person leaves in the contacts tables: one person row however many
 * messages, one preferences link per message, one change link per appointment message (used in the text
 * and the template alike), and nothing new when a message is queued again or its event is handled twice.
 */
@SpringBootTest
class MessageLinkRowsIntegrationTests {

    private static final Pattern CHANGE_LINK = Pattern.compile("/afspraak/([A-Za-z0-9_-]{32})");
    private static final Pattern PREFERENCES_LINK = Pattern.compile("/voorkeuren/([A-Za-z0-9_-]{32})");

    @Autowired
    ApplicationContext context;

    @Autowired
    Messaging messaging;

    @Autowired
    Appointments appointments;

    @Autowired
    ContactPreferences preferences;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    UUID tenant;
    String email;

    @BeforeEach
    void setUp() {
        tenant = TestData.of(context).tenant().id();
        email = TestData.unique("noor") + "@example.org";
    }

    @Test
    void fiveMessagesToOnePersonMakeOnePersonAndOnePreferencesLinkEach() {
        for (int i = 0; i < 5; i++) {
            // The same address written differently is the same person.
            String address = i % 2 == 0 ? email : " " + email.toUpperCase(Locale.ROOT);
            queue("notice-" + i, address);
        }
        // Queued again (a retried request): no new person, link or message.
        queue("notice-0", email);
        queue("notice-4", email);

        assertThat(count("SELECT COUNT(*) FROM ct_person WHERE tenant_id = :t")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM ct_preference_token WHERE tenant_id = :t")).isEqualTo(5);
        assertThat(count("SELECT COUNT(*) FROM ntf_message WHERE tenant_id = :t")).isEqualTo(5);
        // Each message's own link opens the person's preferences.
        List<String> texts = texts();
        assertThat(texts).hasSize(5).allSatisfy(text -> {
            Matcher link = PREFERENCES_LINK.matcher(text);
            assertThat(link.find()).isTrue();
            assertThat(preferences.open(link.group(1))).isPresent();
        });
    }

    @Test
    void everyAppointmentMessageHasOneChangeLinkAndAReplayedEventMakesNone() {
        UUID service = ContactFixtures.of(context).passportService(tenant);
        LocalDate day = LocalDate.now(Appointment.ZONE).plusDays(10);
        Appointment booked = appointments.book(tenant, null, new Booking(email, "nl", service, "Stadhuis", day,
                LocalTime.of(10, 30)));
        // A confirmation and the reminder for the day before.
        await().atMost(Duration.ofSeconds(20)).until(() -> messages() == 2 && unhandledEvents(booked.id()) == 0);

        assertThat(count("SELECT COUNT(*) FROM ct_person WHERE tenant_id = :t")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM ct_appointment_token WHERE tenant_id = :t")).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM ct_preference_token WHERE tenant_id = :t")).isEqualTo(2);
        List<String> changeTokens = new ArrayList<>();
        for (String text : texts()) {
            Matcher link = CHANGE_LINK.matcher(text);
            assertThat(link.find()).isTrue();
            String token = link.group(1);
            changeTokens.add(token);
            assertThat(link.find()).as("one change link in the text").isFalse();
            assertThat(appointments.open(token)).map(Appointment::id).contains(booked.id());
        }
        assertThat(changeTokens).doesNotHaveDuplicates();

        // The booking event handled a second time (the event registry replays what it is not sure of).
        transactions.executeWithoutResult(status -> events.publishEvent(
                new AppointmentBooked(tenant, booked.id(), 1, booked.startsAt())));
        await().atMost(Duration.ofSeconds(20)).until(() -> unhandledEvents(booked.id()) == 0);
        assertThat(messages()).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM ct_appointment_token WHERE tenant_id = :t")).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM ct_preference_token WHERE tenant_id = :t")).isEqualTo(2);

        // A change: a confirmation of it and a reminder for the new time, one change link each.
        appointments.change(tenant, null, booked.id(), new Rescheduling(null, day.plusDays(1), LocalTime.of(9, 0)));
        await().atMost(Duration.ofSeconds(20)).until(() -> messages() == 4 && unhandledEvents(booked.id()) == 0);
        assertThat(count("SELECT COUNT(*) FROM ct_person WHERE tenant_id = :t")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM ct_appointment_token WHERE tenant_id = :t")).isEqualTo(4);
        assertThat(count("SELECT COUNT(*) FROM ct_preference_token WHERE tenant_id = :t")).isEqualTo(4);
    }

    private void queue(String key, String address) {
        transactions.executeWithoutResult(status -> messaging.queue(new OutgoingMessage(tenant, "test.message",
                Channel.EMAIL, address, Locale.of("nl"), "Bericht", "Beste inwoner,\n\nDit is een bericht.",
                java.time.Instant.now().plusSeconds(86_400), key)));
    }

    private int count(String sql) {
        return jdbc.sql(sql).param("t", tenant).query(Integer.class).single();
    }

    private int messages() {
        return count("SELECT COUNT(*) FROM ntf_message WHERE tenant_id = :t");
    }

    private List<String> texts() {
        return jdbc.sql("SELECT body_text FROM ntf_message WHERE tenant_id = :t").param("t", tenant)
                .query(String.class).list();
    }

    private int unhandledEvents(UUID appointmentId) {
        return jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL "
                        + "AND serialized_event LIKE :id")
                .param("id", "%" + appointmentId + "%").query(Integer.class).single();
    }
}
