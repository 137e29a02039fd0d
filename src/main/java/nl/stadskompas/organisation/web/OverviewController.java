// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.organisation.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import nl.stadskompas.organisation.Domain;
import nl.stadskompas.organisation.Municipality;
import nl.stadskompas.organisation.OrganisationStructure;
import nl.stadskompas.organisation.Service;
import nl.stadskompas.organisation.Team;
import nl.stadskompas.platform.Permission;
import nl.stadskompas.platform.TenantContext;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The organisation at a glance: the municipalities it serves, its domains with their teams, and
 * its services with owner team, channels (click, call, face) and municipalities.
 */
@Controller
@PreAuthorize("hasAuthority('PERM_READ')")
class OverviewController {

    static final String PATH = "/organisation";

    private final OrganisationStructure structure;

    OverviewController(OrganisationStructure structure) {
        this.structure = structure;
    }

    @GetMapping(PATH)
    String overview(TenantContext tenant, Model model) {
        UUID tenantId = tenant.tenantId();
        List<Municipality> municipalities = structure.municipalities(tenantId);
        List<Team> teams = structure.teams(tenantId);
        Map<UUID, String> municipalityNames = municipalities.stream()
                .collect(Collectors.toMap(Municipality::id, Municipality::name));
        Map<UUID, String> teamNames = teams.stream().collect(Collectors.toMap(Team::id, Team::name));
        Map<UUID, List<TeamRow>> teamsByDomain = teams.stream().filter(t -> t.domainId().isPresent())
                .collect(Collectors.groupingBy(t -> t.domainId().get(),
                        Collectors.mapping(TeamRow::of, Collectors.toList())));
        List<DomainBlock> domains = structure.domains(tenantId).stream()
                .map(d -> DomainBlock.of(d, teamsByDomain.getOrDefault(d.id(), List.of())))
                .toList();
        List<TeamRow> withoutDomain = teams.stream().filter(t -> t.domainId().isEmpty()).map(TeamRow::of).toList();
        List<ServiceRow> services = structure.services(tenantId).stream()
                .map(s -> ServiceRow.of(s, teamNames::get, municipalityNames::get))
                .toList();
        model.addAttribute("municipalities", municipalities.stream().map(MunicipalityRow::of).toList());
        model.addAttribute("domains", domains);
        model.addAttribute("teamsWithoutDomain", withoutDomain);
        model.addAttribute("services", services);
        model.addAttribute("channelGroups", GroupedChannels.allGroups());
        model.addAttribute("canEdit", tenant.can(Permission.ORGANISATION_EDIT));
        return "organisation/overview";
    }

    record MunicipalityRow(UUID id, String name, String cbsCode) {

        static MunicipalityRow of(Municipality m) {
            return new MunicipalityRow(m.id(), m.name(), m.cbsCode().orElse(null));
        }
    }

    record DomainBlock(UUID id, String name, String description, List<TeamRow> teams) {

        static DomainBlock of(Domain d, List<TeamRow> teams) {
            return new DomainBlock(d.id(), d.name(), d.description().orElse(null), teams);
        }
    }

    record TeamRow(UUID id, String name, List<String> coreTasks) {

        static TeamRow of(Team t) {
            return new TeamRow(t.id(), t.name(), t.coreTasks());
        }
    }

    record ServiceRow(UUID id, String name, UUID ownerTeamId, String ownerTeam, GroupedChannels channels,
            List<String> municipalities) {

        static ServiceRow of(Service s, Function<UUID, String> teamName, Function<UUID, String> municipalityName) {
            return new ServiceRow(s.id(), s.name(), s.ownerTeamId(),
                    s.ownerTeamId() == null ? null : teamName.apply(s.ownerTeamId()),
                    GroupedChannels.of(s.channels()),
                    s.municipalityIds().stream().map(municipalityName).filter(n -> n != null)
                            .sorted(OrganisationStructure.byName(Function.identity())).toList());
        }
    }
}
