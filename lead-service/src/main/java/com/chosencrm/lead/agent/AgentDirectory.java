package com.chosencrm.lead.agent;

import com.chosencrm.common.events.EventEnvelope;
import com.chosencrm.common.problem.NotFoundException;
import com.chosencrm.lead.agent.UserEvents.TeamChanged;
import com.chosencrm.lead.agent.UserEvents.UserCreated;
import com.chosencrm.lead.agent.UserEvents.UserRoleChanged;
import com.chosencrm.lead.agent.UserEvents.UserStatus;
import com.chosencrm.lead.agent.UserEvents.UserUpdated;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * lead-service's copy of the tenant's users and teams, kept from user-service's events (ADR 0006),
 * and the agents' out-of-office pauses, which only lead-service knows about. Visibility ("leads of
 * my team") and automatic assignment read it in SQL.
 *
 * <p>Events may arrive late and out of order. Each aspect of an agent (profile, roles, status,
 * team) remembers the {@code occurredAt} of the event that last set it and ignores older ones;
 * handling the same event twice changes nothing.
 */
@Service
public class AgentDirectory {

  private static final Logger log = LoggerFactory.getLogger(AgentDirectory.class);

  private static final String COLUMNS =
      """
      user_id, tenant_id, email, first_name, last_name, roles, team_id, active, deleted,
      paused_until, pause_reason
      """;

  private final JdbcClient jdbc;

  AgentDirectory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Applies one of user-service's events; runs in the consumer's transaction. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void apply(EventEnvelope event) {
    UUID tenant = event.tenantId();
    Instant at = event.occurredAt();
    switch (event.type()) {
      case UserEvents.USER_CREATED -> {
        UserCreated created = event.payloadAs(UserCreated.class);
        UUID userId = userId(created.userId(), event);
        profile(tenant, userId, created.email(), created.firstName(), created.lastName(), at);
        roles(tenant, userId, created.roles(), at);
        status(tenant, userId, true, false, at);
        joinTeam(tenant, userId, created.teamId(), at);
      }
      case UserEvents.USER_UPDATED -> {
        UserUpdated updated = event.payloadAs(UserUpdated.class);
        profile(
            tenant,
            userId(updated.userId(), event),
            updated.email(),
            updated.firstName(),
            updated.lastName(),
            at);
      }
      case UserEvents.USER_DEACTIVATED ->
          status(
              tenant, userId(event.payloadAs(UserStatus.class).userId(), event), false, false, at);
      case UserEvents.USER_REACTIVATED ->
          status(
              tenant, userId(event.payloadAs(UserStatus.class).userId(), event), true, false, at);
      case UserEvents.USER_DELETED ->
          status(
              tenant, userId(event.payloadAs(UserStatus.class).userId(), event), false, true, at);
      case UserEvents.USER_ROLE_CHANGED -> {
        UserRoleChanged changed = event.payloadAs(UserRoleChanged.class);
        roles(tenant, userId(changed.userId(), event), changed.newRoles(), at);
      }
      case UserEvents.TEAM_CHANGED -> team(tenant, event.payloadAs(TeamChanged.class), event, at);
      default -> log.debug("Ignoring event {} of type {}", event.id(), event.type());
    }
  }

  private static UUID userId(UUID fromPayload, EventEnvelope event) {
    return fromPayload != null ? fromPayload : event.aggregateId();
  }

  private void profile(
      UUID tenant, UUID userId, String email, String firstName, String lastName, Instant at) {
    jdbc.sql(
            """
            insert into agent (user_id, tenant_id, email, first_name, last_name, profile_event_at)
            values (:userId, :tenantId, :email, :firstName, :lastName, :at)
            on conflict (user_id) do update
               set email = excluded.email, first_name = excluded.first_name,
                   last_name = excluded.last_name, profile_event_at = excluded.profile_event_at
             where agent.tenant_id = excluded.tenant_id
               and (agent.profile_event_at is null
                    or agent.profile_event_at < excluded.profile_event_at)
            """)
        .param("userId", userId)
        .param("tenantId", tenant)
        .param("email", email)
        .param("firstName", firstName)
        .param("lastName", lastName)
        .param("at", utc(at))
        .update();
  }

