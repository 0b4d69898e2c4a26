package com.chosencrm.user.team;

import com.chosencrm.common.security.CurrentUser;
import com.chosencrm.user.team.TeamRequests.CreateTeamRequest;
import com.chosencrm.user.team.TeamRequests.UpdateTeamRequest;
import com.chosencrm.user.team.TeamResponses.TeamResponse;
import com.chosencrm.user.team.TeamResponses.TeamSummary;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Teams of the caller's tenant. Admins read and change them all; supervisors and agents read their
 * own team. A tenant has few teams, so the list is not paged.
 */
@RestController
@RequestMapping("/api/teams")
class TeamController {

  private final TeamService service;

  TeamController(TeamService service) {
    this.service = service;
  }

  @GetMapping
  List<TeamSummary> list(CurrentUser caller) {
    return service.list(caller);
  }

  @GetMapping("/{id}")
  TeamResponse get(CurrentUser caller, @PathVariable UUID id) {
    return service.get(caller, id);
  }

  @PreAuthorize("hasRole('ADMIN')")
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @ApiResponse(responseCode = "409", description = "The name is taken")
  ResponseEntity<TeamResponse> create(
      CurrentUser caller, @Valid @RequestBody CreateTeamRequest request) {
    TeamResponse created = service.create(caller, request);
    return ResponseEntity.created(URI.create("/api/teams/" + created.id())).body(created);
  }

  @PreAuthorize("hasRole('ADMIN')")
  @PutMapping("/{id}")
  @ApiResponse(responseCode = "409", description = "The name is taken")
  TeamResponse update(
      CurrentUser caller, @PathVariable UUID id, @Valid @RequestBody UpdateTeamRequest request) {
    return service.update(caller, id, request);
  }

  @PreAuthorize("hasRole('ADMIN')")
  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  ResponseEntity<Void> delete(CurrentUser caller, @PathVariable UUID id) {
    service.delete(caller, id);
    return ResponseEntity.noContent().build();
  }
}
