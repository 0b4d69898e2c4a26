package com.chosencrm.user.feature;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The flags a tenant's admins have set, as JSON values. Plain SQL rather than JPA: the table is a
 * key-value map written with upserts, which JPA has no word for.
 */
@Component
class FeatureFlagStore {

  private final JdbcClient jdbc;
  private final NamedParameterJdbcTemplate batch;

  FeatureFlagStore(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  record StoredFlag(String key, String json, Instant updatedAt, UUID updatedBy) {}

  Map<String, StoredFlag> findAll(UUID tenantId) {
    return jdbc
        .sql(
            """
            select key, value::text as value, updated_at, updated_by
            from feature_flag where tenant_id = :tenantId
            """)
        .param("tenantId", tenantId)
        .query(
            (rs, row) ->
                new StoredFlag(
                    rs.getString("key"),
                    rs.getString("value"),
                    rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                    rs.getObject("updated_by", UUID.class)))
        .list()
        .stream()
        .collect(Collectors.toMap(StoredFlag::key, f -> f));
  }

  /**
   * Serialises flag updates of one tenant until the transaction ends, so that the old values an
   * audit entry shows are the ones the update really replaced.
   */
  void lockTenant(UUID tenantId) {
    jdbc.sql("select pg_advisory_xact_lock(:key)")
        .param("key", tenantId.getMostSignificantBits() ^ tenantId.getLeastSignificantBits())
        .query((rs, row) -> 1)
        .single();
  }

  void save(UUID tenantId, Map<String, String> jsonByKey, UUID actorId, Instant now) {
    SqlParameterSource[] rows =
        jsonByKey.entrySet().stream()
            .map(
                e ->
                    new MapSqlParameterSource()
                        .addValue("tenantId", tenantId)
                        .addValue("key", e.getKey())
                        .addValue("value", e.getValue())
                        .addValue("updatedAt", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                        .addValue("updatedBy", actorId))
            .toArray(SqlParameterSource[]::new);
    batch.batchUpdate(
        """
        insert into feature_flag (tenant_id, key, value, updated_at, updated_by)
        values (:tenantId, :key, cast(:value as jsonb), :updatedAt, :updatedBy)
        on conflict (tenant_id, key)
        do update set value = excluded.value, updated_at = excluded.updated_at,
                      updated_by = excluded.updated_by
        """,
        rows);
  }

  void delete(UUID tenantId, Collection<String> keys) {
    if (keys.isEmpty()) {
      return;
    }
    jdbc.sql("delete from feature_flag where tenant_id = :tenantId and key in (:keys)")
        .param("tenantId", tenantId)
        .param("keys", keys)
        .update();
  }
}
