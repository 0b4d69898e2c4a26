package com.chosencrm.common.openapi;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.annotation.Annotation;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The platform's nullness rule for the records of its APIs: a record component may be null only
 * when it says so, with {@code @Nullable} (JSpecify's, Spring's or Jakarta's: any annotation of
 * that name, on the component or on its type) or by being an {@code Optional}. Such a component's
 * schema allows null ({@code type: [..., "null"]} in OpenAPI 3.1, {@code nullable} in 3.0); every
 * other component is documented as never null. Which properties are <em>required</em> depends on
 * the direction, see {@link ResponseSchemas}.
 */
final class RecordNullability implements ModelConverter {

  @Override
  @SuppressWarnings("rawtypes")
  public Schema resolve(
      AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
    if (!chain.hasNext()) {
      return null;
    }
    Schema resolved = chain.next().resolve(type, context, chain);
    if (resolved == null || type.getType() == null) {
      return resolved;
    }
    Class<?> raw = Json.mapper().constructType(type.getType()).getRawClass();
    if (!raw.isRecord()) {
      return resolved;
    }
    Schema model = resolved;
    if (resolved.get$ref() != null) {
      String ref = resolved.get$ref();
      model = context.getDefinedModels().get(ref.substring(ref.lastIndexOf('/') + 1));
    }
    if (model == null || model.getProperties() == null) {
      return resolved;
    }
    @SuppressWarnings("unchecked")
    Map<String, Schema> properties = model.getProperties();
    for (RecordComponent component : raw.getRecordComponents()) {
      String name = propertyName(component);
      Schema property = properties.get(name);
      if (property != null && isNullable(component)) {
        properties.put(name, allowingNull(property));
      }
    }
    return resolved;
  }

  static boolean isNullable(RecordComponent component) {
    if (component.getType() == Optional.class) {
      return true;
    }
    return Stream.of(
            component.getAnnotations(),
            component.getAnnotatedType().getAnnotations(),
            component.getAccessor().getAnnotations())
        .flatMap(Stream::of)
        .map(Annotation::annotationType)
        .anyMatch(annotation -> annotation.getSimpleName().equals("Nullable"));
  }

  private static String propertyName(RecordComponent component) {
    JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
    return renamed != null && !renamed.value().isEmpty() ? renamed.value() : component.getName();
  }

  /** The property's schema, also allowing null; the same schema if it already does. */
  @SuppressWarnings({"rawtypes", "unchecked"})
  static Schema allowingNull(Schema property) {
    boolean openapi31 = property.getSpecVersion() == SpecVersion.V31;
    if (property.get$ref() != null) {
      // A reference cannot carry a type of its own: either the referenced schema or null.
      Schema reference = new Schema<>().$ref(property.get$ref());
      if (!openapi31) {
        return new Schema<>().nullable(true).allOf(List.of(reference));
      }
      Schema nothing = new Schema<>().specVersion(SpecVersion.V31);
      nothing.setTypes(new LinkedHashSet<>(List.of("null")));
      reference.specVersion(SpecVersion.V31);
      return new Schema<>()
          .specVersion(SpecVersion.V31)
          .description(property.getDescription())
          .anyOf(List.of(reference, nothing));
    }
    if (!openapi31) {
      return property.nullable(true);
    }
    Set<String> types =
        property.getTypes() != null
            ? new LinkedHashSet<>(property.getTypes())
            : new LinkedHashSet<>(
                property.getType() != null ? List.of(property.getType()) : List.of());
    if (types.isEmpty()) {
      return property; // any value, null included
    }
    types.add("null");
    property.setTypes(types);
    if (property.getEnum() != null && !property.getEnum().contains(null)) {
      List<Object> values = new ArrayList<>(property.getEnum());
      values.add(null);
      property.setEnum(values);
    }
    return property;
  }
}
