package com.chosencrm.user.team;

import com.chosencrm.common.security.CurrentUser;
import com.chosencrm.user.team.TeamRequests.TeamMembersRequest;
import com.chosencrm.user.team.TeamRequests.UserTeamRequest;
import com.chosencrm.user.team.TeamResponses.TeamResponse;
import com.chosencrm.user.user.UserResponse;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who is in which team, seen from either side: a team's whole member list, or one user's team. Both
 * live here because membership rules (one team per user, the supervisor stays a member) are the
 * team feature's.
 */
@RestController
@PreAuthorize("hasRole('ADMIN')")
class TeamMembershipController {

  private final TeamService service;

  TeamMembershipController(TeamService service) {
    this.service = service;
  }

  @PutMapping("/api/teams/{id}/members")
  TeamResponse setMembers(
      CurrentUser caller, @PathVariable UUID id, @Valid @RequestBody TeamMembersRequest request) {
    return service.setMembers(caller, id, request);
  }

  @PutMapping("/api/users/{id}/team")
  UserResponse moveUser(
      CurrentUser caller, @PathVariable UUID id, @Valid @RequestBody UserTeamRequest request) {
    return service.moveUser(caller, id, request);
  }
}
