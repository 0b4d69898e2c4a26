package com.chosencrm.common.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Marks every property of the schemas a successful answer carries as required: Jackson writes every
 * component of the platform's response records, null included (no service changes the inclusion),
 * so a client always finds each field, with null where {@link RecordNullability} allows it.
 *
 * <p>Request bodies keep the required properties their Bean Validation gives ({@code @NotNull},
 * {@code @NotBlank}, ...): a client may leave the other fields out. A schema that is both sent and
 * answered is documented by the answer.
 */
final class ResponseSchemas implements OpenApiCustomizer {

  @Override
  @SuppressWarnings({"rawtypes", "unchecked"})
  public void customise(OpenAPI openApi) {
    if (openApi.getPaths() == null
        || openApi.getComponents() == null
        || openApi.getComponents().getSchemas() == null) {
      return;
    }
    Map<String, Schema> schemas = openApi.getComponents().getSchemas();
    Deque<Schema> pending = new ArrayDeque<>();
    openApi.getPaths().values().stream()
        .flatMap(item -> item.readOperations().stream())
        .filter(operation -> operation.getResponses() != null)
        .flatMap(operation -> operation.getResponses().entrySet().stream())
        .filter(response -> response.getKey().startsWith("2"))
        .map(response -> response.getValue().getContent())
        .filter(Objects::nonNull)
        .flatMap(content -> content.values().stream())
        .map(MediaType::getSchema)
        .filter(Objects::nonNull)
        .forEach(pending::add);
    Set<String> answered = new LinkedHashSet<>();
    while (!pending.isEmpty()) {
      Schema schema = pending.pop();
      if (schema.get$ref() != null) {
        String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
        Schema named = schemas.get(name);
        if (named != null && answered.add(name)) {
          pending.push(named);
        }
        continue;
      }
      if (schema.getProperties() != null) {
        pending.addAll(schema.getProperties().values());
      }
      Stream.of(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())
          .filter(Objects::nonNull)
          .forEach(pending::addAll);
      if (schema.getItems() != null) {
        pending.push(schema.getItems());
      }
      if (schema.getAdditionalProperties() instanceof Schema values) {
        pending.push(values);
      }
    }
    for (String name : answered) {
      Schema schema = schemas.get(name);
      if (schema.getProperties() != null && !schema.getProperties().isEmpty()) {
        schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
      }
    }
  }
}
