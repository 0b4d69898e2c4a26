package com.chosencrm.lead.lead;

import com.chosencrm.lead.assignment.OpenLeadCounts;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Open leads per agent, for least-open-leads assignment. */
@Component
class LeadOpenCounts implements OpenLeadCounts {

  private final JdbcClient jdbc;

  LeadOpenCounts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  @Transactional(readOnly = true)
  public Map<UUID, Long> openLeadsByAgent(UUID tenantId, Collection<UUID> agentIds) {
    Map<UUID, Long> counts = new HashMap<>();
    if (agentIds.isEmpty()) {
      return counts;
    }
    jdbc.sql(
            """
            select l.assignee_id, count(*) as open_leads
              from lead l join pipeline_stage s on s.id = l.stage_id
             where l.tenant_id = :tenantId and l.assignee_id = any(:agents)
               and l.deleted_at is null and s.kind = 'OPEN'
             group by l.assignee_id
            """)
        .param("tenantId", tenantId)
        .param("agents", agentIds.toArray(UUID[]::new))
        .query((rs, n) -> counts.put(rs.getObject(1, UUID.class), rs.getLong(2)))
        .list();
    return counts;
  }
}
