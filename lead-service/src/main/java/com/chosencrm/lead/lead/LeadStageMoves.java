package com.chosencrm.lead.lead;

import com.chosencrm.common.security.CurrentUser;
import com.chosencrm.lead.lead.LeadEvents.LeadStatusChanged;
import com.chosencrm.lead.lead.LeadHistory.Action;
import com.chosencrm.lead.lead.LeadHistory.Entry;
import com.chosencrm.lead.pipeline.Stage;
import com.chosencrm.lead.pipeline.StageMoves;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Moves leads out of a pipeline stage that an admin removes, as status changes. */
@Component
class LeadStageMoves implements StageMoves {

  private final JdbcClient jdbc;
  private final LeadHistory history;
  private final LeadEvents events;
  private final Clock clock;

  LeadStageMoves(JdbcClient jdbc, LeadHistory history, LeadEvents events, Clock clock) {
    this.jdbc = jdbc;
    this.history = history;
    this.events = events;
    this.clock = clock;
  }

  @Override
  @Transactional(propagation = Propagation.MANDATORY)
  public Map<UUID, Long> countLeadsIn(UUID tenantId, Collection<UUID> stageIds) {
    Map<UUID, Long> counts = new HashMap<>();
    jdbc.sql(
            """
            select stage_id, count(*) as leads from lead
             where tenant_id = :tenantId and stage_id = any(:stageIds)
             group by stage_id
            """)
        .param("tenantId", tenantId)
        .param("stageIds", stageIds.toArray(UUID[]::new))
        .query((rs, n) -> counts.put(rs.getObject(1, UUID.class), rs.getLong(2)))
        .list();
    return counts;
  }

  /** Deleted leads move too (they must reference a stage), but only live ones are announced. */
  @Override
  @Transactional(propagation = Propagation.MANDATORY)
  public int moveLeads(CurrentUser actor, Stage from, Stage to) {
    UUID tenantId = actor.tenantId();
    Instant now = clock.instant();
    List<Object[]> moved =
        jdbc.sql(
                """
                update lead
                   set stage_id = :to, board_rank = :rank, updated_at = :now, updated_by = :actor,
                       version = version + 1
                 where tenant_id = :tenantId and stage_id = :from
                returning id, assignee_id, deleted_at is null as live
                """)
            .param("to", to.id())
            .param("rank", LeadService.topRank(now))
            .param("now", now.atOffset(ZoneOffset.UTC))
            .param("actor", actor.userId())
            .param("tenantId", tenantId)
            .param("from", from.id())
            .query(
                (rs, n) ->
                    new Object[] {
                      rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getBoolean(3)
                    })
            .list();
    history.record(
        moved.stream()
            .map(
                row ->
                    new Entry(
                        tenantId,
                        (UUID) row[0],
                        Action.STATUS_CHANGED,
                        "status",
                        from.name(),
                        to.name(),
                        actor.userId(),
                        "Stage '" + from.name() + "' was removed from the pipeline",
                        now))
            .toList());
    moved.stream()
        .filter(row -> (Boolean) row[2])
        .forEach(
            row ->
                events.statusChanged(
                    tenantId,
                    LeadStatusChanged.between(
                        (UUID) row[0], from, to, (UUID) row[1], actor.userId())));
    return moved.size();
  }
}
