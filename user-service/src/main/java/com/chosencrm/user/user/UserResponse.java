package com.chosencrm.user.user;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A user as clients see it. Never carries the password hash. */
public record UserResponse(
    UUID id,
    String email,
    String firstName,
    String lastName,
    String fullName,
    List<Role> roles,
    @Nullable UUID teamId,
    boolean active,
    Instant createdAt,
    Instant updatedAt,
    @Nullable Instant deactivatedAt) {

  public UserResponse {
    roles = sorted(roles);
  }

  static UserResponse from(User user) {
    return new UserResponse(
        user.id(),
        user.email(),
        user.firstName(),
        user.lastName(),
        user.firstName() + " " + user.lastName(),
        List.copyOf(user.roles()),
        user.teamId(),
        user.isActive(),
        user.createdAt(),
        user.updatedAt(),
        user.deactivatedAt());
  }

  /** Alphabetical, so that the same roles always read the same in every answer and event. */
  static List<Role> sorted(Collection<Role> roles) {
    return roles.stream().sorted(Comparator.comparing(Role::name)).toList();
  }
}
