// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import nl.stadskompas.platform.NotFoundException;
import nl.stadskompas.platform.ValidationProblem;
import nl.stadskompas.platform.ValidationProblem.FieldProblem;
import nl.stadskompas.support.TestData;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The rules for changing an organisation, against the database: unique names, removals that are
 * refused or that tidy up, and tenants that never see each other's items.
 */
@SpringBootTest
@RecordApplicationEvents
class OrganisationStructureIntegrationTests {

    @Autowired
    OrganisationStructure structure;

    @Autowired
    OrganisationCatalogue catalogue;

    @Autowired
    ApplicationContext context;

    @Autowired
    ApplicationEvents events;

    SampleOrganisation sample;

    @BeforeEach
    void setUp() {
        sample = SampleOrganisation.in(structure, TestData.of(context).tenant().id());
    }

    @Test
    void keepsTeamsWithTheirCoreTasksInOrderAndServicesWithTheirSets() {
        Team team = structure.team(sample.tenantId(), sample.civilAffairs().id());
        assertThat(team.coreTasks()).containsExactly("Maakt paspoorten en identiteitskaarten.",
                "Houdt de basisregistratie bij.");
        assertThat(team.domainId()).contains(sample.publicAffairs().id());
        Service passport = structure.service(sample.tenantId(), sample.passport().id());
        assertThat(passport.ownerTeamId()).isEqualTo(sample.civilAffairs().id());
        assertThat(passport.municipalityIds()).containsExactlyInAnyOrder(sample.north().id(), sample.south().id());
        assertThat(passport.channels()).containsExactly(Channel.ONLINE, Channel.DESK);
        assertThat(passport.keywords()).containsExactly("reisdocument");
        assertThat(structure.municipality(sample.tenantId(), sample.north().id()).cbsCode()).contains("GM0001");
    }

