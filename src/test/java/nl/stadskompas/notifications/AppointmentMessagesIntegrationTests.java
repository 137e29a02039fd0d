// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;

import jakarta.mail.internet.MimeMessage;

import nl.stadskompas.contacts.Appointment;
import nl.stadskompas.contacts.Appointments;
import nl.stadskompas.contacts.Appointments.Booking;
import nl.stadskompas.contacts.Appointments.Preparation;
import nl.stadskompas.contacts.Appointments.Rescheduling;
import nl.stadskompas.contacts.ContactFixtures;
import nl.stadskompas.support.TestData;
import nl.stadskompas.support.TestSmtp;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A booked appointment is confirmed with what to bring and a link to change it; one reminder waits
 * for the day before; a change cancels the old reminder and queues one for the new time; the
 * resident moves or cancels it from the link. The reminder is made due in the test, not waited for.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AppointmentMessagesIntegrationTests {

    private static final Pattern CHANGE_LINK = Pattern.compile("http://localhost:8080(/afspraak/[A-Za-z0-9_-]{32})");

    @Autowired
    ApplicationContext context;

    @Autowired
    Appointments appointments;

    @Autowired
    SchedulerClient scheduler;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    GreenMail smtp;
    UUID tenant;
    UUID service;
    String email;

    @BeforeEach
    void start() {
        smtp = new GreenMail(TestSmtp.setup());
        smtp.start();
        tenant = TestData.of(context).tenant().id();
        service = ContactFixtures.of(context).passportService(tenant);
        email = TestData.unique("ayla") + "@example.org";
        appointments.prepare(tenant, new Preparation(service, "Uw oude paspoort\nEen pasfoto van minder dan 6 maanden oud",
                "Your old passport\nA photo less than 6 months old"));
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    @Test
    void aBookingIsConfirmedWithWhatToBringAndOneReminderWaitsForTheDayBefore() {
        LocalDate day = LocalDate.now(Appointment.ZONE).plusDays(10);
        Appointment booked = appointments.book(tenant, null, new Booking(email, "nl", service, "Stadhuis, Markt 1",
                day, LocalTime.of(10, 30)));

        String body = body(awaitMail(1).get(0));
        assertThat(subject(mailFor(email).get(0))).startsWith("Uw afspraak op ");
        assertThat(body).contains("Paspoort aanvragen").contains("10:30 uur").contains("Stadhuis, Markt 1")
                .contains("Neem dit mee:").contains("Uw oude paspoort").contains("Een pasfoto")
                .contains("Verzet of zeg de afspraak af via deze link");
        assertThat(CHANGE_LINK.matcher(body).find()).isTrue();

        await().atMost(Duration.ofSeconds(20)).until(() -> reminders(booked.id()).size() == 1);
        Reminder reminder = reminders(booked.id()).get(0);
        assertThat(reminder.status()).isEqualTo("QUEUED");
        assertThat(reminder.due()).isEqualTo(day.minusDays(1).atTime(10, 0).atZone(Appointment.ZONE).toInstant());
    }

    @Test
    void aChangedAppointmentGetsOneReminderAtTheNewTimeAndNoneAtTheOld() {
        LocalDate first = LocalDate.now(Appointment.ZONE).plusDays(10);
        Appointment booked = appointments.book(tenant, null, new Booking(email, "en", service, "City hall",
                first, LocalTime.of(9, 0)));
        await().atMost(Duration.ofSeconds(20)).until(() -> reminders(booked.id()).size() == 1);

        LocalDate second = first.plusDays(2);
        appointments.change(tenant, null, booked.id(), new Rescheduling(null, second, LocalTime.of(14, 0)));
        await().atMost(Duration.ofSeconds(20)).until(() -> reminders(booked.id()).size() == 2);
        List<Reminder> reminders = reminders(booked.id());
        assertThat(reminders).extracting(Reminder::status).containsExactly("CANCELLED", "QUEUED");
        assertThat(reminders.get(1).due())
                .isEqualTo(second.minusDays(1).atTime(10, 0).atZone(Appointment.ZONE).toInstant());

        // Make both due now: only the reminder for the new time is sent.
        reminders.forEach(r -> jdbc.sql("UPDATE ntf_message SET due_at = :now WHERE id = :id")
                .param("now", Timestamp.from(Instant.now())).param("id", r.id()).update());
        await().atMost(Duration.ofSeconds(20)).until(() -> subjects().contains("You have an appointment tomorrow at 14:00"));
        await().atMost(Duration.ofSeconds(20)).until(() -> mailFor(email).size() == 3);
        assertThat(subjects()).filteredOn(s -> s.startsWith("You have an appointment tomorrow")).hasSize(1);
        assertThat(subjects()).anyMatch(s -> s.startsWith("Your appointment has moved to"));
        String reminder = mailFor(email).stream().filter(m -> subject(m).startsWith("You have an appointment tomorrow"))
                .map(AppointmentMessagesIntegrationTests::body).findFirst().orElseThrow();
        assertThat(reminder).contains("Please bring:").contains("Your old passport").contains("City hall");
    }

    @Test
    void theResidentMovesAndCancelsTheAppointmentFromTheLink() throws Exception {
        LocalDate day = LocalDate.now(Appointment.ZONE).plusDays(7);
        Appointment booked = appointments.book(tenant, null, new Booking(email, "nl", service, "Stadhuis",
                day, LocalTime.of(11, 0)));
        Matcher link = CHANGE_LINK.matcher(body(awaitMail(1).get(0)));
        assertThat(link.find()).isTrue();
        String page = link.group(1);

        mvc.perform(get(page)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Uw afspraak")))
                .andExpect(content().string(Matchers.containsString("Een pasfoto van minder dan 6 maanden oud")))
                .andExpect(content().string(Matchers.containsString("Contact met een medewerker")));
        mvc.perform(post(page).with(csrf()).param("date", "gisteren").param("time", "11:00"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Vul de datum zo in")));
        mvc.perform(post(page).with(csrf()).param("date", day.plusDays(1).toString()).param("time", "15:30"))
                .andExpect(redirectedUrl(page + "?verzet"));
        Appointment moved = appointments.lockForMessages(tenant, booked.id()).orElseThrow();
        assertThat(moved.date()).isEqualTo(day.plusDays(1));
        assertThat(moved.time()).isEqualTo(LocalTime.of(15, 30));

        mvc.perform(post(page + "/afzeggen").with(csrf())).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Uw afspraak is afgezegd")));
        await().atMost(Duration.ofSeconds(20)).until(() -> subjects().stream().anyMatch(s -> s.contains("gaat niet door")));
        // Whatever order the three events were handled in, no reminder is left waiting.
        await().atMost(Duration.ofSeconds(20)).until(() -> unhandledEvents(booked.id()) == 0);
        assertThat(reminders(booked.id())).isNotEmpty().allMatch(r -> r.status().equals("CANCELLED"));
        mvc.perform(get(page)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Uw afspraak is afgezegd")));
    }

    private int unhandledEvents(UUID appointmentId) {
        return jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL "
                        + "AND serialized_event LIKE :id")
                .param("id", "%" + appointmentId + "%").query(Integer.class).single();
    }

    private List<Reminder> reminders(UUID appointmentId) {
        return jdbc.sql("SELECT id, status, due_at FROM ntf_message WHERE tenant_id = :t AND dedup_key LIKE :k "
                        + "ORDER BY dedup_key")
                .param("t", tenant).param("k", "appointment-" + appointmentId + "-reminder-%")
                .query((rs, n) -> new Reminder(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getTimestamp(3).toInstant()))
                .list();
    }

    private List<MimeMessage> awaitMail(int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> mailFor(email).size() >= count);
        return mailFor(email);
    }

    private List<String> subjects() {
        return mailFor(email).stream().map(AppointmentMessagesIntegrationTests::subject).toList();
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<MimeMessage> mailFor(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(address);
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }

    private static String body(MimeMessage message) {
        return GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "=");
    }

    private record Reminder(UUID id, String status, Instant due) {
    }
}
