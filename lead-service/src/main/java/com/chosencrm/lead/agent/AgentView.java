package com.chosencrm.lead.agent;

import com.chosencrm.common.security.Roles;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A user of the tenant as lead-service knows them from user-service's events (ADR 0006).
 *
 * @param pausedUntil out of office until then: no automatic assignments before it
 */
public record AgentView(
    UUID userId,
    UUID tenantId,
    String email,
    String firstName,
    String lastName,
    Set<String> roles,
    UUID teamId,
    boolean active,
    boolean deleted,
    Instant pausedUntil,
    String pauseReason) {

  public AgentView {
    roles = Set.copyOf(roles);
  }

  public String name() {
    String first = firstName == null ? "" : firstName;
    String last = lastName == null ? "" : lastName;
    return (first + " " + last).strip();
  }

  /** Can hold leads at all: not deactivated or deleted in user-service. */
  public boolean isActive() {
    return active && !deleted;
  }

  public boolean isPausedAt(Instant moment) {
    return pausedUntil != null && pausedUntil.isAfter(moment);
  }

  /** In the rotation of automatic assignment: an active, unpaused agent. */
  public boolean takesNewLeadsAt(Instant moment) {
    return isActive() && roles.contains(Roles.AGENT) && !isPausedAt(moment);
  }

  public boolean isInTeam(UUID team) {
    return team != null && team.equals(teamId);
  }
}
