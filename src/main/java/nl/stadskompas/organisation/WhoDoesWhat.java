// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.organisation;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The "who does what" directory: employees type a topic in their own words and learn which team
 * does it, with the matching core task or service and the channels through which residents can get
 * it. It searches team names and descriptions, core tasks, service names, descriptions and keywords,
 * ignoring case and accents. An empty search lists every team from A to Z with its tasks.
 */
@Component
@Transactional(readOnly = true)
public class WhoDoesWhat {

    /** The longest search text that makes sense; longer input is a mistake. */
    public static final int MAX_QUERY_LENGTH = 200;

    private final OrganisationStructure structure;

    WhoDoesWhat(OrganisationStructure structure) {
        this.structure = structure;
    }

    /**
     * Searches the organisation's teams and services.
     *
     * @param query what the employee looks for; empty or {@code null} lists all teams
     */
    public Answer search(UUID tenantId, String query) {
        Map<UUID, String> domains = structure.domains(tenantId).stream()
                .collect(Collectors.toMap(Domain::id, Domain::name));
        Map<UUID, List<Service>> servicesByTeam = structure.services(tenantId).stream()
                .filter(s -> s.ownerTeamId() != null)
                .collect(Collectors.groupingBy(Service::ownerTeamId));
        List<DirectorySearch.TeamCard> cards = structure.teams(tenantId).stream()
                .map(t -> new DirectorySearch.TeamCard(t.id(), t.name(), t.description().orElse(null),
                        t.domainId().orElse(null), t.domainId().map(domains::get).orElse(null), t.coreTasks(),
                        servicesByTeam.getOrDefault(t.id(), List.of()).stream()
                                .map(s -> new DirectorySearch.ServiceCard(s.id(), s.name(),
                                        s.description().orElse(null), s.keywords(), s.channels()))
                                .toList()))
                .toList();
        return DirectorySearch.search(cards, query);
    }

    /**
     * What the directory found.
     *
     * @param query the search text as given, trimmed (empty for the A-Z list)
     * @param match how well the results fit the words
     * @param results the teams, best first (A-Z for an empty search)
     */
    public record Answer(String query, Match match, List<Result> results) {
    }

    /** How the results fit the search. */
    public enum Match {
        /** No search text: every team, A to Z. */
        EVERYTHING,
        /** Every result fits every word of the search. */
        ALL_WORDS,
        /** No team fits every word; these fit some of them, best first. */
        SOME_WORDS,
        /** Nothing fits. */
        NONE
    }

    /**
     * A team that does (part of) what was searched.
     *
     * @param coreTasks the matching core tasks; all tasks when the team itself matched or in the A-Z list
     * @param services the matching services; all services in the A-Z list
     * @param channels the channels of the services shown, or of all the team's services when none is shown
     */
    public record Result(UUID teamId, String team, UUID domainId, String domain, String teamDescription,
            List<String> coreTasks, List<ServiceResult> services, List<Channel> channels) {
    }

    /** A service in a result, with its channels. */
    public record ServiceResult(UUID id, String name, String description, List<Channel> channels) {

        static ServiceResult of(DirectorySearch.ServiceCard card) {
            return new ServiceResult(card.id(), card.name(), card.description(), card.channels());
        }
    }
}
