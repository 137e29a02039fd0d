// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.organisation.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import nl.stadskompas.organisation.api.OrganisationJson.Problem;

/**
 * The error answers of the organisation API, described once for the OpenAPI document.
 */
final class ProblemResponses {

    static final String PROBLEM_JSON = "application/problem+json";

    private ProblemResponses() {
    }

    /** 401 and 403, on every controller. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @ApiResponse(responseCode = "401", description = "Not signed in.", content = @Content)
    @ApiResponse(responseCode = "403", description = "The role does not allow this, or X-Tenant-Id names an"
            + " organisation the user does not belong to.", content = @Content)
    @interface Access {
    }

    /** 400 with every field listed. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @ApiResponse(responseCode = "400", description = "Invalid input; 'errors' lists every field with a plain"
            + " message. Nothing was changed.",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @interface BadInput {
    }

    /** 404 for an unknown id, or one of another organisation. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @ApiResponse(responseCode = "404", description = "No such item in this organisation.",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @interface NotFound {
    }
}
