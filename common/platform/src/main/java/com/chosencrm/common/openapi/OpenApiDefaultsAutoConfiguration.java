package com.chosencrm.common.openapi;

import com.chosencrm.common.security.CurrentUser;
import com.chosencrm.common.security.PlatformSecurityProperties;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
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
 * security scheme, the status codes and problem responses each operation really gives, and schemas
 * that say which fields are always present and which may be null. The SPA's types are generated
 * from these documents (frontend/openapi), so what they say must hold on the wire.
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
        // Relative: the same document whether read from the service, the gateway or a test.
        .servers(List.of(new Server().url("/")))
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

  /** Error answers, public operations and Location headers: see {@link OperationResponses}. */
  @Bean
  OpenApiCustomizer operationResponsesCustomizer(
      ObjectProvider<PlatformSecurityProperties> security) {
    PlatformSecurityProperties properties = security.getIfAvailable();
    return new OperationResponses(properties != null ? properties.publicPaths() : List.of());
  }

  @Bean
  OpenApiCustomizer problemSchemaCustomizer() {
    // springdoc rebuilds the components from the controllers, so the schema is (re)added here.
    return openApi -> {
      if (openApi.getComponents() == null) {
        openApi.setComponents(new Components());
      }
      openApi.getComponents().addSchemas(PROBLEM, problemSchema());
    };
  }

  /** Every field of an answer is present; see {@link ResponseSchemas}. */
  @Bean
  OpenApiCustomizer responseSchemasCustomizer() {
    return new ResponseSchemas();
  }

  @Bean
  JsonValues jsonValues() {
    return new JsonValues();
  }

  /** Record components are null only where they say so; see {@link RecordNullability}. */
  @Bean
  RecordNullability recordNullability() {
    return new RecordNullability();
  }

  /** OpenAPI 3.1 documents read {@code types}, 3.0 ones {@code type}: set both. */
  @SuppressWarnings({"rawtypes", "unchecked"})
  static Schema typed(String type) {
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
