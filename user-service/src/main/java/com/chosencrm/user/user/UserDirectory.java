package com.chosencrm.user.user;

import com.chosencrm.common.paging.Cursor;
import com.chosencrm.common.paging.CursorPage;
import com.chosencrm.common.problem.NotFoundException;
import com.chosencrm.common.security.CurrentUser;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The users a caller may see: admins the whole tenant, supervisors their team (from the token's
 * team claim) and themselves, everyone else only themselves. Visibility is part of every query, so
 * a user out of sight is simply not found.
 */
@Service
@Transactional(readOnly = true)
public class UserDirectory {

  // Matches the index app_user_tenant_name_idx, which serves both the order and the keyset.
  private static final String SORT_NAME = "lower(u.first_name || ' ' || u.last_name)";

  private static final String SELECT =
      """
      select u.id, u.email, u.first_name, u.last_name, u.team_id, u.active,
             u.created_at, u.updated_at, u.deactivated_at,
             %s as sort_name,
             (select string_agg(r.role, ',') from user_role r where r.user_id = u.id) as roles
      from app_user u
      """
          .formatted(SORT_NAME);

  private final JdbcClient jdbc;

  UserDirectory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Filters of the user list; null means "any". */
  public record UserQuery(
      String search, Role role, UUID teamId, Boolean active, int limit, String cursor) {}

  public CursorPage<UserResponse> list(CurrentUser caller, UserQuery query) {
    Map<String, Object> params = new HashMap<>();
    StringBuilder where = new StringBuilder(visibility(caller, params));
    if (query.search() != null && !query.search().isBlank()) {
      where.append(
          " and ("
              + SORT_NAME
              + " like :pattern escape '\\' or u.email like :pattern escape '\\')");
      params.put(
          "pattern", "%" + escapeLike(query.search().strip().toLowerCase(Locale.ROOT)) + "%");
    }
    if (query.role() != null) {
      where.append(
          " and exists (select 1 from user_role fr where fr.user_id = u.id and fr.role = :role)");
      params.put("role", query.role().name());
    }
    if (query.teamId() != null) {
      where.append(" and u.team_id = :teamId");
      params.put("teamId", query.teamId());
    }
    if (query.active() != null) {
      where.append(" and u.active = :active");
      params.put("active", query.active());
    }
    if (query.cursor() != null && !query.cursor().isBlank()) {
      Cursor after = Cursor.decode(query.cursor(), 2);
      where.append(" and (" + SORT_NAME + ", u.id) > (:afterName, :afterId)");
      params.put("afterName", after.value(0));
      params.put("afterId", after.uuid(1));
    }
    params.put("rows", query.limit() + 1);
    List<Row> rows =
        jdbc.sql(SELECT + " where " + where + " order by " + SORT_NAME + ", u.id limit :rows")
            .params(params)
            .query(UserDirectory::row)
            .list();
    return CursorPage.fromRows(
        rows, query.limit(), row -> Cursor.of(row.sortName(), row.user().id()), Row::user);
  }

  /**
   * @throws NotFoundException if the user does not exist, is another tenant's, or is out of the
   *     caller's sight: the three are told apart by nobody
   */
  public UserResponse get(CurrentUser caller, UUID id) {
    Map<String, Object> params = new HashMap<>();
    String where = visibility(caller, params) + " and u.id = :id";
    params.put("id", id);
    return jdbc.sql(SELECT + " where " + where)
        .params(params)
        .query(UserDirectory::row)
        .optional()
        .map(Row::user)
        .orElseThrow(() -> new NotFoundException("User", id));
  }

  private static String visibility(CurrentUser caller, Map<String, Object> params) {
    params.put("tenantId", caller.tenantId());
    params.put("self", caller.userId());
    if (caller.isAdmin()) {
      return "u.tenant_id = :tenantId";
    }
    if (caller.isSupervisor() && caller.teamId() != null) {
      params.put("ownTeam", caller.teamId());
      return "u.tenant_id = :tenantId and (u.team_id = :ownTeam or u.id = :self)";
    }
    return "u.tenant_id = :tenantId and u.id = :self";
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private record Row(UserResponse user, String sortName) {}

  private static Row row(ResultSet rs, int rowNum) throws SQLException {
    String roles = rs.getString("roles");
    List<Role> roleList =
        roles == null ? List.of() : Arrays.stream(roles.split(",")).map(Role::valueOf).toList();
    UserResponse user =
        new UserResponse(
            rs.getObject("id", UUID.class),
            rs.getString("email"),
            rs.getString("first_name"),
            rs.getString("last_name"),
            rs.getString("first_name") + " " + rs.getString("last_name"),
            roleList,
            rs.getObject("team_id", UUID.class),
            rs.getBoolean("active"),
            instant(rs, "created_at"),
            instant(rs, "updated_at"),
            instant(rs, "deactivated_at"));
    return new Row(user, rs.getString("sort_name"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
