// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import nl.stadskompas.organisation.DirectorySearch.ServiceCard;
import nl.stadskompas.organisation.DirectorySearch.TeamCard;
import nl.stadskompas.organisation.WhoDoesWhat.Answer;
import nl.stadskompas.organisation.WhoDoesWhat.Match;
import nl.stadskompas.organisation.WhoDoesWhat.Result;

import org.junit.jupiter.api.Test;

/**
 * How the "who does what" directory matches a topic to teams.
 */
class DirectorySearchTests {

    private final ServiceCard passport = service("Paspoort aanvragen", "Kom langs aan de balie.",
            List.of("reisdocument"), Channel.DESK, Channel.ONLINE);
    private final ServiceCard move = service("Verhuizing doorgeven", null, List.of("nieuw adres"), Channel.ONLINE);
    private final ServiceCard woz = service("Bezwaar tegen de WOZ-waarde", null, List.of(), Channel.ONLINE,
            Channel.POST, Channel.PHONE);
    private final ServiceCard debtHelp = service("Hulp bij geldzorgen", "Een gratis gesprek.", List.of("schulden"),
            Channel.PHONE, Channel.WHATSAPP);

    private final TeamCard civilAffairs = team("Burgerzaken", "Publiekszaken",
            List.of("Maakt paspoorten en identiteitskaarten.", "Houdt de basisregistratie bij."), passport, move);
    private final TeamCard taxes = team("Belastingen", "Belastingen en financiën",
            List.of("Behandelt bezwaren tegen de aanslag."), woz);
    private final TeamCard money = team("Geldzaken en schulden", "Sociaal domein",
            List.of("Helpt inwoners die moeite hebben om rond te komen."), debtHelp);
    private final TeamCard contactCentre = team("Klantcontactcentrum", "Klantcontact",
            List.of("Beantwoordt vragen via telefoon en chat."));

    private final List<TeamCard> all = List.of(taxes, money, contactCentre, civilAffairs);

    @Test
    void anEmptySearchListsEveryTeamFromAToZWithAllTasks() {
        Answer answer = DirectorySearch.search(all, "   ");
        assertThat(answer.match()).isEqualTo(Match.EVERYTHING);
        assertThat(answer.results()).extracting(Result::team)
                .containsExactly("Belastingen", "Burgerzaken", "Geldzaken en schulden", "Klantcontactcentrum");
        assertThat(answer.results().get(1).coreTasks()).hasSize(2);
        assertThat(DirectorySearch.search(all, null).match()).isEqualTo(Match.EVERYTHING);
    }

    @Test
    void findsTheTeamThroughAServiceNameIgnoringCase() {
        Answer answer = DirectorySearch.search(all, "PASPOORT");
        assertThat(answer.match()).isEqualTo(Match.ALL_WORDS);
        assertThat(answer.results()).extracting(Result::team).containsExactly("Burgerzaken");
        Result result = answer.results().getFirst();
        assertThat(result.domain()).isEqualTo("Publiekszaken");
        assertThat(result.services()).extracting(WhoDoesWhat.ServiceResult::name).containsExactly("Paspoort aanvragen");
        assertThat(result.coreTasks()).containsExactly("Maakt paspoorten en identiteitskaarten.");
        assertThat(result.channels()).containsExactly(Channel.ONLINE, Channel.DESK);
    }

    @Test
    void findsThroughKeywordsAndDescriptions() {
        assertThat(DirectorySearch.search(all, "reisdocument").results()).extracting(Result::team)
                .containsExactly("Burgerzaken");
        assertThat(DirectorySearch.search(all, "nieuw adres").results().getFirst().services())
                .extracting(WhoDoesWhat.ServiceResult::name).containsExactly("Verhuizing doorgeven");
        assertThat(DirectorySearch.search(all, "gratis gesprek").results()).extracting(Result::team)
                .containsExactly("Geldzaken en schulden");
    }

    @Test
    void findsThroughACoreTaskAndShowsOnlyTheMatchingTask() {
        Result result = DirectorySearch.search(all, "basisregistratie").results().getFirst();
        assertThat(result.team()).isEqualTo("Burgerzaken");
        assertThat(result.coreTasks()).containsExactly("Houdt de basisregistratie bij.");
        assertThat(result.services()).isEmpty();
        // No service matched, so the channels are those of all the team's services.
        assertThat(result.channels()).containsExactly(Channel.ONLINE, Channel.DESK);
    }