  private void roles(UUID tenant, UUID userId, List<String> roles, Instant at) {
    String[] array = roles == null ? new String[0] : roles.toArray(String[]::new);
    jdbc.sql(
            """
            insert into agent (user_id, tenant_id, roles, roles_event_at)
            values (:userId, :tenantId, :roles, :at)
            on conflict (user_id) do update
               set roles = excluded.roles, roles_event_at = excluded.roles_event_at
             where agent.tenant_id = excluded.tenant_id
               and (agent.roles_event_at is null or agent.roles_event_at < excluded.roles_event_at)
            """)
        .param("userId", userId)
        .param("tenantId", tenant)
        .param("roles", array)
        .param("at", utc(at))
        .update();
  }

  private void status(UUID tenant, UUID userId, boolean active, boolean deleted, Instant at) {
    jdbc.sql(
            """
            insert into agent (user_id, tenant_id, active, deleted, status_event_at)
            values (:userId, :tenantId, :active, :deleted, :at)
            on conflict (user_id) do update
               set active = excluded.active, deleted = excluded.deleted,
                   status_event_at = excluded.status_event_at
             where agent.tenant_id = excluded.tenant_id
               and (agent.status_event_at is null
                    or agent.status_event_at < excluded.status_event_at)
            """)
        .param("userId", userId)
        .param("tenantId", tenant)
        .param("active", active)
        .param("deleted", deleted)
        .param("at", utc(at))
        .update();
  }

  private void joinTeam(UUID tenant, UUID userId, UUID teamId, Instant at) {
    jdbc.sql(
            """
            insert into agent (user_id, tenant_id, team_id, team_event_at)
            values (:userId, :tenantId, :teamId, :at)
            on conflict (user_id) do update
               set team_id = excluded.team_id, team_event_at = excluded.team_event_at
             where agent.tenant_id = excluded.tenant_id
               and (agent.team_event_at is null or agent.team_event_at < excluded.team_event_at)
            """)
        .param("userId", userId)
        .param("tenantId", tenant)
        .param("teamId", teamId)
        .param("at", utc(at))
        .update();
  }

  /**
   * A team's new state. Members join it; users it no longer lists leave it, but only if they are
   * still in it: a user moved to another team is announced for both teams in either order, and
   * leaving must not undo the later join, so leaving does not advance the team timestamp.
   */
  private void team(UUID tenant, TeamChanged changed, EventEnvelope event, Instant at) {
    UUID teamId = changed.teamId() != null ? changed.teamId() : event.aggregateId();
    boolean deleted = "DELETED".equals(changed.change());
    jdbc.sql(
            """
            insert into team (id, tenant_id, name, supervisor_id, deleted, event_at)
            values (:id, :tenantId, :name, :supervisorId, :deleted, :at)
            on conflict (id) do update
               set name = excluded.name, supervisor_id = excluded.supervisor_id,
                   deleted = excluded.deleted, event_at = excluded.event_at
             where team.tenant_id = excluded.tenant_id and team.event_at < excluded.event_at
            """)
        .param("id", teamId)
        .param("tenantId", tenant)
        .param("name", changed.name())
        .param("supervisorId", changed.supervisorId())
        .param("deleted", deleted)
        .param("at", utc(at))
        .update();
    List<UUID> members =
        deleted || changed.memberIds() == null ? List.of() : List.copyOf(changed.memberIds());
    jdbc.sql(
            """
            update agent set team_id = null
             where tenant_id = :tenantId and team_id = :teamId
               and user_id <> all(:members)
               and (team_event_at is null or team_event_at <= :at)
            """)
        .param("tenantId", tenant)
        .param("teamId", teamId)
        .param("members", members.toArray(UUID[]::new))
        .param("at", utc(at))
        .update();
    for (UUID member : members) {
      joinTeam(tenant, member, teamId, at);
    }
  }

  /** The user in this tenant, if lead-service has heard of them. */
  @Transactional(readOnly = true)
  public Optional<AgentView> find(UUID tenantId, UUID userId) {
    return jdbc.sql(
            "select " + COLUMNS + " from agent where tenant_id = :tenantId and user_id = :userId")
        .param("tenantId", tenantId)
        .param("userId", userId)
        .query(AgentDirectory::map)
        .optional();
  }

