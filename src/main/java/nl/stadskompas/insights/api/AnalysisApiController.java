// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.insights.api;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import nl.stadskompas.insights.Analyses;
import nl.stadskompas.insights.Analyses.KeyDriverReport;
import nl.stadskompas.insights.Analyses.MarginSet;
import nl.stadskompas.insights.Analyses.MarginSetInput;
import nl.stadskompas.insights.Analyses.RepresentativenessReport;
import nl.stadskompas.insights.spi.SurveyData.SurveyReference;
import nl.stadskompas.platform.TenantContext;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
 * Analyses for advisors over REST: key drivers with the exact Shapley (LMG) share of R² and the
 * importance–performance matrix, population margins, and representativeness with raking weights.
 * Works on every questionnaire, imported historical responses included. Wrong input gives 400 with
 * every problem; unknown ids give 404.
 */
@RestController
@RequestMapping("/api/v1/insights/analysis")
@PreAuthorize("hasAuthority('PERM_READ')")
@Tag(name = "Insights: analyses", description = "Key drivers, importance versus performance, margins, representativeness and weighting")
@ApiResponse(responseCode = "401", description = "Not signed in")
@ApiResponse(responseCode = "403", description = "The role does not allow this")
class AnalysisApiController {

    private static final String MISSING_RULE = "Missing answers: only respondents with a value for the outcome and "
            + "every chosen aspect are used (listwise deletion); \"don't know\" counts as no value. Every figure "
            + "(means, shares positive, correlations, regression, relative weights, LMG) is computed on exactly "
            + "these respondents, so n is the same for each aspect. ";

    private final Analyses analyses;

    AnalysisApiController(Analyses analyses) {
        this.analyses = analyses;
    }

    @GetMapping("/surveys")
    @Operation(summary = "The questionnaires that can be analysed, with their number of responses")
    List<SurveyReference> surveys(TenantContext tenant) {
        return analyses.surveys(tenant.tenantId());
    }

    @GetMapping("/surveys/{id}/key-drivers")
    @Operation(summary = "Key drivers of an outcome, with the importance–performance quadrants",
            description = MISSING_RULE + "Per aspect: mean, share positive, Pearson correlation with the outcome and "
                    + "its two-sided p-value, the OLS coefficient with standard error and p-value (t test with n−p−1 "
                    + "degrees of freedom), Johnson's relative weight, and the exact Shapley value (LMG) of R² over "
                    + "all 2^p subsets of the aspects, with ranks (1 = largest). Importance is LMG / R²; the quadrant "
                    + "cut-offs are the mean importance and the mean of the aspects' means. Refused (400) when fewer "
                    + "than max(min-group-size, p + 11) respondents remain, or with more than 30 aspects. "
                    + "With margins the respondents are raked as for representativeness and the means, shares, "
                    + "correlations, weighted least-squares coefficients, R², relative weights and LMG are weighted; "
                    + "n stays the real number and standard errors and p-values are null (weightedTo names the "
                    + "margins). from and to (ISO dates, inclusive) limit the answers to those given in between.")
    @ApiResponse(responseCode = "400", description = "Unknown or unsuitable question, or too few respondents")
    @ApiResponse(responseCode = "404", description = "No such questionnaire in this organisation")
    KeyDriverReport keyDrivers(TenantContext tenant, @PathVariable UUID id,
            @Parameter(description = "Key of the outcome question; default the report mark")
            @RequestParam(required = false) String outcome,
            @Parameter(description = "Keys of the aspect questions; default all service aspects of the questionnaire")
            @RequestParam(required = false) List<String> aspects,
            @Parameter(description = "Id of a set of margins to weight to; default unweighted")
            @RequestParam(required = false) UUID margins,
            @Parameter(description = "Only answers given on or after this day")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = "Only answers given on or before this day")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return analyses.keyDrivers(tenant.tenantId(), id, outcome, aspects == null ? List.of() : aspects,
                new Analyses.KeyDriverScope(from, to, margins));
    }

    @GetMapping("/surveys/{id}/representativeness")
    @Operation(summary = "Respondents against population margins, raking weights and weighted estimates",
            description = "Respondents with an answer to every margin question (and, when the margins name a "
                    + "municipality, from that municipality) are compared with the population per margin by a "
                    + "chi-square goodness-of-fit test and weighted by raking (iterative proportional fitting). Each "
                    + "scale question then gets its weighted mean and share positive over those of them who answered "
                    + "it (\"don't know\" is no answer), with standard errors by linearisation as R's survey package "
                    + "computes them for a raked design (with-replacement, calibration residuals), the design effect "
                    + "(variance ratio) and Kish's design effect. Categories with fewer respondents than the minimum "
                    + "group size are not shown. Without convergence there are no weighted estimates. kishDesignEffect and "
                    + "effectiveN describe the weights of all weighted respondents. from and to (ISO dates, "
                    + "inclusive) limit the answers to those given in between.")
    @ApiResponse(responseCode = "400", description = "Margins that do not fit the questionnaire, or too few respondents")
    @ApiResponse(responseCode = "404", description = "No such questionnaire or margins in this organisation")
    RepresentativenessReport representativeness(TenantContext tenant, @PathVariable UUID id,
            @Parameter(description = "Id of the set of margins") @RequestParam UUID margins,
            @Parameter(description = "Only answers given on or after this day")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = "Only answers given on or before this day")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return analyses.representativeness(tenant.tenantId(), id, margins, LocaleContextHolder.getLocale(), from, to);
    }

    @GetMapping("/margins")
    @Operation(summary = "The sets of population margins of the organisation")
    List<MarginSet> marginSets(TenantContext tenant) {
        return analyses.marginSets(tenant.tenantId());
    }

    @GetMapping("/margins/{id}")
    @Operation(summary = "One set of population margins")
    @ApiResponse(responseCode = "404", description = "No such margins in this organisation")
    MarginSet marginSet(TenantContext tenant, @PathVariable UUID id) {
        return analyses.marginSet(tenant.tenantId(), id);
    }

    @PostMapping("/margins")
    @PreAuthorize("hasAuthority('PERM_SURVEYS_EDIT')")
    @Operation(summary = "Enter a set of population margins",
            description = "Each cell names a margin (the key of a single-choice question, such as AGE or DISTRICT), "
                    + "an answer code and its population count. Every margin needs two categories or more.")
    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(responseCode = "400", description = "Invalid input; nothing was stored")
    ResponseEntity<MarginSet> create(TenantContext tenant, @RequestBody MarginSetInput body) {
        MarginSet set = analyses.saveMarginSet(tenant, null, body);
        return ResponseEntity.created(URI.create("/api/v1/insights/analysis/margins/" + set.id())).body(set);
    }

    @PutMapping("/margins/{id}")
    @PreAuthorize("hasAuthority('PERM_SURVEYS_EDIT')")
    @Operation(summary = "Replace a set of population margins")
    @ApiResponse(responseCode = "400", description = "Invalid input; nothing was changed")
    @ApiResponse(responseCode = "404", description = "No such margins in this organisation")
    MarginSet replace(TenantContext tenant, @PathVariable UUID id, @RequestBody MarginSetInput body) {
        return analyses.saveMarginSet(tenant, id, body);
    }

    @DeleteMapping("/margins/{id}")
    @PreAuthorize("hasAuthority('PERM_SURVEYS_EDIT')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a set of population margins")
    @ApiResponse(responseCode = "404", description = "No such margins in this organisation")
    void delete(TenantContext tenant, @PathVariable UUID id) {
        analyses.deleteMarginSet(tenant, id);
    }
}
