// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.insights.api;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import nl.stadskompas.insights.Kpis;
import nl.stadskompas.insights.Kpis.Filter;
import nl.stadskompas.insights.Kpis.Kpi;
import nl.stadskompas.insights.Kpis.KpiFigures;
import nl.stadskompas.insights.Kpis.KpiInput;
import nl.stadskompas.insights.Kpis.Reference;
import nl.stadskompas.insights.Kpis.ReferenceInput;
import nl.stadskompas.insights.Kpis.Target;
import nl.stadskompas.insights.Kpis.TargetInput;
import nl.stadskompas.insights.spi.KpiSource.Dimension;
import nl.stadskompas.insights.spi.KpiSource.Measure;
import nl.stadskompas.platform.TenantContext;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The KPI catalogue over REST: the measures the modules offer, the KPIs with their targets and
 * reference values, and the figures per period with the change from the previous period and its
 * test. Reading needs READ; changing the catalogue needs SURVEYS_EDIT.
 */
@RestController
@RequestMapping("/api/v1/insights/kpis")
@PreAuthorize("hasAuthority('PERM_READ')")
@Tag(name = "Insights: KPIs", description = "KPI catalogue, targets, reference values and figures per period")
@ApiResponse(responseCode = "401", description = "Not signed in")
@ApiResponse(responseCode = "403", description = "The role does not allow this")
class KpiApiController {

    private final Kpis kpis;

    KpiApiController(Kpis kpis) {
        this.kpis = kpis;
    }

    /** A KPI with its targets and reference values. */
    record KpiEntry(Kpi kpi, List<Target> targets, List<Reference> references) {
    }

    @GetMapping
    @Operation(summary = "The KPIs of the organisation with their targets and reference values")
    List<KpiEntry> list(TenantContext tenant) {
        return kpis.kpis(tenant.tenantId()).stream().map(k -> new KpiEntry(k, kpis.targets(tenant.tenantId(), k.id()),
                kpis.references(tenant.tenantId(), k.id()))).toList();
    }

    @GetMapping("/measures")
    @Operation(summary = "The measures the modules offer (survey statements and aspects, cases)")
    List<Measure> measures(TenantContext tenant) {
        return kpis.measures(tenant.tenantId());
    }

