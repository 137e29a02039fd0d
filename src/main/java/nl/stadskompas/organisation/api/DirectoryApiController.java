// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.organisation.api;

import java.util.Arrays;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;

import nl.stadskompas.organisation.Channel;
import nl.stadskompas.organisation.WhoDoesWhat;
import nl.stadskompas.organisation.api.OrganisationJson.ChannelData;
import nl.stadskompas.organisation.api.OrganisationJson.DirectoryData;
import nl.stadskompas.organisation.api.OrganisationJson.Problem;
import nl.stadskompas.platform.TenantContext;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(ApiSupport.BASE)
@Tag(name = "Organisation: who does what", description = "Which team does what: search by topic, and the channels"
        + " grouped as click, call and face.")
@ProblemResponses.Access
@PreAuthorize("hasAuthority('PERM_READ')")
class DirectoryApiController extends ApiSupport {

    private final WhoDoesWhat directory;

    DirectoryApiController(WhoDoesWhat directory, MessageSource messages) {
        super(messages);
        this.directory = directory;
    }

    @GetMapping("/directory")
    @Operation(summary = "Search who does what", description = "Searches team names and descriptions, core tasks,"
            + " service names, descriptions and keywords, ignoring case and accents. Small words such as 'de' or"
            + " 'hoe' are left out. When some teams match every word only those are returned, best first; otherwise"
            + " the teams that match most words. Without q: every team from A to Z with all its tasks and services.")
    @ApiResponse(responseCode = "200", description = "The teams found.")
    @ApiResponse(responseCode = "400", description = "The search text is longer than 200 characters.",
            content = @Content(mediaType = ProblemResponses.PROBLEM_JSON,
                    schema = @Schema(implementation = Problem.class)))
    DirectoryData search(TenantContext tenant,
            @Parameter(description = "The topic in plain words, such as 'paspoort' or 'grofvuil laten ophalen'.")
            @RequestParam(required = false) @Size(max = WhoDoesWhat.MAX_QUERY_LENGTH) String q) {
        return DirectoryData.of(directory.search(tenant.tenantId(), q));
    }

    @GetMapping("/channels")
    @Operation(summary = "List the channels", description = "Every channel a service can be offered through, with its"
            + " group. Click: in writing at the resident's own moment (online, e-mail, chat, WhatsApp, post). Call: a"
            + " live conversation at a distance (phone, video call). Face: in person at the desk.")
    @ApiResponse(responseCode = "200", description = "The channels, in a fixed order.")
    List<ChannelData> channels() {
        return Arrays.stream(Channel.values()).map(c -> new ChannelData(c, c.group())).toList();
    }
}
