package com.chosencrm.common.events;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The envelope as the flat string fields of a Redis stream entry, and back. */
final class StreamEntries {

  static final String ID = "id";
  static final String TYPE = "type";
  static final String TENANT_ID = "tenantId";
  static final String OCCURRED_AT = "occurredAt";
  static final String AGGREGATE_ID = "aggregateId";
  static final String PAYLOAD = "payload";

  private StreamEntries() {}

  static Map<String, String> fields(
      UUID id,
      String type,
      UUID tenantId,
      Instant occurredAt,
      UUID aggregateId,
      String payloadJson) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put(ID, id.toString());
    fields.put(TYPE, type);
    fields.put(TENANT_ID, tenantId.toString());
    fields.put(OCCURRED_AT, occurredAt.toString());
    fields.put(AGGREGATE_ID, aggregateId.toString());
    fields.put(PAYLOAD, payloadJson);
    return fields;
  }

  static Map<String, String> fields(EventEnvelope event) {
    return fields(
        event.id(),
        event.type(),
        event.tenantId(),
        event.occurredAt(),
        event.aggregateId(),
        event.payload().toString());
  }

  /**
   * @throws IllegalArgumentException if a field is missing or malformed: such an entry can never be
   *     handled, however often it is retried
   */
  static EventEnvelope read(Map<?, ?> fields, JsonMapper json) {
    try {
      JsonNode payload = json.readTree(required(fields, PAYLOAD));
      if (!payload.isObject()) {
        throw new IllegalArgumentException("payload is not a JSON object");
      }
      return new EventEnvelope(
          UUID.fromString(required(fields, ID)),
          required(fields, TYPE),
          UUID.fromString(required(fields, TENANT_ID)),
          Instant.parse(required(fields, OCCURRED_AT)),
          UUID.fromString(required(fields, AGGREGATE_ID)),
          payload);
    } catch (RuntimeException e) {
      throw e instanceof IllegalArgumentException iae
          ? iae
          : new IllegalArgumentException("Malformed event entry: " + e.getMessage(), e);
    }
  }

  private static String required(Map<?, ?> fields, String name) {
    Object value = fields.get(name);
    if (value == null || value.toString().isBlank()) {
      throw new IllegalArgumentException("Event entry has no " + name);
    }
    return value.toString();
  }
}
