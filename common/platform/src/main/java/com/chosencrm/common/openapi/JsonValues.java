package com.chosencrm.common.openapi;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.util.Iterator;
import tools.jackson.databind.JsonNode;

/**
 * A {@link JsonNode} field (audit details, history values) holds any JSON value: its schema is the
 * empty one, not the node class's getters.
 */
final class JsonValues implements ModelConverter {

  @Override
  @SuppressWarnings("rawtypes")
  public Schema resolve(
      AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
    if (type.getType() != null
        && JsonNode.class.isAssignableFrom(
            Json.mapper().constructType(type.getType()).getRawClass())) {
      return new JsonSchema();
    }
    return chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
  }
}
