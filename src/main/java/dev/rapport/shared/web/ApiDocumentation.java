package dev.rapport.shared.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at {@code /v3/api-docs} and browsable by admins at {@code /swagger-ui.html}. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    @Bean
    OpenAPI rapportApi() {
        return new OpenAPI()
                .info(new Info().title("Rapport API").version("v1")
                        .description("Rapport's REST API. Authenticate with a personal API token: "
                                + "'Authorization: Bearer rpt_...'. Errors are RFC 9457 problem details."))
                .components(new Components().addSecuritySchemes("token",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("A personal API token from your profile page or POST /api/v1/auth/tokens")))
                .addSecurityItem(new SecurityRequirement().addList("token"));
    }
}
