package com.chosencrm.lead.assignment;

import com.chosencrm.common.id.UuidV7;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every assignment of a lead, in {@code lead_assignment}: the lead history shows them, and the
 * daily caps count the ones made by rules.
 */
@Component
public class AssignmentLog {

  private final JdbcClient jdbc;
  private final NamedParameterJdbcTemplate batch;

  AssignmentLog(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  /** How a lead came to its assignee. */
  public enum Method {
    /** By a user, naming the assignee. */
    MANUAL,
    /** By an assignment rule. */
    RULE,
    /** Round robin over a team a user named (bulk assign, reassign-all to a team). */
    TEAM_ROUND_ROBIN,
    /** To the agent who created it, when no rule assigned it. */
    CREATOR
  }

  public record Entry(
      UUID tenantId,
      UUID leadId,
      UUID fromUserId,
      UUID toUserId,
      Method method,
      UUID ruleId,
      String reason,
      UUID actorId,
      String requestId,
      Instant at) {}

  @Transactional(propagation = Propagation.MANDATORY)
  public void record(List<Entry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    MapSqlParameterSource[] rows =
        entries.stream()
            .map(
                e ->
                    new MapSqlParameterSource()
                        .addValue("id", UuidV7.next())
                        .addValue("tenantId", e.tenantId())
                        .addValue("leadId", e.leadId())
                        .addValue("fromUserId", e.fromUserId(), Types.OTHER)
                        .addValue("toUserId", e.toUserId(), Types.OTHER)
                        .addValue("method", e.method().name())
                        .addValue("ruleId", e.ruleId(), Types.OTHER)
                        .addValue("reason", e.reason(), Types.VARCHAR)
                        .addValue("actorId", e.actorId(), Types.OTHER)
                        .addValue("requestId", e.requestId(), Types.VARCHAR)
                        .addValue("at", e.at().atOffset(ZoneOffset.UTC)))
            .toArray(MapSqlParameterSource[]::new);
    batch.batchUpdate(
        """
        insert into lead_assignment (id, tenant_id, lead_id, from_user_id, to_user_id, method,
                                     rule_id, reason, actor_id, request_id, assigned_at)
        values (:id, :tenantId, :leadId, :fromUserId, :toUserId, :method, :ruleId, :reason,
                :actorId, :requestId, :at)
        """,
        rows);
  }

  /** Leads assigned to each agent by rules since the given moment. */
  @Transactional(propagation = Propagation.MANDATORY)
  public Map<UUID, Long> ruleAssignmentsSince(
      UUID tenantId, Collection<UUID> agentIds, Instant since) {
    Map<UUID, Long> counts = new HashMap<>();
    if (agentIds.isEmpty()) {
      return counts;
    }
    jdbc.sql(
            """
            select to_user_id, count(*) as assigned from lead_assignment
             where tenant_id = :tenantId and method = 'RULE' and assigned_at >= :since
               and to_user_id = any(:ids)
             group by to_user_id
            """)
        .param("tenantId", tenantId)
        .param("since", since.atOffset(ZoneOffset.UTC))
        .param("ids", agentIds.toArray(UUID[]::new))
        .query(
            (rs, n) -> counts.put(rs.getObject("to_user_id", UUID.class), rs.getLong("assigned")))
        .list();
    return counts;
  }

  /** A merged duplicate's assignments become the survivor's. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void moveToLead(UUID tenantId, UUID fromLeadId, UUID toLeadId) {
    jdbc.sql(
            "update lead_assignment set lead_id = :to where tenant_id = :tenantId and lead_id = :from")
        .param("to", toLeadId)
        .param("tenantId", tenantId)
        .param("from", fromLeadId)
        .update();
  }
}
