package com.chosencrm.lead.lead;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Custom field values as JSON text for the {@code jsonb} column. Hibernate's own JSON mapping needs
 * Jackson 2, which the service does not use.
 */
@Converter
class JsonMapConverter implements AttributeConverter<Map<String, Object>, String> {

  private static final JsonMapper JSON = JsonMapper.shared();
  private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

  @Override
  public String convertToDatabaseColumn(Map<String, Object> values) {
    return JSON.writeValueAsString(values == null ? Map.of() : values);
  }

  @Override
  public Map<String, Object> convertToEntityAttribute(String json) {
    return json == null || json.isBlank() ? new LinkedHashMap<>() : JSON.readValue(json, MAP);
  }

  static Map<String, Object> read(String json) {
    return new JsonMapConverter().convertToEntityAttribute(json);
  }
}
