// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.organisation.api;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import nl.stadskompas.organisation.Channel;
import nl.stadskompas.organisation.ChannelGroup;
import nl.stadskompas.organisation.Domain;
import nl.stadskompas.organisation.DomainDetails;
import nl.stadskompas.organisation.Municipality;
import nl.stadskompas.organisation.MunicipalityDetails;
import nl.stadskompas.organisation.Service;
import nl.stadskompas.organisation.ServiceDetails;
import nl.stadskompas.organisation.Team;
import nl.stadskompas.organisation.TeamDetails;
import nl.stadskompas.organisation.WhoDoesWhat;

/**
 * The JSON documents of the organisation API. They are separate from the aggregates, so that the
 * API stays stable when the model inside changes.
 */
final class OrganisationJson {

    private OrganisationJson() {
    }

    @Schema(name = "OrganisationMunicipalityInput", description = "A municipality to create or to replace.")
    record MunicipalityInput(
            @Schema(description = "Unique within the organisation, ignoring case.", example = "Gemeente Oeverdam")
            @NotBlank @Size(max = 200) String name,
            @Schema(description = "Code of Statistics Netherlands; 4 digits, with or without GM.", example = "GM0363")
            @Size(max = 10) String cbsCode) {

        MunicipalityDetails details() {
            return new MunicipalityDetails(name, cbsCode);
        }
    }

    @Schema(name = "OrganisationMunicipality", description = "A municipality the organisation works for.")
    record MunicipalityData(UUID id, String name, @Schema(example = "GM0363") String cbsCode) {

        static MunicipalityData of(Municipality m) {
            return new MunicipalityData(m.id(), m.name(), m.cbsCode().orElse(null));
        }
    }

    @Schema(name = "OrganisationDomainInput", description = "A domain to create or to replace.")
    record DomainInput(
            @Schema(example = "Sociaal domein") @NotBlank @Size(max = 200) String name,
            @Size(max = 2000) String description) {

        DomainDetails details() {
            return new DomainDetails(name, description);
        }
    }

    @Schema(name = "OrganisationDomain", description = "A group of teams, with the teams in it.")
    record DomainData(UUID id, String name, String description, List<Link> teams) {

        static DomainData of(Domain d, List<Team> teams) {
            return new DomainData(d.id(), d.name(), d.description().orElse(null),
                    teams.stream().map(t -> new Link(t.id(), t.name())).toList());
        }
    }

    @Schema(name = "OrganisationTeamInput", description = "A team to create or to replace.")
    record TeamInput(
            @Schema(example = "Burgerzaken") @NotBlank @Size(max = 200) String name,
            @Schema(description = "The domain of the team; leave out for none.") UUID domainId,
            @Size(max = 2000) String description,
            @Schema(description = "What the team is there for, one sentence each; at most 20 of at most 500 characters."
                    + " Empty entries and doubles are left out.")
            List<String> coreTasks) {

        TeamDetails details() {
            return new TeamDetails(name, domainId, description, coreTasks);
        }
    }

    @Schema(name = "OrganisationTeam", description = "A team with its core tasks and the services it owns.")
    record TeamData(UUID id, String name, UUID domainId, String description, List<String> coreTasks,
            List<Link> services) {

        static TeamData of(Team t, List<Service> owned) {
            return new TeamData(t.id(), t.name(), t.domainId().orElse(null), t.description().orElse(null),
                    t.coreTasks(), owned.stream().map(s -> new Link(s.id(), s.name())).toList());
        }
    }

    @Schema(name = "OrganisationServiceInput", description = "A service to create or to replace.")
    record ServiceInput(
            @Schema(example = "Paspoort aanvragen") @NotBlank @Size(max = 200) String name,
            @Size(max = 2000) String description,
            @Schema(description = "The team that owns the service; a team of the same organisation.")
            @NotNull UUID ownerTeamId,
            @Schema(description = "Municipalities of the same organisation where the service is offered.")
            Set<UUID> municipalityIds,
            @Schema(description = "Channels through which the service is offered.") Set<Channel> channels,
            @Schema(description = "Words people use when they look for the service; at most 60 characters each.",
                    example = "[\"reisdocument\", \"ID-bewijs\"]")
            List<String> keywords) {

        ServiceDetails details() {
            return new ServiceDetails(name, description, ownerTeamId, municipalityIds, channels, keywords);
        }
    }

    @Schema(name = "OrganisationService", description = "A service with its owner team, municipalities, channels and"
            + " keywords.")
    record ServiceData(UUID id, String name, String description, UUID ownerTeamId, List<UUID> municipalityIds,
            List<Channel> channels, List<String> keywords) {

        static ServiceData of(Service s) {
            return new ServiceData(s.id(), s.name(), s.description().orElse(null), s.ownerTeamId(),
                    s.municipalityIds().stream().sorted(Comparator.naturalOrder()).toList(), s.channels(),
                    s.keywords());
        }
    }

    @Schema(name = "OrganisationLink", description = "A reference to a team or service: its id and name.")
    record Link(UUID id, String name) {
    }

    @Schema(name = "OrganisationChannel", description = "A channel and the group it belongs to: click, call or face.")
    record ChannelData(Channel channel, ChannelGroup group) {
    }

    @Schema(name = "OrganisationDirectoryAnswer", description = "What the who-does-what directory found.")
    record DirectoryData(
            @Schema(description = "The search text, trimmed; empty for the A-Z list.") String query,
            @Schema(description = "EVERYTHING: no search text, all teams A-Z. ALL_WORDS: every result matches every"
                    + " word. SOME_WORDS: no team matches every word; these match some, best first. NONE: nothing "
                            + "found.")
            WhoDoesWhat.Match match,
            List<DirectoryResult> results) {

        static DirectoryData of(WhoDoesWhat.Answer answer) {
            return new DirectoryData(answer.query(), answer.match(), answer.results().stream()
                    .map(r -> new DirectoryResult(r.teamId(), r.team(), r.domainId(), r.domain(), r.coreTasks(),
                            r.services().stream()
                                    .map(s -> new DirectoryService(s.id(), s.name(), s.channels())).toList(),
                            r.channels()))
                    .toList());
        }
    }

    @Schema(name = "OrganisationDirectoryResult", description = "A team that does (part of) what was searched.")
    record DirectoryResult(UUID teamId, String team, UUID domainId, String domain,
            @Schema(description = "The matching core tasks; all of them when the team itself matched, or in the A-Z "
                    + "list.")
            List<String> coreTasks,
            @Schema(description = "The matching services; all of them in the A-Z list.")
            List<DirectoryService> services,
            @Schema(description = "The channels of the services shown, or of all the team's services when none is "
                    + "shown.")
            List<Channel> channels) {
    }

    @Schema(name = "OrganisationDirectoryService", description = "A service in a directory result.")
    record DirectoryService(UUID id, String name, List<Channel> channels) {
    }

    /** How errors look; for the documentation only (the platform writes them). */
    @Schema(name = "Problem", description = "An RFC 9457 problem document. For invalid input, 'errors' lists every"
            + " field.")
    record Problem(@Schema(example = "about:blank") String type,
            @Schema(example = "Niet alle gegevens zijn goed ingevuld") String title,
            @Schema(example = "400") int status,
            String detail,
            @Schema(example = "/api/v1/organisation/teams") String instance,
            List<FieldError> errors) {
    }

    @Schema(name = "ProblemFieldError", description = "One problem in the input.")
    record FieldError(@Schema(example = "name") String field, @Schema(example = "Vul dit veld in.") String message) {
    }
}