    @PostMapping
    @PreAuthorize("hasAuthority('PERM_SURVEYS_EDIT')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Adds a KPI that follows a measure; its figures are rolled up at once")
    @ApiResponse(responseCode = "400", description = "Unknown measure, already in the catalogue, or name too long")
    Kpi add(TenantContext tenant, @RequestBody KpiInput input) {
        return kpis.addKpi(tenant, input);
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('PERM_SURVEYS_EDIT')")
    @Operation(summary = "Renames a KPI")
    Kpi rename(TenantContext tenant, @PathVariable UUID id, @RequestBody KpiInput input) {
        return kpis.renameKpi(tenant, id, input);
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasAuthority('PERM_SURVEYS_EDIT')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Removes a KPI with its targets and reference values")
    void remove(TenantContext tenant, @PathVariable UUID id) {
        kpis.removeKpi(tenant, id);
    }

    @PostMapping("/{id}/targets")
    @PreAuthorize("hasAuthority('PERM_SURVEYS_EDIT')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Adds a target with a deadline (shares in percent)")
    Target addTarget(TenantContext tenant, @PathVariable UUID id, @RequestBody TargetInput input) {
        return kpis.addTarget(tenant, id, input);
    }

    @DeleteMapping("/{id}/targets/{targetId}")
    @PreAuthorize("hasAuthority('PERM_SURVEYS_EDIT')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeTarget(TenantContext tenant, @PathVariable UUID id, @PathVariable UUID targetId) {
        kpis.removeTarget(tenant, id, targetId);
    }

    @PostMapping("/{id}/references")
    @PreAuthorize("hasAuthority('PERM_SURVEYS_EDIT')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Adds a reference value from elsewhere: label, value (shares in percent) and source")
    Reference addReference(TenantContext tenant, @PathVariable UUID id, @RequestBody ReferenceInput input) {
        return kpis.addReference(tenant, id, input);
    }

    @DeleteMapping("/{id}/references/{referenceId}")
    @PreAuthorize("hasAuthority('PERM_SURVEYS_EDIT')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeReference(TenantContext tenant, @PathVariable UUID id, @PathVariable UUID referenceId) {
        kpis.removeReference(tenant, id, referenceId);
    }

    @PostMapping("/refresh")
    @PreAuthorize("hasAuthority('PERM_SURVEYS_EDIT')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Refreshes the monthly roll-ups of every KPI from the sources (also done nightly)")
    void refresh(TenantContext tenant) {
        kpis.refresh(tenant.tenantId());
    }

    @GetMapping("/figures")
    @Operation(summary = "Every KPI in a period, with the previous period, the change and its test",
            description = "Values are means (scores, days), shares between 0 and 1, or counts. A figure resting on "
                    + "fewer observations than the minimum group size is suppressed (value null, n 0). The change is "
                    + "tested with Welch's two-sample t-test, two-sided, significant below 0.05; counts and stocks "
                    + "(backlog, open cases) are not tested. In a breakdown, when exactly one group is suppressed the "
                    + "next smallest is suppressed too. Soft KPIs are the residents' figures; 'employees' holds the "
                    + "employees' figure of the same statement. With a journey only figures about the journey's "
                    + "services, through the channels of its steps and of the teams that own its steps, count. With a "
                    + "segment only survey answers of respondents who chose that option in the segment question count; "
                    + "cases have no segment, so hard KPIs have no figures then.")
    @ApiResponse(responseCode = "400",
            description = "The period is not written as 2026, 2026-Q1 or 2026-03, or the journey or segment is unknown")
    List<KpiFigures> figures(TenantContext tenant,
            @Parameter(description = "2026, 2026-Q1 or 2026-03; default the current quarter")
            @RequestParam(required = false) String period,
            @RequestParam(required = false) UUID municipality, @RequestParam(required = false) UUID service,
            @RequestParam(required = false) String channel, @RequestParam(required = false) UUID team,
            @Parameter(description = "The id of a journey (see /journeys)") @RequestParam(required = false) String journey,
            @Parameter(description = "The code of an option of the segment question (see /segments)")
            @RequestParam(required = false) String segment,
            @Parameter(description = "Break every KPI down by this dimension")
            @RequestParam(required = false) Dimension by,
            @RequestParam(defaultValue = "8") int trend) {
        UUID tenantId = tenant.tenantId();
        return kpis.figures(tenantId, kpis.period(period),
                new Filter(municipality, service, channel == null || channel.isBlank() ? null : channel, team,
                        kpis.scope(tenantId, journey), kpis.segment(tenantId, segment)),
                by, Math.max(2, Math.min(24, trend)), LocaleContextHolder.getLocale());
    }

    /** A journey one can filter on, with what it covers. */
    record JourneyScope(String id, String name, List<UUID> services, List<String> channels, List<UUID> teams) {
    }

    @GetMapping("/journeys")
    @Operation(summary = "The journeys the figures can be filtered by, with their services, channels and teams")
    List<JourneyScope> scopes(TenantContext tenant) {
        var locale = LocaleContextHolder.getLocale();
        return kpis.scopes(tenant.tenantId(), locale).stream().map(s -> new JourneyScope(s.id(), s.label(locale),
                s.serviceIds().stream().sorted().toList(), s.channels().stream().sorted().toList(),
                s.teamIds().stream().sorted().toList())).toList();
    }

    /** An option of the segment question. */
    record Segment(String code, String label) {
    }

    @GetMapping("/segments")
    @Operation(summary = "The options of the segment question the survey figures can be filtered by")
    List<Segment> segments(TenantContext tenant) {
        var locale = LocaleContextHolder.getLocale();
        return kpis.dimensionValues(tenant.tenantId(), locale).get(Dimension.SEGMENT).stream()
                .map(v -> new Segment(v.value(), v.label(locale))).toList();
    }
}
