package com.chosencrm.common.events;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One event as a consumer receives it. The same six fields travel as a Redis stream entry (see
 * {@code docs/events.md}).
 *
 * @param id UUIDv7, unique per event; the key of idempotent handling
 * @param type event type, e.g. {@code UserCreated}
 * @param tenantId tenant the event belongs to
 * @param occurredAt when the producing transaction wrote it
 * @param aggregateId id of the changed thing
 * @param payload the event's fields, a JSON object
 */
public record EventEnvelope(
    UUID id, String type, UUID tenantId, Instant occurredAt, UUID aggregateId, JsonNode payload) {

  /**
   * Producers add payload fields without asking their consumers first, so unknown fields are
   * ignored rather than failing the event.
   */
  private static final JsonMapper PAYLOAD_READER =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  /** The payload as the consumer's own record (or any Jackson-readable type). */
  public <T> T payloadAs(Class<T> type) {
    return PAYLOAD_READER.treeToValue(payload, type);
  }
}