    @Test
    void aTeamNameMatchShowsAllItsTasks() {
        Result result = DirectorySearch.search(all, "klantcontact").results().getFirst();
        assertThat(result.team()).isEqualTo("Klantcontactcentrum");
        assertThat(result.coreTasks()).containsExactly("Beantwoordt vragen via telefoon en chat.");
        assertThat(result.channels()).isEmpty();
    }

    @Test
    void ignoresAccentsAndFindsPartsOfCompoundWords() {
        assertThat(DirectorySearch.search(all, "financien").results()).isEmpty();
        assertThat(DirectorySearch.search(List.of(team("Financiën", null, List.of())), "financien").results())
                .hasSize(1);
        assertThat(DirectorySearch.search(all, "woz").results()).extracting(Result::team).containsExactly("Belastingen");
        assertThat(DirectorySearch.search(all, "identiteitskaart").results()).extracting(Result::team)
                .containsExactly("Burgerzaken");
    }

    @Test
    void smallWordsOfAQuestionAreLeftOut() {
        assertThat(DirectorySearch.words("Hoe vraag ik een paspoort aan?")).containsExactly("vraag", "paspoort");
        Answer answer = DirectorySearch.search(all, "Hoe vraag ik een paspoort aan?");
        assertThat(answer.match()).isEqualTo(Match.ALL_WORDS);
        assertThat(answer.results()).extracting(Result::team).containsExactly("Burgerzaken");
    }

    @Test
    void otherFormsOfAWordFindTheSameTeam() {
        assertThat(DirectorySearch.forms("betaal")).containsExactly("betaal", "betal");
        assertThat(DirectorySearch.forms("paspoorten")).containsExactly("paspoorten", "paspoort");
        assertThat(DirectorySearch.forms("straten")).containsExactly("straten", "strat", "straat");
        assertThat(DirectorySearch.forms("gas")).containsExactly("gas");
        assertThat(DirectorySearch.search(List.of(team("Openbare ruimte", null, List.of("Veegt de straat."))),
                "straten").results()).hasSize(1);
        assertThat(DirectorySearch.search(all, "paspoorten").results()).extracting(Result::team)
                .containsExactly("Burgerzaken");
        assertThat(DirectorySearch.search(all, "schuld").results()).extracting(Result::team)
                .containsExactly("Geldzaken en schulden");
        assertThat(DirectorySearch.search(all, "bezwaren").results()).extracting(Result::team)
                .containsExactly("Belastingen");
    }

    @Test
    void whenSomeTeamsMatchEveryWordOnlyThoseAreShown() {
        Answer answer = DirectorySearch.search(all, "bezwaar aanslag");
        assertThat(answer.match()).isEqualTo(Match.ALL_WORDS);
        assertThat(answer.results()).extracting(Result::team).containsExactly("Belastingen");
    }

    @Test
    void teamsMatchingMoreWordsComeFirstWhenNoneMatchesAll() {
        Answer answer = DirectorySearch.search(all, "schulden paspoort balie");
        assertThat(answer.match()).isEqualTo(Match.SOME_WORDS);
        assertThat(answer.results()).extracting(Result::team).containsExactly("Burgerzaken", "Geldzaken en schulden");
    }

    @Test
    void nothingFoundSaysSo() {
        Answer answer = DirectorySearch.search(all, "zwembad");
        assertThat(answer.match()).isEqualTo(Match.NONE);
        assertThat(answer.results()).isEmpty();
        assertThat(answer.query()).isEqualTo("zwembad");
    }

    private static ServiceCard service(String name, String description, List<String> keywords, Channel... channels) {
        return new ServiceCard(UUID.randomUUID(), name, description, keywords,
                java.util.Arrays.stream(channels).sorted().toList());
    }

    private static TeamCard team(String name, String domain, List<String> tasks, ServiceCard... services) {
        return new TeamCard(UUID.randomUUID(), name, null, domain == null ? null : UUID.randomUUID(), domain, tasks,
                List.of(services));
    }
}
