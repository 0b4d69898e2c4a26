package com.chosencrm.user.user;

import java.util.UUID;

/**
 * What the user feature needs to know about teams. The team feature implements it, so teams may
 * depend on users without users depending back on teams.
 */
public interface TeamDirectory {

  boolean isTeamOfTenant(UUID tenantId, UUID teamId);

  /**
   * The user may no longer supervise (their roles no longer allow it, or they are being deleted):
   * every team they supervise is left without a supervisor.
   */
  void releaseSupervisor(UUID tenantId, UUID userId);
}
