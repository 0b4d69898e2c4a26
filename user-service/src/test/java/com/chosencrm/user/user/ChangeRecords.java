package com.chosencrm.user.user;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What a change left behind in the outbox and the audit trail, read straight from the tables. */
public final class ChangeRecords {

  public record OutboxRow(String type, UUID aggregateId, JsonNode payload) {}

  public record AuditRow(
      String action, UUID actorId, String actorEmail, String targetId, JsonNode details) {}

  private final JdbcClient jdbc;
  private final JsonMapper json;

  public ChangeRecords(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** Events of a type about one aggregate, oldest first. */
  public List<OutboxRow> events(String type, UUID aggregateId) {
    return jdbc.sql(
            """
            select type, aggregate_id, payload::text as payload from outbox_event
            where type = :type and aggregate_id = :aggregateId
            order by id
            """)
        .param("type", type)
        .param("aggregateId", aggregateId)
        .query(
            (rs, n) ->
                new OutboxRow(
                    rs.getString("type"),
                    rs.getObject("aggregate_id", UUID.class),
                    json.readTree(rs.getString("payload"))))
        .list();
  }

  public JsonNode lastPayload(String type, UUID aggregateId) {
    List<OutboxRow> rows = events(type, aggregateId);
    if (rows.isEmpty()) {
      throw new AssertionError("No " + type + " event for " + aggregateId + " in the outbox");
    }
    return rows.getLast().payload();
  }

  /** Audit entries of the tenant for an action, oldest first. */
  public List<AuditRow> audit(UUID tenantId, String action) {
    return jdbc.sql(
            """
            select action, actor_id, actor_email, target_id, details::text as details
            from audit_event where tenant_id = :tenantId and action = :action order by id
            """)
        .param("tenantId", tenantId)
        .param("action", action)
        .query(
            (rs, n) ->
                new AuditRow(
                    rs.getString("action"),
                    rs.getObject("actor_id", UUID.class),
                    rs.getString("actor_email"),
                    rs.getString("target_id"),
                    json.readTree(rs.getString("details"))))
        .list();
  }

  public List<String> ids(JsonNode array) {
    return array.values().stream().map(JsonNode::asString).toList();
  }
}
