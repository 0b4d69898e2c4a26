package com.chosencrm.common.events;

import com.chosencrm.common.id.UuidV7;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.Assert;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Writes events to the service's {@code outbox_event} table, in the caller's transaction. */
class OutboxEventPublisher implements EventPublisher {

  private final JdbcClient jdbc;
  private final JsonMapper json;

  OutboxEventPublisher(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /**
   * {@code MANDATORY}: without the caller's transaction the event would be committed on its own,
   * and published even if the change it describes is rolled back. Better to fail loudly.
   */
  @Override
  @Transactional(propagation = Propagation.MANDATORY)
  public UUID publish(String type, UUID tenantId, UUID aggregateId, Object payload) {
    Assert.hasText(type, "type must not be blank");
    Assert.notNull(tenantId, "tenantId must not be null");
    Assert.notNull(aggregateId, "aggregateId must not be null");
    Assert.notNull(payload, "payload must not be null");
    JsonNode tree = json.valueToTree(payload);
    Assert.isTrue(tree.isObject(), () -> "payload of " + type + " must serialise to a JSON object");
    UUID id = UuidV7.next();
    // PostgreSQL keeps microseconds; truncating here makes the stream carry what the row holds.
    Instant occurredAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    jdbc.sql(
            """
            insert into outbox_event (id, type, tenant_id, aggregate_id, occurred_at, payload)
            values (:id, :type, :tenantId, :aggregateId, :occurredAt, cast(:payload as jsonb))
            """)
        .param("id", id)
        .param("type", type)
        .param("tenantId", tenantId)
        .param("aggregateId", aggregateId)
        .param("occurredAt", occurredAt.atOffset(ZoneOffset.UTC))
        .param("payload", json.writeValueAsString(tree))
        .update();
    return id;
  }
}
