// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.platform.shell;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import nl.stadskompas.platform.TenantContext;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What every module's REST API has in common in the OpenAPI document: HTTP Basic sign-in, the
 * optional tenant header, and no trace of the {@link TenantContext} the platform fills in.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String BASIC = "basicAuth";

    static {
        // The platform resolves this parameter from the signed-in user; it is not part of a request.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(TenantContext.class);
    }

    @Bean
    OpenAPI stadskompasApi() {
        return new OpenAPI()
                .info(new Info().title("Stadskompas API").version("v1")
                        .description("Public service from the resident's point of view. Every call works within one"
                                + " organisation (tenant) and checks the caller's role there.")
                        .license(new License().name("EUPL-1.2")
                                .url("https://joinup.ec.europa.eu/collection/eupl/eupl-text-eupl-12")))
                .components(new Components().addSecuritySchemes(BASIC, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("basic")
                        .description("The user name and password of a built-in account.")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC));
    }

    @Bean
    OpenApiCustomizer tenantHeader() {
        return api -> api.getPaths().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.readOperations().forEach(operation -> operation.addParametersItem(new HeaderParameter()
                        .name("X-Tenant-Id")
                        .required(false)
                        .description("The organisation (tenant) to work in, for users who work for more than one."
                                + " Without it, the user's first organisation. A tenant the user does not belong"
                                + " to gives 403.")
                        .schema(new StringSchema().format("uuid"))));
            }
        });
    }
}
