package com.chosencrm.lead.lead;

import com.chosencrm.common.security.CurrentUser;
import java.util.Map;

/**
 * Which leads a caller may see, as a SQL condition on {@code lead l}: agents their own, supervisors
 * those of their team (the team in their token, its members from the agent read model) and their
 * own, admins all of the tenant. Always combined with the tenant condition; never applied in
 * memory.
 */
record Visibility(String condition, Map<String, Object> params) {

  static Visibility of(CurrentUser user) {
    if (user.isAdmin()) {
      return new Visibility("true", Map.of());
    }
    if (user.isSupervisor()) {
      if (user.teamId() == null) {
        return new Visibility("l.assignee_id = :viewerId", Map.of("viewerId", user.userId()));
      }
      return new Visibility(
          """
          (l.assignee_id = :viewerId or exists (
              select 1 from agent viewer_team
               where viewer_team.tenant_id = l.tenant_id and viewer_team.user_id = l.assignee_id
                 and viewer_team.team_id = :viewerTeamId))\
          """,
          Map.of("viewerId", user.userId(), "viewerTeamId", user.teamId()));
    }
    if (user.hasRole(com.chosencrm.common.security.Roles.AGENT)) {
      return new Visibility("l.assignee_id = :viewerId", Map.of("viewerId", user.userId()));
    }
    return new Visibility("false", Map.of());
  }
}
