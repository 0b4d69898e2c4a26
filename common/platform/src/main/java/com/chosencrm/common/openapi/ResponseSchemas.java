package com.chosencrm.common.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
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
 * answered requires only its never-null properties, so that a client may leave out the others.
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
    List<Operation> operations =
        openApi.getPaths().values().stream()
            .flatMap(item -> item.readOperations().stream())
            .toList();
    Set<String> answered =
        reachable(
            schemas,
            operations.stream()
                .filter(operation -> operation.getResponses() != null)
                .flatMap(operation -> operation.getResponses().entrySet().stream())
                .filter(response -> response.getKey().startsWith("2"))
                .map(response -> response.getValue().getContent()));
    Set<String> sent =
        reachable(
            schemas,
            operations.stream()
                .map(Operation::getRequestBody)
                .filter(Objects::nonNull)
                .map(RequestBody::getContent));
    for (String name : answered) {
      Schema schema = schemas.get(name);
      if (schema.getProperties() == null || schema.getProperties().isEmpty()) {
        continue;
      }
      Map<String, Schema> properties = schema.getProperties();
      // Also a request body: a client may leave out what may be null, so only the rest is required.
      List<String> required =
          properties.entrySet().stream()
              .filter(property -> !sent.contains(name) || !allowsNull(property.getValue()))
              .map(Map.Entry::getKey)
              .toList();
      schema.setRequired(new ArrayList<>(required));
    }
  }

  /** The names of the component schemas the given contents refer to, directly or not. */
  @SuppressWarnings({"rawtypes", "unchecked"})
  private static Set<String> reachable(Map<String, Schema> schemas, Stream<Content> contents) {
    Deque<Schema> pending = new ArrayDeque<>();
    contents
        .filter(Objects::nonNull)
        .flatMap(content -> content.values().stream())
        .map(MediaType::getSchema)
        .filter(Objects::nonNull)
        .forEach(pending::add);
    Set<String> found = new LinkedHashSet<>();
    while (!pending.isEmpty()) {
      Schema schema = pending.pop();
      if (schema.get$ref() != null) {
        String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
        Schema named = schemas.get(name);
        if (named != null && found.add(name)) {
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
    return found;
  }

  @SuppressWarnings("rawtypes")
  private static boolean allowsNull(Schema schema) {
    if (Boolean.TRUE.equals(schema.getNullable())
        || (schema.getTypes() != null && schema.getTypes().contains("null"))) {
      return true;
    }
    List<Schema> alternatives = schema.getAnyOf() != null ? schema.getAnyOf() : schema.getOneOf();
    return alternatives != null && alternatives.stream().anyMatch(ResponseSchemas::allowsNull);
  }
}
