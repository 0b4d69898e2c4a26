package com.chosencrm.lead.pipeline;

import com.chosencrm.common.security.CurrentUser;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * What the pipeline needs from the leads when stages are removed: implemented by the lead feature,
 * which owns the lead table, its history and its events.
 */
public interface StageMoves {

  /** Leads of the tenant (deleted ones too) per stage, for the given stages. */
  Map<UUID, Long> countLeadsIn(UUID tenantId, Collection<UUID> stageIds);

  /** Moves every lead of one stage to another, recording each as a status change. */
  int moveLeads(CurrentUser actor, Stage from, Stage to);
}
