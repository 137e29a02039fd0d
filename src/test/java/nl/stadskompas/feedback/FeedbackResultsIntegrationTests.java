// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import nl.stadskompas.feedback.Results.Group;
import nl.stadskompas.platform.Role;
import nl.stadskompas.platform.TenantContext;
import nl.stadskompas.support.TestData;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * Results from stored responses: per question and per week, broken down by context and by a
 * demographic question, with small groups suppressed together with their complement.
 */
@SpringBootTest
class FeedbackResultsIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    ResponseCollection collection;

    @Autowired
    FeedbackResults results;

    TenantContext tenant;
    Questionnaire questionnaire;
    PublicQuestionnaire target;

    @BeforeEach
    void setUp() {
        var advisor = TestData.of(context).userInNewTenant(Role.ADVISOR);
        tenant = FeedbackFixtures.as(advisor, Role.ADVISOR);
        questionnaire = new FeedbackFixtures(context).publishedQuestionnaire(tenant);
        target = collection.open(questionnaire.publicId()).orElseThrow();
    }

    private void respond(int count, String s1, String channel, String age, LocalDate day) {
        for (int i = 0; i < count; i++) {
            var raw = new java.util.LinkedHashMap<String, List<String>>();
            raw.put("S1", List.of(s1));
            if (age != null) {
                raw.put("AGE", List.of(age));
            }
            collection.storeGiven(target, collection.read(target.layout(), raw),
                    new ResponseContext(null, channel, null, null), day, Via.LINK);
        }
    }

    @Test
    void showsCountsAndStatisticsWhenGroupsAreLargeEnough() {
        LocalDate monday = LocalDate.of(2026, 3, 2);
        respond(6, "5", "DESK", "25-39", monday);
        respond(6, "2", "PHONE", "40-54", monday.plusWeeks(1));

        Results r = results.results(tenant.tenantId(), questionnaire.id(), null, "channel", "S1", Locale.of("nl"));

        assertThat(r.total()).isEqualTo(12);
        assertThat(r.totalSuppressed()).isFalse();
        assertThat(r.weeks()).extracting(Results.WeekCount::count).containsExactly(6L, 6L);
        QuestionStatistics s1 = r.questions().getFirst();
        assertThat(s1.n()).isEqualTo(12);
        assertThat(s1.sharePositive()).isEqualTo(50.0);
        assertThat(s1.mean()).isEqualTo(3.5);
        assertThat(r.breakdown().groups()).extracting(Group::label).containsExactly("Balie", "Telefoon");
        assertThat(r.breakdown().groups()).extracting(Group::sharePositive).containsExactly(100.0, 0.0);
    }

    @Test
    void aSmallGroupIsSuppressedTogetherWithTheNextSmallestSoTheTotalDoesNotRevealIt() {
        LocalDate day = LocalDate.of(2026, 3, 4);
        respond(20, "4", "DESK", "25-39", day);
        respond(8, "3", "PHONE", "40-54", day);
        respond(2, "1", "EMAIL", "70plus", day);

        Results byChannel = results.results(tenant.tenantId(), questionnaire.id(), null, "channel", "S1", Locale.of("nl"));
        Results byAge = results.results(tenant.tenantId(), questionnaire.id(), null, "AGE", "S1", Locale.of("nl"));

        Map<String, Group> channels = new java.util.HashMap<>();
        byChannel.breakdown().groups().forEach(g -> channels.put(g.value(), g));
        assertThat(channels.get("DESK").n()).isEqualTo(20);
        assertThat(channels.get("EMAIL").suppressed()).isTrue();
        assertThat(channels.get("PHONE").suppressed()).as("complementary suppression").isTrue();
        assertThat(channels.get("PHONE").mean()).isNull();
        assertThat(byAge.breakdown().groups()).filteredOn(Group::suppressed).hasSize(2);
    }

    @Test
    void fewerResponsesThanTheMinimumShowNothingAtAll() {
        respond(4, "5", "DESK", null, LocalDate.of(2026, 3, 4));

        Results r = results.results(tenant.tenantId(), questionnaire.id(), null, "channel", null, Locale.of("nl"));

        assertThat(r.totalSuppressed()).isTrue();
        assertThat(r.questions()).isEmpty();
        assertThat(r.weeks()).isEmpty();
        assertThat(r.breakdown()).isNull();
    }

    @Test
    void aVersionFilterIsRefusedWhenTheOtherVersionsTogetherAreTooSmall() {
        respond(10, "4", "DESK", null, LocalDate.of(2026, 3, 4));
        UUID first = questionnaire.publishedId();
        var editing = context.getBean(QuestionnaireEditing.class);
        editing.newVersion(tenant, questionnaire.id());
        editing.publish(tenant, questionnaire.id());
        target = collection.open(questionnaire.publicId()).orElseThrow();
        respond(3, "1", "DESK", null, LocalDate.of(2026, 3, 5));

        Results r = results.results(tenant.tenantId(), questionnaire.id(), first, null, null, Locale.of("nl"));

        assertThat(r.versionRefused()).isTrue();
        assertThat(r.version()).isNull();
        assertThat(r.total()).isEqualTo(13);
    }

    @Test
    void weeksBelowTheMinimumAreSuppressedWithTheirComplement() {
        LocalDate monday = LocalDate.of(2026, 3, 2);
        respond(9, "4", "DESK", null, monday);
        respond(2, "4", "DESK", null, monday.plusWeeks(1));
        respond(7, "4", "DESK", null, monday.plusWeeks(2));

        Results r = results.results(tenant.tenantId(), questionnaire.id(), null, null, null, Locale.of("nl"));

        assertThat(r.weeks()).extracting(Results.WeekCount::count).containsExactly(9L, null, null);
    }
}
