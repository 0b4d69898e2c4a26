package com.chosencrm.lead.assignment;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/** Implemented by the lead feature, which owns the leads: how many open leads each agent holds. */
public interface OpenLeadCounts {

  /** Live leads in open stages, per agent; agents without any may be missing from the map. */
  Map<UUID, Long> openLeadsByAgent(UUID tenantId, Collection<UUID> agentIds);
}
