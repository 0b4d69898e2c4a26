package com.chosencrm.lead.importing;

import com.chosencrm.lead.importing.ImportViews.SavedMapping;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each tenant's saved column choices: a header (by its normalised form) and the field it fills.
 * Proposals for the next file use them before anything else.
 */
@Component
class MappingTemplates {

  private final JdbcClient jdbc;

  MappingTemplates(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(readOnly = true)
  List<SavedMapping> list(UUID tenantId) {
    return jdbc.sql(
            "select header, field, updated_at from import_mapping where tenant_id = :tenantId"
                + " order by header_key")
        .param("tenantId", tenantId)
        .query(
            (rs, n) ->
                new SavedMapping(
                    rs.getString("header"),
                    rs.getString("field"),
                    rs.getTimestamp("updated_at").toInstant()))
        .list();
  }

  /** Normalised header to field. */
  @Transactional(readOnly = true)
  Map<String, String> byHeader(UUID tenantId) {
    Map<String, String> fields = new LinkedHashMap<>();
    jdbc.sql("select header_key, field from import_mapping where tenant_id = :tenantId")
        .param("tenantId", tenantId)
        .query((rs, n) -> fields.put(rs.getString("header_key"), rs.getString("field")))
        .list();
    return fields;
  }

  /** Adds or changes the given choices. */
  @Transactional
  void save(UUID tenantId, Map<String, String> fieldsByHeader, UUID by, Instant now) {
    fieldsByHeader.forEach(
        (header, field) -> {
          String key = ImportField.normalise(header);
          if (key.isEmpty()) {
            return;
          }
          jdbc.sql(
                  """
                  insert into import_mapping (tenant_id, header_key, header, field, updated_at,
                                              updated_by)
                  values (:tenantId, :key, :header, :field, :now, :by)
                  on conflict (tenant_id, header_key) do update
                     set header = excluded.header, field = excluded.field,
                         updated_at = excluded.updated_at, updated_by = excluded.updated_by
                  """)
              .param("tenantId", tenantId)
              .param("key", key)
              .param("header", header.strip())
              .param("field", field)
              .param("now", now.atOffset(ZoneOffset.UTC))
              .param("by", by)
              .update();
        });
  }

  /** Replaces all of the tenant's choices. */
  @Transactional
  void replace(UUID tenantId, Map<String, String> fieldsByHeader, UUID by, Instant now) {
    jdbc.sql("delete from import_mapping where tenant_id = :tenantId")
        .param("tenantId", tenantId)
        .update();
    save(tenantId, fieldsByHeader, by, now);
  }
}
