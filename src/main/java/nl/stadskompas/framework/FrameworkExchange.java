// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.framework;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import nl.stadskompas.organisation.OrganisationCatalogue;
import nl.stadskompas.platform.TenantContext;
import nl.stadskompas.platform.ValidationProblem;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Export of a framework version as a file, and import of such a file as a new draft. An import
 * changes nothing unless the whole file is valid.
 */
@Service
public class FrameworkExchange {

    private final FrameworkEditing editing;
    private final OrganisationCatalogue catalogue;

    FrameworkExchange(FrameworkEditing editing, OrganisationCatalogue catalogue) {
        this.editing = editing;
        this.catalogue = catalogue;
    }

    /** An export file ready to download. */
    public record ExportedFile(String fileName, String mediaType, byte[] content) {
    }

    /**
     * What an import did.
     *
     * @param draft the created draft, or null when nothing was imported
     * @param problems why nothing was imported; empty when the draft was created
     * @param warnings points of attention in an imported draft, such as norms whose team does not
     *        exist in this organisation yet
     */
    public record ImportOutcome(FrameworkVersion draft, List<ImportProblem> problems, List<ImportProblem> warnings) {

        public boolean imported() {
            return draft != null;
        }
    }

    @Transactional(readOnly = true)
    public ExportedFile export(UUID tenantId, UUID versionId, FrameworkFile.Format format) {
        FrameworkVersion version = editing.version(tenantId, versionId);
        byte[] bytes = FrameworkFile.write(version.content(), version.label(), format,
                norm -> editing.scopeName(tenantId, norm));
        String label = version.label() == null ? "concept" : version.label();
        String fileName = "dienstverleningskader-" + label.toLowerCase(Locale.ROOT) + "." + format.extension();
        return new ExportedFile(fileName, format.mediaType(), bytes);
    }

    /**
     * Imports a file as a new draft. Team and service names are looked up in this organisation; a
     * norm whose team or service is not found keeps the name, without a link, and gets a warning.
     */
    @Transactional
    public ImportOutcome importFile(TenantContext tenant, byte[] file) {
        FrameworkFile.Reading reading = FrameworkFile.read(file);
        List<ImportProblem> problems = new ArrayList<>(reading.problems());
        if (editing.findDraft(tenant.tenantId()).isPresent()) {
            problems.addFirst(new ImportProblem("", 0, "framework.import.draftExists"));
        }
        if (!problems.isEmpty()) {
            return new ImportOutcome(null, problems, List.of());
        }
        List<ImportProblem> warnings = new ArrayList<>();
        List<Norm> norms = new ArrayList<>();
        List<Norm> read = reading.content().norms();
        for (int i = 0; i < read.size(); i++) {
            Norm norm = read.get(i);
            Norm linked = link(tenant.tenantId(), norm);
            if (linked.unlinked()) {
                boolean team = norm.scope() == NormScope.TEAM;
                warnings.add(new ImportProblem("norms[" + i + "]." + (team ? "team" : "service"),
                        reading.normLines().get(i), team ? "framework.import.teamNotFound"
                                : "framework.import.serviceNotFound", norm.code(), norm.scopeName()));
            }
            norms.add(linked);
        }
        FrameworkContent c = reading.content();
        FrameworkContent content = new FrameworkContent(c.name(), c.description(), c.coreValues(), c.promises(),
                c.statements(), c.aspects(), norms);
        try {
            FrameworkVersion draft = editing.createDraft(tenant.tenantId(), tenant.userId(), content, null);
            return new ImportOutcome(draft, List.of(), warnings);
        } catch (ValidationProblem problem) {
            // Someone started a draft at the same moment.
            return new ImportOutcome(null, List.of(new ImportProblem("", 0, "framework.import.draftExists")), List.of());
        }
    }

    private Norm link(UUID tenantId, Norm norm) {
        Optional<UUID> id = switch (norm.scope()) {
            case TEAM -> catalogue.teamNamed(tenantId, norm.scopeName()).map(OrganisationCatalogue.TeamReference::id);
            case SERVICE -> catalogue.serviceNamed(tenantId, norm.scopeName())
                    .map(OrganisationCatalogue.ServiceReference::id);
            case ORGANISATION -> Optional.empty();
        };
        if (id.isEmpty()) {
            return norm;
        }
        String name = norm.scope() == NormScope.TEAM
                ? catalogue.team(tenantId, id.get()).map(OrganisationCatalogue.TeamReference::name).orElse(norm.scopeName())
                : catalogue.service(tenantId, id.get()).map(OrganisationCatalogue.ServiceReference::name)
                        .orElse(norm.scopeName());
        return new Norm(norm.code(), norm.name(), norm.measure(), norm.threshold(), norm.unit(), norm.targetPercent(),
                norm.scope(), id.get(), name);
    }
}
