// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.organisation.api;

import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;

import nl.stadskompas.platform.TenantContext;

import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the organisation API appears in the OpenAPI document: HTTP Basic sign-in, the tenant header
 * on every operation, and no trace of the {@link TenantContext} that the platform fills in.
 */
@Configuration(proxyBeanMethods = false)
@SecurityScheme(name = OrganisationApiDocs.BASIC, type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "The user name and password of a built-in account.")
class OrganisationApiDocs {

    static final String BASIC = "basicAuth";

    static {
        // The platform resolves this parameter from the signed-in user; it is not part of the request.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(TenantContext.class);
    }

    @Bean
    OperationCustomizer organisationTenantHeader() {
        return (operation, handler) -> {
            if (ApiSupport.class.isAssignableFrom(handler.getBeanType())) {
                operation.addParametersItem(new HeaderParameter()
                        .name("X-Tenant-Id")
                        .required(false)
                        .description("The organisation (tenant) to work in, for users who work for more than one."
                                + " Without it, the user's first organisation. A tenant the user does not belong to"
                                + " gives 403.")
                        .schema(new StringSchema().format("uuid")));
            }
            return operation;
        };
    }
}
