// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.zgw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import nl.stadskompas.cases.Actor;
import nl.stadskompas.cases.CaseKind;
import nl.stadskompas.cases.CaseTypeView;
import nl.stadskompas.cases.IntakeChannel;
import nl.stadskompas.cases.StatusDefinition;
import nl.stadskompas.platform.ValidationProblem;
import nl.stadskompas.zgw.IntakeJob.Processor;
import nl.stadskompas.zgw.ZgwClient.StatusType;
import nl.stadskompas.zgw.ZgwIntake.Notification;
import nl.stadskompas.zgw.ZgwSettings.StatustypeMapping;
import nl.stadskompas.zgw.ZgwSettings.ZaaktypeMapping;

import org.junit.jupiter.api.Test;

/**
 * The rules of the intake without the application around them: which callbacks are authorised,
 * what counts as a notification, when two notifications are the same, and which local status a
 * statustype means.
 */
class ZgwIntakeTests {

    static final String TOKEN = "t0ken-of-at-least-thirty-two-characters-long";
    static final Connection CONNECTION = new Connection(UUID.randomUUID(), "https://zaken.example.nl/api/v1",
            "https://catalogi.example.nl/api/v1", "https://notificaties.example.nl/api/v1", "sk", "s".repeat(32),
            TOKEN, null, null);

    @Test
    void onlyTheAgreedAuthorisationIsAccepted() {
        assertThat(ZgwIntake.authorised("Bearer " + TOKEN, TOKEN)).isTrue();
        assertThat(ZgwIntake.authorised("Token " + TOKEN, TOKEN)).isTrue();
        assertThat(ZgwIntake.authorised(TOKEN, TOKEN)).isTrue();
        assertThat(ZgwIntake.authorised("Bearer " + TOKEN + "x", TOKEN)).isFalse();
        assertThat(ZgwIntake.authorised("Bearer", TOKEN)).isFalse();
        assertThat(ZgwIntake.authorised(null, TOKEN)).isFalse();
        assertThat(ZgwIntake.authorised("Bearer " + TOKEN, null)).isFalse();
    }

    @Test
    void readsANotificationAsTheNotificatiesApiSendsIt() {
        Notification n = ZgwIntake.parse("""
                {"kanaal": "zaken", "hoofdObject": "https://zaken.example.nl/api/v1/zaken/1",
                 "resource": "status", "resourceUrl": "https://zaken.example.nl/api/v1/statussen/2",
                 "actie": "create", "aanmaakdatum": "2026-11-20T10:15:00Z", "kenmerken": {"zaaktype": "x"}}""",
                CONNECTION);
        assertThat(n.resource()).isEqualTo("status");
        assertThat(n.hoofdObject()).isEqualTo("https://zaken.example.nl/api/v1/zaken/1");
    }

    @Test
    void refusesWhatIsNotANotificationListingEveryProblem() {
        assertThatThrownBy(() -> ZgwIntake.parse("", CONNECTION)).isInstanceOf(ValidationProblem.class);
        assertThatThrownBy(() -> ZgwIntake.parse("\"zaken\"", CONNECTION)).isInstanceOf(ValidationProblem.class);
        assertThatThrownBy(() -> ZgwIntake.parse("{\"kanaal\": 3}", CONNECTION))
                .isInstanceOfSatisfying(ValidationProblem.class, p -> assertThat(p.problems())
                        .extracting(ValidationProblem.FieldProblem::field)
                        .containsExactlyInAnyOrder("kanaal", "hoofdObject", "resource", "resourceUrl", "actie",
                                "aanmaakdatum"));
    }

    @Test
    void aZaakOfAnotherSystemIsNotOurs() {
        assertThatThrownBy(() -> ZgwIntake.parse("""
                {"kanaal": "zaken", "hoofdObject": "https://zaken.example.nl/api/v1/../../elders/zaken/1",
                 "resource": "zaak", "resourceUrl": "https://zaken.example.nl/api/v1/zaken/1",
                 "actie": "create", "aanmaakdatum": "2026-11-20T10:15:00Z"}""", CONNECTION))
                .isInstanceOfSatisfying(ValidationProblem.class, p -> assertThat(p.problems())
                        .extracting(ValidationProblem.FieldProblem::code).containsExactly("zgw.callback.foreign"));
        assertThat(Connection.isUnder("https://zaken.example.nl/api/v1-evil/zaken/1", "https://zaken.example.nl/api/v1"))
                .isFalse();
    }

    @Test
    void theSameNotificationHasTheSameIdentityAndAnotherMomentAnother() {
        Notification one = new Notification("zaken", "z", "status", "s", "create", "2026-11-20T10:15:00Z");
        Notification same = new Notification("zaken", "z", "status", "s", "create", "2026-11-20T10:15:00Z");
        Notification later = new Notification("zaken", "z", "status", "s", "create", "2026-11-20T10:16:00Z");
        assertThat(ZgwIntake.identity(one)).isEqualTo(ZgwIntake.identity(same)).hasSize(64);
        assertThat(ZgwIntake.identity(later)).isNotEqualTo(ZgwIntake.identity(one));
    }

    @Test
    void aStatustypeMeansTheMappedStatusByUrlThenVolgnummerThenOmschrijvingThenName() {
        CaseTypeView type = new CaseTypeView(UUID.randomUUID(), "Klacht", "", CaseKind.COMPLAINT, null, null, 10, List.of(
                status("ONTVANGEN", "Ontvangen"), status("IN_BEHANDELING", "In behandeling"),
                status("AFGEROND", "Afgerond")));
        ZaaktypeMapping mapping = new ZaaktypeMapping(UUID.randomUUID(), "zt", type.id(), "Klacht", IntakeChannel.ONLINE,
                List.of(new StatustypeMapping(UUID.randomUUID(), "https://c/statustypen/9", "AFGEROND", "Afgerond"),
                        new StatustypeMapping(UUID.randomUUID(), "2", "IN_BEHANDELING", "In behandeling"),
                        new StatustypeMapping(UUID.randomUUID(), "besluit genomen", "AFGEROND", "Afgerond")));

        assertThat(code(mapping, type, new StatusType("https://c/statustypen/9", "Iets", 1, true, false)))
                .isEqualTo("AFGEROND");
        assertThat(code(mapping, type, new StatusType("https://c/statustypen/2", "Onderzoek", 2, true, false)))
                .isEqualTo("IN_BEHANDELING");
        assertThat(code(mapping, type, new StatusType("https://c/statustypen/3", "Besluit genomen", 3, true, true)))
                .isEqualTo("AFGEROND");
        assertThat(code(mapping, type, new StatusType("https://c/statustypen/1", "ontvangen", 1, true, false)))
                .isEqualTo("ONTVANGEN");
        assertThat(Processor.resolve(mapping, type, new StatusType("https://c/statustypen/4", "Onbekend", 4, false,
                false))).isEmpty();
    }

    private static String code(ZaaktypeMapping mapping, CaseTypeView type, StatusType statustype) {
        return Processor.resolve(mapping, type, statustype).orElseThrow().code();
    }

    private static StatusDefinition status(String code, String name) {
        return new StatusDefinition(code, name, name, name, null, null, Actor.MUNICIPALITY, true, false);
    }
}
