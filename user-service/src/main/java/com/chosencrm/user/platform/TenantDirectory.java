package com.chosencrm.user.platform;

import com.chosencrm.common.paging.Cursor;
import com.chosencrm.common.paging.CursorPage;
import com.chosencrm.user.tenant.TenantStatus;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The operators' list of customer tenants. A read model across the tenant and user tables: one
 * query counts the users of a whole page, where going through each feature's service would cost a
 * query per tenant.
 */
@Component
class TenantDirectory {

  private final JdbcClient jdbc;

  TenantDirectory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Oldest first; ids are UUIDv7, so ordering by id is ordering by creation. */
  @Transactional(readOnly = true)
  CursorPage<TenantSummary> page(String cursor, int limit) {
    UUID after = cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor, 1).uuid(0);
    var rows =
        jdbc.sql(
                """
                select t.id, t.name, t.status, t.created_at, t.suspended_at,
                       (select count(*) from app_user u where u.tenant_id = t.id) as user_count
                from tenant t
                where t.kind = 'CUSTOMER' and (cast(:after as uuid) is null or t.id > :after)
                order by t.id
                limit :rows
                """)
            .param("after", after)
            .param("rows", limit + 1)
            .query(
                (rs, i) ->
                    new TenantSummary(
                        rs.getObject("id", UUID.class),
                        rs.getString("name"),
                        TenantStatus.valueOf(rs.getString("status")),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        instantOrNull(rs.getObject("suspended_at", OffsetDateTime.class)),
                        rs.getLong("user_count")))
            .list();
    return CursorPage.fromRows(rows, limit, row -> Cursor.of(row.id()), row -> row);
  }

  private static Instant instantOrNull(OffsetDateTime value) {
    return value == null ? null : value.toInstant();
  }
}
