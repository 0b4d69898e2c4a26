package com.chosencrm.common.openapi;

import com.chosencrm.common.security.CurrentUser;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Every service's OpenAPI document: titled after the service, versioned from its build, a bearer
 * security scheme, and the problem responses that any operation may give.
 */
@AutoConfiguration
@ConditionalOnClass(OpenAPI.class)
public class OpenApiDefaultsAutoConfiguration {

  static {
    // CurrentUser comes from the token, never from the request: keep it out of the parameters.
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(CurrentUser.class);
  }

  static final String BEARER = "bearerAuth";
  static final String PROBLEM = "Problem";

  @Bean
  @ConditionalOnMissingBean
  OpenAPI platformOpenApi(Environment environment, ObjectProvider<BuildProperties> build) {
    String name = environment.getProperty("spring.application.name", "chosencrm-service");
    BuildProperties properties = build.getIfAvailable();
    String version = properties != null ? properties.getVersion() : "dev";
    return new OpenAPI()
        .info(new Info().title(name).version(version).description("ChosenCRM " + name + " API"))
        .components(
            new Components()
                .addSecuritySchemes(
                    BEARER,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT"))
                .addSchemas(PROBLEM, problemSchema()))
        .addSecurityItem(new SecurityRequirement().addList(BEARER));
  }

  @Bean
  OpenApiCustomizer problemResponsesCustomizer() {
    Map<String, String> common =
        Map.of(
            "400", "Invalid request (problem+json with field errors)",
            "401", "Missing, invalid, expired or revoked token",
            "403", "The caller's role does not allow this",
            "404", "Not found, or not in the caller's tenant",
            "500", "Unexpected error; quote the request id");
    return openApi -> {
      // springdoc rebuilds the components from the controllers, so the schema is (re)added here.
      if (openApi.getComponents() == null) {
        openApi.setComponents(new Components());
      }
      openApi.getComponents().addSchemas(PROBLEM, problemSchema());
      if (openApi.getPaths() == null) {
        return;
      }
      openApi
          .getPaths()
          .values()
          .forEach(
              item ->
                  item.readOperations()
                      .forEach(
                          operation ->
                              common.forEach(
                                  (status, description) -> {
                                    if (operation.getResponses() != null
                                        && !operation.getResponses().containsKey(status)) {
                                      operation
                                          .getResponses()
                                          .addApiResponse(status, problem(description));
                                    }
                                  })));
    };
  }

  private static ApiResponse problem(String description) {
    return new ApiResponse()
        .description(description)
        .content(
            new Content()
                .addMediaType(
                    "application/problem+json",
                    new MediaType()
                        .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
  }

  /** OpenAPI 3.1 documents read {@code types}, 3.0 ones {@code type}: set both. */
  @SuppressWarnings({"rawtypes", "unchecked"})
  private static Schema typed(String type) {
    Schema schema = new Schema<>().type(type);
    schema.setTypes(new java.util.LinkedHashSet<>(java.util.List.of(type)));
    return schema;
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static Schema<?> problemSchema() {
    Schema schema = typed("object").description("RFC 9457 problem details");
    schema.addProperty("type", typed("string").format("uri"));
    schema.addProperty("title", typed("string"));
    schema.addProperty("status", typed("integer"));
    schema.addProperty("detail", typed("string"));
    schema.addProperty("requestId", typed("string"));
    schema.addProperty(
        "errors",
        typed("array")
            .items(
                typed("object")
                    .addProperty("field", typed("string"))
                    .addProperty("message", typed("string"))));
    return schema;
  }
}