  /**
   * @throws NotFoundException if the user is unknown in the tenant
   */
  public AgentView require(UUID tenantId, UUID userId) {
    return find(tenantId, userId).orElseThrow(() -> new NotFoundException("Agent", userId));
  }

  /** Members of a team ordered by user id (the round-robin order), including inactive ones. */
  @Transactional(readOnly = true)
  public List<AgentView> teamMembers(UUID tenantId, UUID teamId) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from agent where tenant_id = :tenantId and team_id = :teamId order by user_id")
        .param("tenantId", tenantId)
        .param("teamId", teamId)
        .query(AgentDirectory::map)
        .list();
  }

  /** Every known user of the tenant, or of one team, by name. */
  @Transactional(readOnly = true)
  public List<AgentView> list(UUID tenantId, UUID teamId) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + """
                 from agent
                 where tenant_id = :tenantId and not deleted
                   and (cast(:teamId as uuid) is null or team_id = :teamId)
                 order by lower(coalesce(last_name, '')), lower(coalesce(first_name, '')), user_id
                """)
        .param("tenantId", tenantId)
        .param("teamId", teamId)
        .query(AgentDirectory::map)
        .list();
  }

  /** Whether user-service has announced this team (and not deleted it). */
  @Transactional(readOnly = true)
  public boolean teamExists(UUID tenantId, UUID teamId) {
    return jdbc.sql(
            """
            select exists (select 1 from team
                            where id = :teamId and tenant_id = :tenantId and not deleted)
                or exists (select 1 from agent where tenant_id = :tenantId and team_id = :teamId)
            """)
        .param("tenantId", tenantId)
        .param("teamId", teamId)
        .query(Boolean.class)
        .single();
  }

  /** Takes the agent out of automatic assignment until the given moment. */
  @Transactional
  public AgentView pause(UUID tenantId, UUID userId, Instant until, String reason, UUID pausedBy) {
    int updated =
        jdbc.sql(
                """
                update agent set paused_until = :until, pause_reason = :reason, paused_by = :by
                 where tenant_id = :tenantId and user_id = :userId
                """)
            .param("until", utc(until))
            .param("reason", reason)
            .param("by", pausedBy)
            .param("tenantId", tenantId)
            .param("userId", userId)
            .update();
    if (updated == 0) {
      throw new NotFoundException("Agent", userId);
    }
    return require(tenantId, userId);
  }

  @Transactional
  public AgentView resume(UUID tenantId, UUID userId) {
    int updated =
        jdbc.sql(
                """
                update agent set paused_until = null, pause_reason = null, paused_by = null
                 where tenant_id = :tenantId and user_id = :userId
                """)
            .param("tenantId", tenantId)
            .param("userId", userId)
            .update();
    if (updated == 0) {
      throw new NotFoundException("Agent", userId);
    }
    return require(tenantId, userId);
  }

  /** Names of the given users, for views that show who a lead is assigned to. */
  @Transactional(readOnly = true)
  public List<AgentView> findAll(UUID tenantId, Collection<UUID> userIds) {
    if (userIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from agent where tenant_id = :tenantId and user_id = any(:ids) order by user_id")
        .param("tenantId", tenantId)
        .param("ids", userIds.toArray(UUID[]::new))
        .query(AgentDirectory::map)
        .list();
  }

  private static AgentView map(ResultSet rs, int row) throws SQLException {
    return new AgentView(
        rs.getObject("user_id", UUID.class),
        rs.getObject("tenant_id", UUID.class),
        rs.getString("email"),
        rs.getString("first_name"),
        rs.getString("last_name"),
        strings(rs.getArray("roles")),
        rs.getObject("team_id", UUID.class),
        rs.getBoolean("active"),
        rs.getBoolean("deleted"),
        instant(rs.getTimestamp("paused_until")),
        rs.getString("pause_reason"));
  }

  private static Set<String> strings(Array array) throws SQLException {
    return array == null ? Set.of() : Set.copyOf(Arrays.asList((String[]) array.getArray()));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  private static java.time.OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
