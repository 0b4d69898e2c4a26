package com.chosencrm.lead.lead;

import com.chosencrm.common.security.CurrentUser;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Manual assignment: supervisors within their team, admins across the tenant. */
@RestController
class LeadAssignmentController {

  private static final String MANAGERS = "hasAnyRole('ADMIN', 'SUPERVISOR')";

  private final LeadAssignments assignments;

  LeadAssignmentController(LeadAssignments assignments) {
    this.assignments = assignments;
  }

  @PostMapping("/api/leads/{id}/assign")
  @ApiResponse(responseCode = "409", description = "The lead is already assigned")
  @ApiResponse(responseCode = "422", description = "Nobody in the team is available")
  @PreAuthorize(MANAGERS)
  LeadView assign(
      CurrentUser user, @PathVariable UUID id, @Valid @RequestBody LeadRequests.Assign request) {
    return assignments.assign(
        user, id, new LeadAssignments.Target(request.userId(), request.teamId()), request.reason());
  }

  @PostMapping("/api/leads/{id}/reassign")
  @ApiResponse(responseCode = "409", description = "The lead is not assigned yet")
  @PreAuthorize(MANAGERS)
  LeadView reassign(
      CurrentUser user, @PathVariable UUID id, @Valid @RequestBody LeadRequests.Assign request) {
    return assignments.reassign(
        user, id, new LeadAssignments.Target(request.userId(), request.teamId()), request.reason());
  }

  record Reassigned(int reassigned) {}

  /** All live leads of one user, e.g. one who leaves, to a user or round robin over a team. */
  @PostMapping("/api/leads/assignment/reassign-all")
  @PreAuthorize(MANAGERS)
  Reassigned reassignAll(CurrentUser user, @Valid @RequestBody LeadRequests.ReassignAll request) {
    return new Reassigned(
        assignments.reassignAll(
            user,
            request.fromUserId(),
            new LeadAssignments.Target(request.toUserId(), request.toTeamId()),
            request.reason()));
  }
}
