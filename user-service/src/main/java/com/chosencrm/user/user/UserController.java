package com.chosencrm.user.user;

import com.chosencrm.common.paging.CursorPage;
import com.chosencrm.common.paging.PageLimits;
import com.chosencrm.common.security.CurrentUser;
import com.chosencrm.user.user.UserDirectory.UserQuery;
import com.chosencrm.user.user.UserRequests.ChangePasswordRequest;
import com.chosencrm.user.user.UserRequests.ChangeRolesRequest;
import com.chosencrm.user.user.UserRequests.CreateUserRequest;
import com.chosencrm.user.user.UserRequests.UpdateUserRequest;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Users of the caller's tenant. Anyone signed in reads the users they may see (see {@link
 * UserDirectory}); only tenant admins change them. A user's team is set through {@code PUT
 * /api/users/{id}/team}, served by the team feature.
 */
@RestController
@RequestMapping("/api/users")
class UserController {

  private final UserDirectory directory;
  private final UserService service;

  UserController(UserDirectory directory, UserService service) {
    this.directory = directory;
    this.service = service;
  }

  @GetMapping
  CursorPage<UserResponse> list(
      CurrentUser caller,
      @RequestParam(required = false) @Size(max = 100, message = "Search at most 100 characters")
          String q,
      @RequestParam(required = false) Role role,
      @RequestParam(required = false) UUID teamId,
      @RequestParam(required = false) Boolean active,
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) String cursor) {
    return directory.list(
        caller, new UserQuery(q, role, teamId, active, PageLimits.of(limit), cursor));
  }

  @GetMapping("/{id}")
  UserResponse get(CurrentUser caller, @PathVariable UUID id) {
    return directory.get(caller, id);
  }

  @PreAuthorize("hasRole('ADMIN')")
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @ApiResponse(responseCode = "409", description = "The email is taken")
  @ApiResponse(responseCode = "422", description = "The tenant has its maximum of users")
  ResponseEntity<UserResponse> create(
      CurrentUser caller, @Valid @RequestBody CreateUserRequest request) {
    UserResponse created = service.create(caller, request);
    return ResponseEntity.created(URI.create("/api/users/" + created.id())).body(created);
  }

  @PreAuthorize("hasRole('ADMIN')")
  @PutMapping("/{id}")
  @ApiResponse(responseCode = "409", description = "The email is taken")
  UserResponse update(
      CurrentUser caller, @PathVariable UUID id, @Valid @RequestBody UpdateUserRequest request) {
    return service.update(caller, id, request);
  }

  @PreAuthorize("hasRole('ADMIN')")
  @PutMapping("/{id}/roles")
  @ApiResponse(responseCode = "422", description = "The last active admin would lose the role")
  UserResponse changeRoles(
      CurrentUser caller, @PathVariable UUID id, @Valid @RequestBody ChangeRolesRequest request) {
    return service.changeRoles(caller, id, request);
  }

  @PreAuthorize("hasRole('ADMIN')")
  @PostMapping("/{id}/deactivate")
  @ApiResponse(responseCode = "422", description = "The last active admin")
  UserResponse deactivate(CurrentUser caller, @PathVariable UUID id) {
    return service.deactivate(caller, id);
  }

  @PreAuthorize("hasRole('ADMIN')")
  @PostMapping("/{id}/reactivate")
  @ApiResponse(responseCode = "422", description = "The tenant has its maximum of users")
  UserResponse reactivate(CurrentUser caller, @PathVariable UUID id) {
    return service.reactivate(caller, id);
  }

  @PreAuthorize("hasRole('ADMIN')")
  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @ApiResponse(responseCode = "409", description = "The user is still referenced")
  @ApiResponse(responseCode = "422", description = "The last active admin")
  ResponseEntity<Void> delete(CurrentUser caller, @PathVariable UUID id) {
    service.delete(caller, id);
    return ResponseEntity.noContent().build();
  }

  /** Any signed-in user, for their own account only. */
  @PostMapping("/me/password")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  ResponseEntity<Void> changeOwnPassword(
      CurrentUser caller, @Valid @RequestBody ChangePasswordRequest request) {
    service.changeOwnPassword(caller, request);
    return ResponseEntity.noContent().build();
  }
}