    @Test
    void namesAreUniqueWithinTheOrganisationIgnoringCase() {
        assertThatThrownBy(() -> structure.addTeam(sample.tenantId(),
                new TeamDetails("  burgerZAKEN ", null, null, List.of())))
                .isInstanceOfSatisfying(ValidationProblem.class, p -> assertThat(p.problems())
                        .extracting(FieldProblem::field, FieldProblem::code)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("name", "organisation.team.nameTaken")));
        // Another organisation may use the same name.
        UUID other = TestData.of(context).tenant().id();
        assertThat(structure.addTeam(other, new TeamDetails("Burgerzaken", null, null, List.of())).name())
                .isEqualTo("Burgerzaken");
        // A team may keep its own name when it changes.
        structure.changeTeam(sample.tenantId(), sample.civilAffairs().id(),
                new TeamDetails("Burgerzaken", sample.publicAffairs().id(), "Nieuw", List.of("Een taak")));
        assertThat(structure.team(sample.tenantId(), sample.civilAffairs().id()).coreTasks()).containsExactly("Een taak");
    }

    @Test
    void listsEveryProblemAtOnceAndChangesNothing() {
        Team before = structure.team(sample.tenantId(), sample.civilAffairs().id());
        String tooLong = "x".repeat(OrganisationStructure.CORE_TASK_LENGTH + 1);
        assertThatThrownBy(() -> structure.changeTeam(sample.tenantId(), before.id(),
                new TeamDetails(" ", UUID.randomUUID(), "d".repeat(2001), List.of("Goed", tooLong))))
                .isInstanceOfSatisfying(ValidationProblem.class, p -> assertThat(p.problems())
                        .extracting(FieldProblem::field)
                        .containsExactly("name", "domainId", "description", "coreTasks"));
        Team after = structure.team(sample.tenantId(), before.id());
        assertThat(after.name()).isEqualTo("Burgerzaken");
        assertThat(after.coreTasks()).isEqualTo(before.coreTasks());
    }

    @Test
    void aServiceNeedsAnOwnerTeamAndMunicipalitiesOfItsOwnOrganisation() {
        SampleOrganisation stranger = SampleOrganisation.in(structure, TestData.of(context).tenant().id());
        assertThatThrownBy(() -> structure.addService(sample.tenantId(), new ServiceDetails("Nieuw", null, null,
                Set.of(), Set.of(), List.of())))
                .isInstanceOfSatisfying(ValidationProblem.class, p -> assertThat(p.problems())
                        .extracting(FieldProblem::code).containsExactly("organisation.service.ownerTeamRequired"));
        assertThatThrownBy(() -> structure.addService(sample.tenantId(), new ServiceDetails("Nieuw", null,
                stranger.civilAffairs().id(), Set.of(stranger.north().id()), Set.of(), List.of())))
                .isInstanceOfSatisfying(ValidationProblem.class, p -> assertThat(p.problems())
                        .extracting(FieldProblem::field).containsExactly("ownerTeamId", "municipalityIds"));
        assertThat(catalogue.serviceNamed(sample.tenantId(), "Nieuw")).isEmpty();
    }

    @Test
    void keywordsAreSplitOnCommasWithoutDoublesOrEmptyOnes() {
        Service service = structure.changeService(sample.tenantId(), sample.passport().id(), new ServiceDetails(
                "Paspoort aanvragen", null, sample.civilAffairs().id(), Set.of(), Set.of(Channel.DESK),
                List.of("reisdocument, ID-bewijs,, ", "Reisdocument", "op reis")));
        assertThat(service.keywords()).containsExactly("reisdocument", "ID-bewijs", "op reis");
        assertThat(service.municipalityIds()).isEmpty();
    }

    @Test
    void aDomainWithTeamsCannotBeRemoved() {
        assertThatThrownBy(() -> structure.removeDomain(sample.tenantId(), sample.publicAffairs().id()))
                .isInstanceOfSatisfying(StillInUse.class, p -> assertThat(p.problems().getFirst().args())
                        .contains("Burgerzaken"));
        assertThat(structure.domains(sample.tenantId())).extracting(Domain::name).contains("Publiekszaken");
        Domain empty = structure.addDomain(sample.tenantId(), new DomainDetails("Leeg", null));
        structure.removeDomain(sample.tenantId(), empty.id());
        assertThat(structure.domains(sample.tenantId())).extracting(Domain::name).doesNotContain("Leeg");
    }

    @Test
    void aTeamThatOwnsServicesCannotBeRemovedUntilTheyMove() {
        assertThatThrownBy(() -> structure.removeTeam(sample.tenantId(), sample.money().id()))
                .isInstanceOfSatisfying(StillInUse.class, p -> assertThat(p.problems().getFirst().args())
                        .contains("Hulp bij geldzorgen"));
        structure.changeService(sample.tenantId(), sample.debtHelp().id(), new ServiceDetails("Hulp bij geldzorgen",
                null, sample.civilAffairs().id(), Set.of(), Set.of(), List.of()));
        structure.removeTeam(sample.tenantId(), sample.money().id());
        assertThat(catalogue.team(sample.tenantId(), sample.money().id())).isEmpty();
        assertThat(events.stream(TeamRemoved.class)).containsExactly(new TeamRemoved(sample.tenantId(), sample.money().id()));
    }

    @Test
    void removingAMunicipalityTakesItOffEveryService() {
        structure.removeMunicipality(sample.tenantId(), sample.north().id());
        assertThat(structure.service(sample.tenantId(), sample.passport().id()).municipalityIds())
                .containsExactly(sample.south().id());
        assertThat(structure.service(sample.tenantId(), sample.debtHelp().id()).municipalityIds()).isEmpty();
        assertThat(catalogue.municipalities(sample.tenantId()))
                .extracting(OrganisationCatalogue.MunicipalityReference::name).containsExactly("Gemeente Zuidwaard");
        assertThat(events.stream(MunicipalityRemoved.class)).hasSize(1);
    }

    @Test
    void anItemOfAnotherOrganisationIsNotFound() {
        UUID other = TestData.of(context).tenant().id();
        assertThatThrownBy(() -> structure.team(other, sample.civilAffairs().id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> structure.changeService(other, sample.passport().id(), new ServiceDetails("X", null,
                null, null, null, null))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> structure.removeMunicipality(other, sample.north().id()))
                .isInstanceOf(NotFoundException.class);
        assertThat(structure.teams(other)).isEmpty();
        assertThat(structure.municipality(sample.tenantId(), sample.north().id())).isNotNull();
    }

    @Test
    void theCatalogueShowsWhatTheStructureHolds() {
        assertThat(catalogue.teamNamed(sample.tenantId(), " geldzaken EN schulden "))
                .map(OrganisationCatalogue.TeamReference::id).contains(sample.money().id());
        assertThat(catalogue.serviceNamed(sample.tenantId(), "paspoort aanvragen"))
                .map(OrganisationCatalogue.ServiceReference::ownerTeamId).contains(sample.civilAffairs().id());
        assertThat(catalogue.services(sample.tenantId())).hasSize(2);
    }

    @Test
    void theDirectorySearchesTheTenantsOwnTeamsOnly() {
        SampleOrganisation.in(structure, TestData.of(context).tenant().id());
        WhoDoesWhat.Answer answer = context.getBean(WhoDoesWhat.class).search(sample.tenantId(), "schulden");
        assertThat(answer.results()).singleElement().satisfies(r -> {
            assertThat(r.teamId()).isEqualTo(sample.money().id());
            assertThat(r.domain()).isEqualTo("Sociaal domein");
            assertThat(r.services()).extracting(WhoDoesWhat.ServiceResult::name).containsExactly("Hulp bij geldzorgen");
            assertThat(r.channels()).containsExactly(Channel.PHONE, Channel.WHATSAPP);
        });
    }
}
