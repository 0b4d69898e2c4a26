package com.chosencrm.user.audit;

import com.chosencrm.common.paging.Cursor;
import com.chosencrm.common.paging.CursorPage;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a tenant's audit trail, newest first, a page at a time. The tenant is a condition of the
 * SQL itself, never a filter applied afterwards.
 */
@Component
class AuditTrail {

  private final JdbcClient jdbc;
  private final JsonMapper json;

  AuditTrail(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** Optional filters; null means "any". {@code from} is inclusive, {@code to} exclusive. */
  record Filter(AuditAction action, UUID actorId, Instant from, Instant to) {}

  /**
   * Pages by id: ids are UUIDv7, minted with the entry's time, so id order is time order, and the
   * (tenant_id, id desc) indexes serve every page at the same cost.
   */
  @Transactional(readOnly = true)
  CursorPage<AuditEntry> find(UUID tenantId, Filter filter, int limit, String cursor) {
    StringBuilder sql =
        new StringBuilder(
            """
            select id, occurred_at, actor_id, actor_email, action, target_type, target_id,
                   details::text as details, request_id
            from audit_event
            where tenant_id = :tenantId
            """);
    if (filter.action() != null) {
      sql.append(" and action = :action");
    }
    if (filter.actorId() != null) {
      sql.append(" and actor_id = :actorId");
    }
    if (filter.from() != null) {
      sql.append(" and occurred_at >= :from");
    }
    if (filter.to() != null) {
      sql.append(" and occurred_at < :to");
    }
    UUID after = cursor == null ? null : Cursor.decode(cursor, 1).uuid(0);
    if (after != null) {
      sql.append(" and id < :after");
    }
    sql.append(" order by id desc limit :rows");

    JdbcClient.StatementSpec statement =
        jdbc.sql(sql.toString()).param("tenantId", tenantId).param("rows", limit + 1);
    if (filter.action() != null) {
      statement = statement.param("action", filter.action().name());
    }
    if (filter.actorId() != null) {
      statement = statement.param("actorId", filter.actorId());
    }
    if (filter.from() != null) {
      statement = statement.param("from", OffsetDateTime.ofInstant(filter.from(), ZoneOffset.UTC));
    }
    if (filter.to() != null) {
      statement = statement.param("to", OffsetDateTime.ofInstant(filter.to(), ZoneOffset.UTC));
    }
    if (after != null) {
      statement = statement.param("after", after);
    }
    List<AuditEntry> rows =
        statement
            .query(
                (rs, row) ->
                    new AuditEntry(
                        rs.getObject("id", UUID.class),
                        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("actor_id", UUID.class),
                        rs.getString("actor_email"),
                        rs.getString("action"),
                        rs.getString("target_type"),
                        rs.getString("target_id"),
                        json.readTree(rs.getString("details")),
                        rs.getString("request_id")))
            .list();
    return CursorPage.fromRows(rows, limit, entry -> Cursor.of(entry.id()), entry -> entry);
  }
}
