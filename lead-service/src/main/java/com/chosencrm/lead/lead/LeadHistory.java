package com.chosencrm.lead.lead;

import com.chosencrm.common.id.UuidV7;
import com.chosencrm.common.web.RequestIds;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a lead's history: one row per changed field with its old and new value, who changed it,
 * when, and in which request. Rows are written in batches with the change, in its transaction.
 */
@Component
class LeadHistory {

  enum Action {
    CREATED,
    /**
     * Created by a spreadsheet import: the one entry of an imported lead (with a
     * DO_NOT_CONTACT_CHANGED one if the file said so); its new value holds the importId and the
     * assigneeId the lead went to, if any.
     */
    IMPORTED,
    UPDATED,
    STATUS_CHANGED,
    ASSIGNED,
    DO_NOT_CONTACT_CHANGED,
    DELETED,
    RESTORED,
    /** On the survivor: a duplicate was merged into it. */
    MERGED,
    /** On the duplicate: it was merged into the survivor and deleted. */
    MERGED_INTO
  }

  /** One history row. */
  record Entry(
      UUID tenantId,
      UUID leadId,
      Action action,
      String field,
      Object oldValue,
      Object newValue,
      UUID actorId,
      String reason,
      Instant at) {}

  /** PostgreSQL compares UUIDs as unsigned bytes. */
  static final Comparator<UUID> POSTGRES_ORDER =
      Comparator.comparing(UUID::getMostSignificantBits, Long::compareUnsigned)
          .thenComparing(UUID::getLeastSignificantBits, Long::compareUnsigned);

  private final NamedParameterJdbcTemplate batch;
  private final JdbcClient jdbc;
  private final JsonMapper json;

  LeadHistory(NamedParameterJdbcTemplate batch, JdbcClient jdbc, JsonMapper json) {
    this.batch = batch;
    this.jdbc = jdbc;
    this.json = json;
  }

  /** UPDATED entries for every field that differs between two {@link Lead#auditedFields()}. */
  static List<Entry> changes(
      UUID tenantId,
      UUID leadId,
      Map<String, Object> before,
      Map<String, Object> after,
      UUID actorId,
      String reason,
      Instant at) {
    List<Entry> entries = new ArrayList<>();
    for (Map.Entry<String, Object> field : after.entrySet()) {
      Object old = before.get(field.getKey());
      if (!sameValue(old, field.getValue())) {
        entries.add(
            new Entry(
                tenantId,
                leadId,
                Action.UPDATED,
                field.getKey(),
                old,
                field.getValue(),
                actorId,
                reason,
                at));
      }
    }
    return entries;
  }

  private static boolean sameValue(Object a, Object b) {
    if (a instanceof java.math.BigDecimal x && b instanceof java.math.BigDecimal y) {
      return x.compareTo(y) == 0;
    }
    return Objects.equals(a, b);
  }

  @Transactional(propagation = Propagation.MANDATORY)
  void record(List<Entry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    String requestId = RequestIds.current();
    // UUIDv7s of the same millisecond are not ordered among themselves; sorted, they keep the
    // entries of one change in the order they were made.
    List<UUID> ids =
        Stream.generate(UuidV7::next).limit(entries.size()).sorted(POSTGRES_ORDER).toList();
    Iterator<UUID> nextId = ids.iterator();
    MapSqlParameterSource[] rows =
        entries.stream()
            .map(
                e ->
                    new MapSqlParameterSource()
                        .addValue("id", nextId.next())
                        .addValue("tenantId", e.tenantId())
                        .addValue("leadId", e.leadId())
                        .addValue("action", e.action().name())
                        .addValue("field", e.field(), Types.VARCHAR)
                        .addValue("oldValue", jsonOrNull(e.oldValue()), Types.VARCHAR)
                        .addValue("newValue", jsonOrNull(e.newValue()), Types.VARCHAR)
                        .addValue("actorId", e.actorId(), Types.OTHER)
                        .addValue("reason", e.reason(), Types.VARCHAR)
                        .addValue("requestId", requestId, Types.VARCHAR)
                        .addValue("at", e.at().atOffset(ZoneOffset.UTC)))
            .toArray(MapSqlParameterSource[]::new);
    batch.batchUpdate(
        """
        insert into lead_history (id, tenant_id, lead_id, action, field, old_value, new_value,
                                  actor_id, reason, request_id, occurred_at)
        values (:id, :tenantId, :leadId, :action, :field, cast(:oldValue as jsonb),
                cast(:newValue as jsonb), :actorId, :reason, :requestId, :at)
        """,
        rows);
  }

  /** A merged duplicate's history becomes the survivor's, marked with where it came from. */
  @Transactional(propagation = Propagation.MANDATORY)
  int moveToLead(UUID tenantId, UUID fromLeadId, UUID toLeadId) {
    return jdbc.sql(
            """
            update lead_history
               set lead_id = :to, merged_from_lead_id = coalesce(merged_from_lead_id, :from)
             where tenant_id = :tenantId and lead_id = :from
            """)
        .param("to", toLeadId)
        .param("from", fromLeadId)
        .param("tenantId", tenantId)
        .update();
  }

  private String jsonOrNull(Object value) {
    return value == null ? null : json.writeValueAsString(value);
  }
}
